using Metrics.FakeForge.Core;
using Metrics.FakeForge.Hosting;
using Metrics.FakeForge.World;

namespace Metrics.FakeForge.GitHub;

/// <summary>
/// Maps a repository sub-resource under both spellings GitHub answers to — /repos/{owner}/{repo}
/// and /repositories/{id} (what Link and Location headers use) — with the rename, deletion and
/// takedown answers in one place.
/// </summary>
internal static class GitHubRepoRoutes
{
    public static void MapRepo(this RouteGroupBuilder group, string suffix, string docs, Func<GitHubCall, GitHubRepository, JsonPayload> handler)
    {
        group.MapGet("/repos/{owner}/{repo}" + suffix, (HttpContext http, ForgeState state, string owner, string repo) =>
        {
            var call = GitHubCall.From(http, state);
            var found = state.World.FindGitHub(owner, repo);
            if (found is null && state.World.FindRenamed(owner, repo) is { State: RepositoryState.Active } moved)
            {
                var query = Redaction.Query(http.Request.QueryString.Value ?? "");
                return GitHubErrors.Moved($"{call.Api}/repositories/{moved.Id}{suffix}{query}");
            }

            return Answer(call, found, docs, handler);
        });
        group.MapGet("/repositories/{id:long}" + suffix, (HttpContext http, ForgeState state, long id) =>
            Answer(GitHubCall.From(http, state), state.World.FindGitHub(id), docs, handler));
    }

    private static JsonPayload Answer(GitHubCall call, GitHubRepository? repo, string docs, Func<GitHubCall, GitHubRepository, JsonPayload> handler) =>
        repo switch
        {
            null or { State: RepositoryState.Deleted } => GitHubErrors.NotFound(docs),
            { State: RepositoryState.Blocked } => GitHubErrors.Blocked(repo.Block ?? new BlockInfo("dmca", repo.CreatedAt, "https://github.com/github/dmca")),
            _ => handler(call, repo),
        };
}
