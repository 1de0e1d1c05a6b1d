using Microsoft.Extensions.Options;

namespace Metrics.Core.Forges.Gitee;

/// <summary>
/// Gitee takes its token only as the access_token query parameter. The innermost handler adds it for the send and
/// puts the original URL back afterwards, so loggers, caches, retries and exceptions above never see it.
/// </summary>
internal sealed class GiteeTokenHandler(IOptions<GiteeOptions> options) : DelegatingHandler
{
    public const string Parameter = "access_token";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (options.Value.Token is not { Length: > 0 } token || request.RequestUri is not { } original)
        {
            return await base.SendAsync(request, cancellationToken);
        }

        var separator = original.Query.Length > 1 ? "&" : "?";
        request.RequestUri = new Uri(original.AbsoluteUri.TrimEnd('?') + separator + Parameter + "=" + Uri.EscapeDataString(token));
        try
        {
            return await base.SendAsync(request, cancellationToken);
        }
        finally
        {
            request.RequestUri = original;
        }
    }
}
