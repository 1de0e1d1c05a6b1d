using Metrics.Core.Storage.Entities;

namespace Metrics.Core.Forges.Http;

/// <summary>Where the pipeline keeps each answer's validator and body; the collection side stores it.</summary>
public interface IHttpCacheStore
{
    Task<HttpCacheEntry?> GetAsync(string key, CancellationToken cancellationToken);
    Task SetAsync(string key, string? etag, string? lastModified, string body, CancellationToken cancellationToken);
}
