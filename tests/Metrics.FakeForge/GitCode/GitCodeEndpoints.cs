using System.Globalization;
using System.Text.Json.Nodes;
using Metrics.FakeForge.Core;
using Metrics.FakeForge.Hosting;
using Metrics.FakeForge.World;

namespace Metrics.FakeForge.GitCode;

/// <summary>GitCode API v5 under /gitcode/api/v5/, and the same API under /atomgit/api/v5/ (one backend, two hosts).</summary>
public static class GitCodeEndpoints
{
    public static IEndpointRouteBuilder MapGitCode(this IEndpointRouteBuilder app)
    {
        foreach (var prefix in new[] { "/gitcode/api/v5", "/atomgit/api/v5" })
        {
            var g = app.MapGroup(prefix).AddEndpointFilter<GitCodeFilter>();
            Map(g, "", (_, r, now) => JsonPayload.Ok(GitCodeJson.Repository(r, now)));
            Map(g, "/stargazers", Stargazers);
            Map(g, "/contributors", (_, r, _) => JsonPayload.Ok(new JsonArray([.. r.Contributors.Select(c => (JsonNode)GitCodeJson.Contributor(c))])));
            Map(g, "/releases", Releases);
            Map(g, "/tags", Tags);
            g.MapGet("/{**rest}", () => GitCodeJson.Error(404, "UN_KNOW", "404 Not Found"));
        }

        return app;
    }

    private static void Map(RouteGroupBuilder g, string suffix, Func<HttpRequest, GitCodeRepository, DateTimeOffset, JsonPayload> handler) =>
        g.MapGet("/repos/{owner}/{repo}" + suffix, (HttpContext http, ForgeState state, string owner, string repo) =>
            state.World.FindGitCode(owner, repo) is { } r
                ? handler(http.Request, r, state.Now)
                : GitCodeJson.Error(404, "UN_KNOW", $"Project not found:{Uri.EscapeDataString(":" + owner + "/:" + repo)}"));

    /// <summary>Oldest star first; total_count and total_page headers; a page past the end is empty.</summary>
    private static JsonPayload Stargazers(HttpRequest request, GitCodeRepository r, DateTimeOffset now)
    {
        var all = r.Stars.EventList(now);
        var page = PageRequest.From(request, 20, 100);
        var items = all.Skip(page.Skip).Take(page.PerPage).Select(e => (JsonNode)GitCodeJson.Stargazer(r, e.At, e.Day, e.Index));
        return WithTotals(JsonPayload.Ok(new JsonArray([.. items])), all.Count, page);
    }

    /// <summary>Oldest first unless direction=desc; totals in headers.</summary>
    private static JsonPayload Releases(HttpRequest request, GitCodeRepository r, DateTimeOffset now)
    {
        var all = r.Releases.Where(x => x.CreatedAt <= now).OrderBy(x => x.CreatedAt).ToList();
        if (request.Query["direction"] == "desc")
        {
            all.Reverse();
        }

        var page = PageRequest.From(request, 20, 100);
        var items = all.Skip(page.Skip).Take(page.PerPage).Select(x => (JsonNode)GitCodeJson.Release(r, x));
        return WithTotals(JsonPayload.Ok(new JsonArray([.. items])), all.Count, page);
    }

    /// <summary>Newest first, no totals, and any page past the end answers the last page again.</summary>
    private static JsonPayload Tags(HttpRequest request, GitCodeRepository r, DateTimeOffset now)
    {
        var all = Visibility.Tags(r.Tags, now).OrderByDescending(t => t.Date).ToList();
        var page = PageRequest.From(request, 20, 100);
        var last = PageRequest.LastPage(all.Count, page.PerPage);
        var shown = page with { Page = Math.Min(page.Page, last) };
        return JsonPayload.Ok(new JsonArray([.. all.Skip(shown.Skip).Take(shown.PerPage).Select(t => (JsonNode)GitCodeJson.Tag(t))]));
    }

    private static JsonPayload WithTotals(JsonPayload payload, int count, PageRequest page) => payload
        .WithHeader("total_count", count.ToString(CultureInfo.InvariantCulture))
        .WithHeader("total_page", PageRequest.LastPage(count, page.PerPage).ToString(CultureInfo.InvariantCulture));
}
