using Refit;

namespace Metrics.Core.Forges.GitCode;

/// <summary>
/// The GitCode API v5 endpoints the collector reads. The token is no parameter: <see cref="GitCodeTokenHandler"/> puts
/// it in the Authorization header, so it is never part of a URL.
/// </summary>
internal interface IGitCodeApi
{
    [Get("/repos/{owner}/{repo}")]
    Task<IApiResponse<GitCodeProject>> GetRepositoryAsync(string owner, string repo, CancellationToken cancellationToken);

    /// <summary>Each star with starred_at (+08:00, milliseconds); totals in the total_count and total_page headers.</summary>
    [Get("/repos/{owner}/{repo}/stargazers")]
    Task<IApiResponse<GitCodeStargazer[]>> GetStargazersAsync(
        string owner, string repo, int page, [AliasAs("per_page")] int perPage, CancellationToken cancellationToken);

    [Get("/repos/{owner}/{repo}/contributors")]
    Task<IApiResponse<GitCodeContributor[]>> GetContributorsAsync(
        string owner, string repo, int page, [AliasAs("per_page")] int perPage, CancellationToken cancellationToken);

    [Get("/repos/{owner}/{repo}/releases")]
    Task<IApiResponse<GitCodeRelease[]>> GetReleasesAsync(
        string owner, string repo, int page, [AliasAs("per_page")] int perPage, CancellationToken cancellationToken);

    [Get("/repos/{owner}/{repo}/tags")]
    Task<IApiResponse<GitCodeTag[]>> GetTagsAsync(
        string owner, string repo, int page, [AliasAs("per_page")] int perPage, CancellationToken cancellationToken);
}
