using System.Text.Json.Nodes;
using Metrics.FakeForge.Core;
using Metrics.FakeForge.Hosting;

namespace Metrics.FakeForge.GitHub;

/// <summary>GET /rate_limit: the caller's core window plus the other resources at rest.</summary>
internal static class RateLimitJson
{
    private static readonly (string Name, int Limit)[] Others =
    [
        ("search", 30), ("graphql", 5_000), ("integration_manifest", 5_000), ("source_import", 100), ("code_scanning_upload", 500),
        ("actions_runner_registration", 10_000), ("scim", 15_000), ("dependency_snapshots", 100), ("code_search", 10), ("code_scanning_autofix", 10),
    ];

    public static JsonPayload Answer(HttpContext http, ForgeState state)
    {
        var call = GitHubCall.From(http, state);
        var limit = call.Token is null ? state.Options.GitHubAnonymousLimit : state.Options.GitHubTokenLimit;
        var q = state.Quota.Peek("github", call.ClientKey, limit, TimeSpan.FromHours(1));
        var reset = q.Reset.ToUnixTimeSeconds();
        JsonObject Core() => new() { ["limit"] = q.Limit, ["used"] = q.Used, ["remaining"] = q.Remaining, ["reset"] = reset };
        var resources = new JsonObject { ["core"] = Core() };
        foreach (var (name, max) in Others)
        {
            resources[name] = new JsonObject { ["limit"] = max, ["used"] = 0, ["remaining"] = max, ["reset"] = call.Now.AddHours(1).ToUnixTimeSeconds() };
        }

        return JsonPayload.Ok(new JsonObject { ["resources"] = resources, ["rate"] = Core() });
    }
}
