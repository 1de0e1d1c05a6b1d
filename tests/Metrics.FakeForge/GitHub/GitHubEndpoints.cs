using System.Text.Json.Nodes;
using Metrics.FakeForge.Core;
using Metrics.FakeForge.World;

namespace Metrics.FakeForge.GitHub;

/// <summary>The GitHub REST endpoints the collector uses, under /github/.</summary>
public static class GitHubEndpoints
{
    private const string Docs = "https://docs.github.com/rest";

    public static IEndpointRouteBuilder MapGitHub(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/github").AddEndpointFilter<GitHubFilter>();
        g.MapGet("/rate_limit", RateLimitJson.Answer);
        g.MapRepo("", $"{Docs}/repos/repos#get-a-repository", (c, r) =>
            JsonPayload.Ok(GitHubRepositoryJson.Build(r, c.Api, c.Now, c.Token, c.Push, CloneUrls.For(c.Http, c.State.Options, "github", r.FullName))));
        g.MapRepo("/stargazers", $"{Docs}/activity/starring#list-stargazers", Stargazers);
        g.MapRepo("/stargazers/history", $"{Docs}/activity/starring#get-repository-star-history", History);
        g.MapRepo("/contributors", $"{Docs}/repos/repos#list-repository-contributors", Contributors);
        g.MapRepo("/stats/contributors", $"{Docs}/metrics/statistics#get-all-contributor-commit-activity", Stats);
        g.MapRepo("/releases", $"{Docs}/releases/releases#list-releases", (c, r) =>
            Paged(c, r, "/releases", [.. Visibility.Releases(r, c.Now, c.Push).Select(x => (JsonNode)GitHubReleaseJson.Release(r, x, c.Api))], 30, 100));
        g.MapRepo("/tags", $"{Docs}/repos/repos#list-repository-tags", (c, r) =>
            Paged(c, r, "/tags", [.. Visibility.Tags(r.Tags, c.Now).Select(t => (JsonNode)GitHubReleaseJson.Tag(r, t, c.Api))], 30, 100));
        g.MapGet("/{**rest}", () => GitHubErrors.NotFound(Docs));
        return app;
    }

    /// <summary>Since 2026 the list is for collaborators only: 404 for others, 403 for fine-grained PATs.</summary>
    private static JsonPayload Stargazers(GitHubCall call, GitHubRepository repo) =>
        call.Token?.StartsWith("github_pat_", StringComparison.Ordinal) == true
            ? GitHubErrors.FineGrainedPatForbidden()
            : GitHubErrors.NotFound($"{Docs}/activity/starring#list-stargazers");

    private static JsonPayload History(GitHubCall call, GitHubRepository repo)
    {
        var page = PageRequest.From(call.Request, 30, 30);
        if (page.Page > 100)
        {
            return GitHubErrors.PaginationLimited();
        }

        var buckets = StarHistory.Buckets(repo.Stars, call.Now);
        return Page(call, repo, "/stargazers/history", [.. buckets.Skip(page.Skip).Take(page.PerPage).Select(b => (JsonNode)StarHistory.ToJson(b))], page, Math.Min(100, PageRequest.LastPage(buckets.Count, page.PerPage)));
    }

    private static JsonPayload Contributors(GitHubCall call, GitHubRepository repo)
    {
        if (repo.IsEmpty)
        {
            return JsonPayload.Empty(204);
        }

        var anon = call.Request.Query["anon"].ToString() is "1" or "true";
        var list = repo.Contributors.Where(c => anon || !c.IsAnonymous).Select(c => (JsonNode)GitHubReleaseJson.Contributor(c, call.Api)).ToList();
        return Paged(call, repo, "/contributors", list, 30, 100);
    }

    private static JsonPayload Stats(GitHubCall call, GitHubRepository repo) =>
        repo.IsEmpty ? JsonPayload.Empty(204)
        : call.State.StatsStillComputing(repo.Id) ? JsonPayload.Json(202, new JsonObject())
        : JsonPayload.Ok(ContributorStats.Build(repo, call.Now, call.Api));

    private static JsonPayload Paged(GitHubCall call, GitHubRepository repo, string suffix, List<JsonNode> all, int perPage, int max)
    {
        var page = PageRequest.From(call.Request, perPage, max);
        return Page(call, repo, suffix, [.. all.Skip(page.Skip).Take(page.PerPage)], page, PageRequest.LastPage(all.Count, page.PerPage));
    }

    private static JsonPayload Page(GitHubCall call, GitHubRepository repo, string suffix, List<JsonNode> items, PageRequest page, int lastPage)
    {
        var payload = JsonPayload.Ok(new JsonArray([.. items]));
        var link = GitHubLinks.Build($"{call.Api}/repositories/{repo.Id}{suffix}", call.Request, page, lastPage);
        return link is null ? payload : payload.WithHeader("Link", link);
    }
}
