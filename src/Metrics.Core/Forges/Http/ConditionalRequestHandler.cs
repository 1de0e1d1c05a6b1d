using System.Net;
using System.Net.Http.Headers;

namespace Metrics.Core.Forges.Http;

/// <summary>
/// Makes every GET conditional on the validator of the last answer and turns a 304 back into that answer, so the
/// clients above (Octokit included) read unchanged data as usual while the forge charges no quota for it.
/// It also reads each body to its end here, inside the retry policy, so a truncated body (or a 200 whose JSON stops
/// short) is retried like a 502, and never cached.
/// </summary>
internal sealed class ConditionalRequestHandler(IHttpCacheStore cache) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method != HttpMethod.Get || request.RequestUri is null)
        {
            return await base.SendAsync(request, cancellationToken);
        }

        var key = CacheKey(request);
        var cached = await cache.GetAsync(key, cancellationToken);
        // A retry passes through here again: one validator, not two.
        request.Headers.IfNoneMatch.Clear();
        if (cached?.ETag is { Length: > 0 } etag && EntityTagHeaderValue.TryParse(etag, out var tag))
        {
            request.Headers.IfNoneMatch.Add(tag);
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotModified && cached?.Body is not null)
        {
            RequestAccounting.Current?.CountNotModified();
            return Replay(response, cached.Body);
        }

        if (response.Content is not null)
        {
            await response.Content.LoadIntoBufferAsync(cancellationToken);
        }

        var complete = await CompleteJson.CheckAsync(response, cancellationToken);
        if (complete && response.StatusCode == HttpStatusCode.OK && response.Headers.ETag is { } fresh)
        {
            var body = await response.Content!.ReadAsStringAsync(cancellationToken);
            await cache.SetAsync(key, fresh.ToString(), response.Content.Headers.LastModified?.ToString("R"), body, cancellationToken);
        }

        return response;
    }

    // The cache key never carries a secret: tokens travel in headers or are stripped from the query.
    internal static string CacheKey(HttpRequestMessage request) =>
        SecretRedactor.RedactUri(request.RequestUri!) + "|" + string.Join(",", request.Headers.Accept);

    private static HttpResponseMessage Replay(HttpResponseMessage notModified, string body)
    {
        var replay = new HttpResponseMessage(HttpStatusCode.OK)
        {
            RequestMessage = notModified.RequestMessage,
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
            Version = notModified.Version,
        };
        foreach (var header in notModified.Headers)
        {
            replay.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        notModified.Dispose();
        return replay;
    }
}
