using Metrics.Core.Storage.Entities;
using System.Data.Common;

namespace Metrics.Core.Storage.Bulk;

/// <summary>Set-based idempotent writes: writing the same rows twice stores them once. Each returns the rows inserted or changed.</summary>
public interface IBulkWriter
{
    Task<int> UpsertSnapshotsAsync(IEnumerable<DailySnapshot> rows, CancellationToken cancellationToken);
    Task<int> UpsertStarGainsAsync(IEnumerable<StarGain> rows, CancellationToken cancellationToken);
    Task<int> UpsertReleasesAsync(IEnumerable<Release> rows, CancellationToken cancellationToken);
    Task<int> UpsertTagsAsync(IEnumerable<Release> rows, CancellationToken cancellationToken);
    Task<int> UpsertContributorsAsync(IEnumerable<Contributor> rows, CancellationToken cancellationToken);
    Task<int> UpsertGitIdentityDaysAsync(IEnumerable<GitHistory.GitIdentityDay> rows, CancellationToken cancellationToken);
}

/// <summary>Dispatches each table to the provider's bulk path.</summary>
internal abstract class BulkWriterBase : IBulkWriter
{
    public Task<int> UpsertSnapshotsAsync(IEnumerable<DailySnapshot> rows, CancellationToken cancellationToken) =>
        UpsertAsync(UpsertTables.Snapshots, rows, null, cancellationToken);

    /// <summary>
    /// Also moves each written repository's <see cref="Repository.StarsVersion"/>, in the rows' transaction: a reader
    /// sees old rows with the old version or new rows with the new one, never new rows under a version it has cached.
    /// </summary>
    public Task<int> UpsertStarGainsAsync(IEnumerable<StarGain> rows, CancellationToken cancellationToken)
    {
        var repositories = new HashSet<int>();
        var last = (int?)null;
        return UpsertAsync(UpsertTables.StarGains, rows.Select(r =>
        {
            // Rows come in runs of one repository.
            if (r.RepositoryId != last)
            {
                repositories.Add(r.RepositoryId);
                last = r.RepositoryId;
            }

            return r;
        }), (connection, transaction, ct) => MoveStarsVersionsAsync(connection, transaction, repositories, ct), cancellationToken);
    }

    public Task<int> UpsertReleasesAsync(IEnumerable<Release> rows, CancellationToken cancellationToken) =>
        UpsertAsync(UpsertTables.Releases, rows, null, cancellationToken);

    public Task<int> UpsertTagsAsync(IEnumerable<Release> rows, CancellationToken cancellationToken) =>
        UpsertAsync(UpsertTables.Tags, rows, null, cancellationToken);

    public Task<int> UpsertContributorsAsync(IEnumerable<Contributor> rows, CancellationToken cancellationToken) =>
        UpsertAsync(UpsertTables.Contributors, rows, null, cancellationToken);

    public Task<int> UpsertGitIdentityDaysAsync(IEnumerable<GitHistory.GitIdentityDay> rows, CancellationToken cancellationToken) =>
        UpsertAsync(GitHistory.GitHistoryTables.IdentityDays, rows, null, cancellationToken);

    /// <param name="changed">Run in the write's transaction, before its commit, when any row was inserted or changed.</param>
    protected abstract Task<int> UpsertAsync<T>(UpsertTable<T> table, IEnumerable<T> rows, BeforeCommit? changed, CancellationToken cancellationToken)
        where T : class;

    protected delegate Task BeforeCommit(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);

    /// <summary>Ends a provider's write: the caller's step when rows changed, then the data stamp, then the commit.</summary>
    protected static async Task CommitAsync(DbConnection connection, DbTransaction transaction, int written, BeforeCommit? changed, CancellationToken cancellationToken)
    {
        if (written > 0 && changed is not null)
        {
            await changed(connection, transaction, cancellationToken);
        }

        await DataStamps.BumpAsync(connection, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task MoveStarsVersionsAsync(DbConnection connection, DbTransaction transaction, HashSet<int> repositories, CancellationToken cancellationToken)
    {
        // Ids are integers, written into the statement; a thousand per statement keeps it short on either database.
        foreach (var chunk in repositories.Order().Chunk(1000))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"UPDATE repositories SET \"StarsVersion\" = \"StarsVersion\" + 1 WHERE \"Id\" IN ({string.Join(", ", chunk)})";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
