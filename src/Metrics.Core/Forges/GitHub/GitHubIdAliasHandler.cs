using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Metrics.Core.Forges.Http;

namespace Metrics.Core.Forges.GitHub;

/// <summary>
/// The first run asks for a repository by name; every later one asks by id (renames are followed that way). The answer
/// is the same document, so its validator is kept under the id URL too, and the second run's first request is a free
/// 304 instead of a full one.
/// </summary>
internal sealed partial class GitHubIdAliasHandler(IHttpCacheStore cache) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (request.Method == HttpMethod.Get && response.StatusCode == HttpStatusCode.OK && response.Headers.ETag is { } etag
            && request.RequestUri is { Query.Length: 0 } uri && ByName().Match(uri.AbsolutePath) is { Success: true } byName
            && response.Content is not null)
        {
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (IdOf(body) is { } id)
            {
                using var alias = new HttpRequestMessage(HttpMethod.Get, new UriBuilder(uri) { Path = uri.AbsolutePath[..byName.Index] + $"/repositories/{id}" }.Uri);
                foreach (var accept in request.Headers.Accept)
                {
                    alias.Headers.Accept.Add(accept);
                }

                await cache.SetAsync(ConditionalRequestHandler.CacheKey(alias), etag.ToString(), response.Content.Headers.LastModified?.ToString("R"), body, cancellationToken);
            }
        }

        return response;
    }

    private static long? IdOf(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("id", out var id) && id.TryGetInt64(out var value) ? value : null;
        }
        catch (JsonException)
        {
            return null; // a cut body: the retry above deals with it
        }
    }

    [GeneratedRegex(@"/repos/[^/]+/[^/]+/?$")]
    private static partial Regex ByName();
}
