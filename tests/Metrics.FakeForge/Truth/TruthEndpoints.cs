using Metrics.FakeForge.Hosting;

namespace Metrics.FakeForge.Truth;

/// <summary>GET /_fake/truth/...: what a correct collector should have stored, at the clock's now.</summary>
public static class TruthEndpoints
{
    public static IEndpointRouteBuilder MapTruth(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/_fake/truth");
        g.MapGet("/github/{owner}/{repo}/stars", (ForgeState s, string owner, string repo) => Answer(() => s.Truth.GitHubStars(owner, repo)));
        g.MapGet("/github/{owner}/{repo}/contributors", (ForgeState s, string owner, string repo) => Answer(() => s.Truth.GitHubContributors(owner, repo)));
        g.MapGet("/github/{owner}/{repo}/releases", (ForgeState s, string owner, string repo) => Answer(() => s.Truth.GitHubReleases(owner, repo)));
        g.MapGet("/gitee/{owner}/{repo}/stars", (ForgeState s, string owner, string repo) => Answer(() => s.Truth.GiteeStars(owner, repo)));
        g.MapGet("/gitee/{owner}/{repo}/contributors", (ForgeState s, string owner, string repo) => Answer(() => s.Truth.GiteeContributors(owner, repo)));
        g.MapGet("/gitee/{owner}/{repo}/releases", (ForgeState s, string owner, string repo) => Answer(() => s.Truth.GiteeReleases(owner, repo)));
        g.MapGet("/gitcode/{owner}/{repo}/stars", (ForgeState s, string owner, string repo) => Answer(() => s.Truth.GitCodeStars(owner, repo)));
        g.MapGet("/gitcode/{owner}/{repo}/contributors", (ForgeState s, string owner, string repo) => Answer(() => s.Truth.GitCodeContributors(owner, repo)));
        g.MapGet("/gitcode/{owner}/{repo}/releases", (ForgeState s, string owner, string repo) => Answer(() => s.Truth.GitCodeReleases(owner, repo)));
        g.MapGet("/hf/{org}", (ForgeState s, string org) => Answer(() => s.Truth.HuggingFaceOrganization(org)));
        g.MapGet("/hf/{org}/{name}", (ForgeState s, string org, string name) => Answer(() => s.Truth.HuggingFaceModel(org, name)));
        return app;
    }

    private static IResult Answer<T>(Func<T> truth)
    {
        try
        {
            return Results.Ok(truth());
        }
        catch (KeyNotFoundException e)
        {
            return Results.NotFound(new { message = $"No such repository in the world: {e.Message}" });
        }
    }
}
