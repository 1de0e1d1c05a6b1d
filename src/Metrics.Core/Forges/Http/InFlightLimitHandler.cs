namespace Metrics.Core.Forges.Http;

/// <summary>
/// Holds a forge's requests in flight to <see cref="RateLimitOptions.MaxInFlight"/>, for all its repositories and pages
/// together: the bound per token that GitHub's secondary limits ask for. It sits inside the retries and the
/// rate-limit waits, so a back-off never holds a slot; only a request on the wire does.
/// </summary>
internal sealed class InFlightLimitHandler(SemaphoreSlim slots) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await slots.WaitAsync(cancellationToken);
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            // The body is part of the request: read whole before the slot is given back.
            if (response.Content is not null)
            {
                await response.Content.LoadIntoBufferAsync(cancellationToken);
            }

            return response;
        }
        finally
        {
            slots.Release();
        }
    }
}
