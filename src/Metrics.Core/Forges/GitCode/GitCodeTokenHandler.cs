using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace Metrics.Core.Forges.GitCode;

/// <summary>The token goes in the Authorization header as a bearer token; GitCode's URL form is never used.</summary>
internal sealed class GitCodeTokenHandler(IOptions<GitCodeOptions> options) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (options.Value.Token is { Length: > 0 } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
