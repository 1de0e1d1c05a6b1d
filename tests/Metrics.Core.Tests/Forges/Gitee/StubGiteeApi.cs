using System.Globalization;
using Metrics.Core.Forges.Gitee;
using Refit;

namespace Metrics.Core.Tests.Forges.Gitee;

/// <summary>A stargazer list the test edits between runs (withdrawn stars, new ones), paged the way Gitee pages it.</summary>
internal sealed class StubGiteeApi : IGiteeApi
{
    public List<DateTimeOffset> Stars { get; } = [];

    public List<int> PagesRead { get; } = [];

    public Task<IApiResponse<GiteeStargazer[]>> GetStargazersAsync(string owner, string repo, int page, int perPage, CancellationToken cancellationToken)
    {
        PagesRead.Add(page);
        var items = Stars.Order().Skip((page - 1) * perPage).Take(perPage).Select(s => new GiteeStargazer(s.ToOffset(TimeSpan.FromHours(8)))).ToArray();
        var response = new HttpResponseMessage(System.Net.HttpStatusCode.OK)
        {
            RequestMessage = new HttpRequestMessage(HttpMethod.Get, $"https://gitee.invalid/api/v5/repos/{owner}/{repo}/stargazers?page={page}"),
        };
        response.Headers.Add("total_count", Stars.Count.ToString(CultureInfo.InvariantCulture));
        response.Headers.Add("total_page", ((Stars.Count + perPage - 1) / perPage).ToString(CultureInfo.InvariantCulture));
        return Task.FromResult<IApiResponse<GiteeStargazer[]>>(new ApiResponse<GiteeStargazer[]>(response, items, new RefitSettings()));
    }

    public Task<IApiResponse<GiteeProject>> GetRepositoryAsync(string owner, string repo, CancellationToken cancellationToken) => throw new NotSupportedException();

    /// <summary>Contributors as Gitee lists them: {email, name, contributions}, on one page.</summary>
    public List<GiteeContributor> Contributors { get; } = [];

    public Task<IApiResponse<GiteeContributor[]>> GetContributorsAsync(string owner, string repo, int page, int perPage, CancellationToken cancellationToken)
    {
        var items = page == 1 ? Contributors.ToArray() : [];
        var response = new HttpResponseMessage(System.Net.HttpStatusCode.OK)
        {
            RequestMessage = new HttpRequestMessage(HttpMethod.Get, $"https://gitee.invalid/api/v5/repos/{owner}/{repo}/contributors?page={page}"),
        };
        response.Headers.Add("total_page", "1");
        return Task.FromResult<IApiResponse<GiteeContributor[]>>(new ApiResponse<GiteeContributor[]>(response, items, new RefitSettings()));
    }

    public Task<IApiResponse<GiteeRelease[]>> GetReleasesAsync(string owner, string repo, int page, int perPage, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<IApiResponse<GiteeTag[]>> GetTagsAsync(string owner, string repo, int page, int perPage, CancellationToken cancellationToken) =>
        throw new NotSupportedException();
}
