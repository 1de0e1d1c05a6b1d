using Npgsql;

namespace Metrics.Core.Collection.Locks;

/// <summary>
/// Session-level advisory locks held on a dedicated connection for the length of the run. PostgreSQL releases them
/// when that connection ends, so a worker killed mid-run frees its repositories at once: no expiry to wait for.
/// </summary>
internal sealed class PostgresRepositoryLocks(string connectionString) : IRepositoryLocks
{
    /// <summary>The first half of each lock key, so these locks never collide with another application's.</summary>
    internal const int KeySpace = 0x4D455452; // "METR"

    // Not pooled: a pooled connection keeps its session (and its locks) alive after Close until it is reused.
    private readonly string _connectionString = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;

    public async Task<RepositoryLease> TryAcquireAsync(IReadOnlyCollection<int> repositoryIds, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        var held = new HashSet<int>();
        try
        {
            await using var command = new NpgsqlCommand("SELECT id FROM unnest(@ids) AS id WHERE pg_try_advisory_lock(@space, id)", connection);
            command.Parameters.AddWithValue("ids", repositoryIds.ToArray());
            command.Parameters.AddWithValue("space", KeySpace);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                held.Add(reader.GetInt32(0));
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        return new RepositoryLease(held, async () =>
        {
            try
            {
                await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock_all()", connection);
                await unlock.ExecuteNonQueryAsync(CancellationToken.None);
            }
            catch (NpgsqlException)
            {
                // The connection is gone, and its locks with it.
            }

            await connection.DisposeAsync();
        });
    }
}
