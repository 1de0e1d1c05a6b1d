using Npgsql;

namespace Metrics.Core.Storage.Bulk;

/// <summary>
/// A batch that provably meets nothing stored goes straight into its table by binary COPY, skipping the staging table
/// and <c>INSERT … ON CONFLICT</c>'s speculative insertion, which cost half the time of a fresh history
/// (docs/benchmarks.md, ingest). The proof is one index range probe per repository in the batch; a writer that stores
/// one of the keys between the probe and the COPY makes the COPY fail alone (a savepoint), and the batch is upserted.
/// </summary>
internal static class PostgresDirectCopy
{
    /// <summary>
    /// Each attempt is a subtransaction, and past 64 in one transaction PostgreSQL's per-backend cache of them overflows,
    /// which slows every other session's snapshots; a call longer than this (2.4M rows) upserts the rest.
    /// </summary>
    public const int MaxAttempts = 48;

    private const string Savepoint = "direct_copy";

    public static async Task<bool> MeetsNothingStoredAsync<T>(NpgsqlConnection connection, UpsertTable<T> table, DayRange<T> days, List<T> batch, CancellationToken cancellationToken)
        where T : class
    {
        var ranges = new Dictionary<int, (DateOnly First, DateOnly Last)>();
        // Rows come in runs of one repository: the table is touched once per run, not once per row.
        var (repository, first, last) = (days.Repository(batch[0]), DateOnly.MaxValue, DateOnly.MinValue);
        foreach (var row in batch)
        {
            var (rowRepository, day) = (days.Repository(row), days.Day(row));
            if (rowRepository != repository)
            {
                Widen(ranges, repository, first, last);
                (repository, first, last) = (rowRepository, day, day);
            }

            (first, last) = (day < first ? day : first, day > last ? day : last);
        }

        Widen(ranges, repository, first, last);

        await using var command = new NpgsqlCommand(
            $"SELECT EXISTS (SELECT 1 FROM unnest(@repositories, @firsts, @lasts) AS b(repository, first_day, last_day) " +
            $"WHERE EXISTS (SELECT 1 FROM \"{table.Table}\" t WHERE t.\"{days.RepositoryColumn}\" = b.repository " +
            $"AND t.\"{days.DayColumn}\" BETWEEN b.first_day AND b.last_day))",
            connection);
        command.Parameters.AddWithValue("repositories", ranges.Keys.ToArray());
        command.Parameters.AddWithValue("firsts", ranges.Values.Select(r => r.First).ToArray());
        command.Parameters.AddWithValue("lasts", ranges.Values.Select(r => r.Last).ToArray());
        return await command.ExecuteScalarAsync(cancellationToken) is false;
    }

    private static void Widen(Dictionary<int, (DateOnly First, DateOnly Last)> ranges, int repository, DateOnly first, DateOnly last) =>
        ranges[repository] = ranges.TryGetValue(repository, out var r)
            ? (first < r.First ? first : r.First, last > r.Last ? last : r.Last)
            : (first, last);

    /// <returns>The rows copied, or null when another writer stored one of the keys first (nothing of the batch is kept).</returns>
    public static async Task<int?> TryCopyAsync<T>(NpgsqlConnection connection, NpgsqlTransaction transaction, UpsertTable<T> table, List<T> batch, CancellationToken cancellationToken)
        where T : class
    {
        await transaction.SaveAsync(Savepoint, cancellationToken);
        try
        {
            var copied = await PostgresCopy.CopyAsync(connection, table, table.Table, batch, cancellationToken);
            await transaction.ReleaseAsync(Savepoint, cancellationToken);
            return copied;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            await transaction.RollbackAsync(Savepoint, cancellationToken);
            return null;
        }
    }
}
