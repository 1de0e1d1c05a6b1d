using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Metrics.Core.Storage.Bulk;

/// <summary>
/// The rows bound straight to a prepared multi-row upsert (<see cref="SqliteUpsertStatement{T}"/>), in one transaction
/// per call. Binding through Microsoft.Data.Sqlite's parameters cost more than SQLite's insert, and carrying the rows as
/// one JSON parameter for <c>json_each</c> made SQLite parse them again (docs/benchmarks.md, ingest).
/// </summary>
internal sealed class SqliteBulkWriter(MetricsDbContext db) : BulkWriterBase
{
    private const int BatchSize = 50_000;

    protected override async Task<int> UpsertAsync<T>(UpsertTable<T> table, IEnumerable<T> rows, BeforeCommit? changed, CancellationToken cancellationToken)
    {
        await using var open = await OpenConnection.OpenAsync(db, cancellationToken);
        var connection = (SqliteConnection)open.Connection;

        SqliteTransaction? transaction = null;
        try
        {
            using var statement = new SqliteUpsertStatement<T>(connection.Handle!, table);
            var written = 0;
            await foreach (var batch in table.Batches(rows, BatchSize).ReadAheadAsync(cancellationToken))
            {
                transaction ??= (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
                written += statement.Write(batch, cancellationToken);
            }

            if (transaction is not null)
            {
                await CommitAsync(connection, transaction, written, changed, cancellationToken);
            }

            return written;
        }
        finally
        {
            // Uncommitted (a refused row, a cancellation), the whole write is rolled back, even on a connection the
            // caller keeps open.
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }
        }
    }
}
