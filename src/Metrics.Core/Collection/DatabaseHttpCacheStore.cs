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

    public async Task SetAsync(string key, string? etag, string? lastModified, string body, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MetricsDbContext>();
        using var writing = await gate.EnterAsync(db, cancellationToken);
        var entry = await db.HttpCache.SingleOrDefaultAsync(e => e.Key == key, cancellationToken);
        if (entry is null)
        {
            entry = new HttpCacheEntry { Key = key };
            db.HttpCache.Add(entry);
        }

        entry.ETag = etag;
        entry.LastModified = lastModified;
        entry.Body = body;
        entry.UpdatedAt = time.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two workers cached the same URL at once; either copy is valid, the next request revalidates.
        }
    }
}
