using Metrics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Metrics.Core.Collection;

/// <summary>
/// SQLite takes one writer at a time. A collection writes from many repositories at once (pages, marks, cached
/// answers); here they queue without holding a thread, instead of meeting in SQLite's lock and sleeping. PostgreSQL
/// writers run side by side: the gate lets them straight through.
/// </summary>
public sealed class SqliteWriteGate
{
    private readonly SemaphoreSlim _one = new(1, 1);

    public async Task<IDisposable?> EnterAsync(MetricsDbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite())
        {
            return null;
        }

        await _one.WaitAsync(cancellationToken);
        return new Exit(_one);
    }

    private sealed class Exit(SemaphoreSlim one) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                one.Release();
            }
        }
    }
}
