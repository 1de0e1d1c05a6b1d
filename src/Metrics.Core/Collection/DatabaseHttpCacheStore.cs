using Metrics.Core.Forges.Http;
using Metrics.Core.Storage;
using Metrics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Metrics.Core.Collection;

/// <summary>Validators kept in the database, so a re-run days later can still ask "has this changed?".</summary>
internal sealed class DatabaseHttpCacheStore(IServiceScopeFactory scopes, TimeProvider time, SqliteWriteGate gate) : IHttpCacheStore
{
    public async Task<HttpCacheEntry?> GetAsync(string key, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MetricsDbContext>();
        return await db.HttpCache.AsNoTracking().SingleOrDefaultAsync(e => e.Key == key, cancellationToken);
    }

    /// <summary>
    /// One statement, the same on both providers: an answer is cached for most requests, and reading the row back into
    /// the change tracker to update it cost a query and a transaction more each time. Two workers caching the same URL
    /// at once leave either copy, both valid (the next request revalidates).
    /// </summary>
    public async Task SetAsync(string key, string? etag, string? lastModified, string body, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MetricsDbContext>();
        var updatedAt = time.GetUtcNow().UtcDateTime;
        using var writing = await gate.EnterAsync(db, cancellationToken);
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO http_cache ("Key", "ETag", "LastModified", "Body", "UpdatedAt") VALUES ({key}, {etag}, {lastModified}, {body}, {updatedAt})
            ON CONFLICT ("Key") DO UPDATE SET "ETag" = excluded."ETag", "LastModified" = excluded."LastModified", "Body" = excluded."Body", "UpdatedAt" = excluded."UpdatedAt"
            """, cancellationToken);
    }
}
