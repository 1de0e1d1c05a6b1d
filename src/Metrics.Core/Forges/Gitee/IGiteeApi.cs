using Refit;

namespace Metrics.Core.Forges.Gitee;

/// <summary>
/// The Gitee API v5 endpoints the collector reads. The token is not a parameter here: <see cref="GiteeTokenHandler"/>
/// adds it at the last moment, so no URL above the socket ever carries it.
/// </summary>
internal interface IGiteeApi
{
    [Get("/repos/{owner}/{repo}")]
    Task<IApiResponse<GiteeProject>> GetRepositoryAsync(string owner, string repo, CancellationToken cancellationToken);

    /// <summary>Oldest star first, each with star_at; totals in the total_count and total_page headers.</summary>
    [Get("/repos/{owner}/{repo}/stargazers")]
    Task<IApiResponse<GiteeStargazer[]>> GetStargazersAsync(
        string owner, string repo, int page, [AliasAs("per_page")] int perPage, CancellationToken cancellationToken);

    [Get("/repos/{owner}/{repo}/contributors")]
    Task<IApiResponse<GiteeContributor[]>> GetContributorsAsync(
        string owner, string repo, int page, [AliasAs("per_page")] int perPage, CancellationToken cancellationToken);

    [Get("/repos/{owner}/{repo}/releases")]
    Task<IApiResponse<GiteeRelease[]>> GetReleasesAsync(
        string owner, string repo, int page, [AliasAs("per_page")] int perPage, CancellationToken cancellationToken);

    [Get("/repos/{owner}/{repo}/tags")]
    Task<IApiResponse<GiteeTag[]>> GetTagsAsync(
        string owner, string repo, int page, [AliasAs("per_page")] int perPage, CancellationToken cancellationToken);
}
