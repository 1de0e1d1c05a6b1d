namespace Metrics.Core.Forges.Http;

/// <summary>The innermost handler: sees every request that reaches the network, retries included.</summary>
internal sealed class AccountingHandler : DelegatingHandler
{
    public const string SimulatedHeader = "X-Fake-Forge";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var accounting = RequestAccounting.Current;
        accounting?.CountRequest();
        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.Contains(SimulatedHeader))
        {
            accounting?.MarkSimulated();
        }

        return response;
    }
}
