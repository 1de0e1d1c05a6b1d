using System.Globalization;
using System.Text.Json.Nodes;
using Metrics.FakeForge.Core;
using Metrics.FakeForge.Hosting;
using Metrics.FakeForge.World;

namespace Metrics.FakeForge.Gitee;

/// <summary>Gitee API v5 under /gitee/api/v5/.</summary>
public static class GiteeEndpoints
{
    public static IEndpointRouteBuilder MapGitee(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/gitee/api/v5").AddEndpointFilter<GiteeFilter>();
        Map(g, "", (c, r) => JsonPayload.Ok(GiteeRepositoryJson.Build(r, c.Api, c.Now, CloneUrls.For(c.Http, c.Http.RequestServices.GetRequiredService<ForgeState>().Options, "gitee", r.FullName))));
        Map(g, "/stargazers", Stargazers);
        Map(g, "/contributors", (c, r) =>
            JsonPayload.Ok(new JsonArray([.. r.Contributors.Select(x => (JsonNode)new JsonObject { ["email"] = x.Email, ["name"] = x.Name, ["contributions"] = x.Contributions })])));
        Map(g, "/releases", Releases);
        Map(g, "/tags", (c, r) => JsonPayload.Ok(new JsonArray([.. Visibility.Tags(r.Tags, c.Now).Select(t => (JsonNode)GiteeJson.Tag(t))])));
        g.MapGet("/{**rest}", () => JsonPayload.Json(404, new JsonObject { ["message"] = "Not Found" }));
        return app;
    }

    private static void Map(RouteGroupBuilder g, string suffix, Func<GiteeCall, GiteeRepository, JsonPayload> handler) =>
        g.MapGet("/repos/{owner}/{repo}" + suffix, (HttpContext http, ForgeState state, string owner, string repo) =>
            state.World.FindGitee(owner, repo) is { } r
                ? handler(new GiteeCall(http, $"{http.Request.Scheme}://{http.Request.Host}/gitee/api/v5", state.Now), r)
                : JsonPayload.Json(404, new JsonObject { ["message"] = "Not Found Project" }));

    /// <summary>Oldest star first, each with star_at in +08:00.</summary>
    private static JsonPayload Stargazers(GiteeCall c, GiteeRepository r)
    {
        var all = r.Stars.EventList(c.Now);
        var page = PageRequest.From(c.Http.Request, 20, 100);
        var items = all.Skip(page.Skip).Take(page.PerPage).Select(e => (JsonNode)GiteeJson.Stargazer(c.Api, r, e.At, e.Day, e.Index));
        return WithTotals(JsonPayload.Ok(new JsonArray([.. items])), all.Count, page);
    }

    /// <summary>Newest first unless direction=asc.</summary>
    private static JsonPayload Releases(GiteeCall c, GiteeRepository r)
    {
        var all = Visibility.Releases(r, c.Now).OrderByDescending(x => x.CreatedAt).ToList();
        if (c.Http.Request.Query["direction"] == "asc")
        {
            all.Reverse();
        }

        var page = PageRequest.From(c.Http.Request, 20, 100);
        var items = all.Skip(page.Skip).Take(page.PerPage).Select(x => (JsonNode)GiteeJson.Release(r, x, c.Api));
        return WithTotals(JsonPayload.Ok(new JsonArray([.. items])), all.Count, page);
    }

    private static JsonPayload WithTotals(JsonPayload payload, int count, PageRequest page) => payload
        .WithHeader("total_count", count.ToString(CultureInfo.InvariantCulture))
        .WithHeader("total_page", ((count + page.PerPage - 1) / page.PerPage).ToString(CultureInfo.InvariantCulture));
}

internal sealed record GiteeCall(HttpContext Http, string Api, DateTimeOffset Now);
