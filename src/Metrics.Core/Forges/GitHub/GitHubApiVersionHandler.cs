namespace Metrics.Core.Forges.GitHub;

/// <summary>The star history endpoint exists only under the 2026 API version; every other call keeps Octokit's.</summary>
internal sealed class GitHubApiVersionHandler(string starHistoryVersion) : DelegatingHandler
{
    private const string Header = "X-GitHub-Api-Version";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri?.AbsolutePath.EndsWith("/stargazers/history", StringComparison.Ordinal) == true)
        {
            request.Headers.Remove(Header);
            request.Headers.TryAddWithoutValidation(Header, starHistoryVersion);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
