using Metrics.Core.Storage;
using Metrics.Core.Storage.Bulk;
using Metrics.Core.Storage.Entities;
using Metrics.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Metrics.Core.Tests.Storage;

/// <summary>Star rows for the storage tests: a tracked repository, daily gains, the bulk writer, and waiting for a lock.</summary>
internal static class StarRows
{
    public static List<StarGain> Gains(int repository, DateOnly start, int from, int days, long gained) =>
        [.. Enumerable.Range(from, days).Select(i => new StarGain { RepositoryId = repository, Day = start.AddDays(i), Source = StarSources.GitHubHistory, Gained = gained })];

    public static Task<int> WriteAsync(TestDatabase database, List<StarGain> rows) =>
        database.InScopeAsync(s => s.GetRequiredService<IBulkWriter>().UpsertStarGainsAsync(rows, CancellationToken.None));

    public static Task<int> AddRepositoryAsync(TestDatabase database, string id) => database.InScopeAsync(async s =>
    {
        var db = s.GetRequiredService<MetricsDbContext>();
        var repository = new Repository { ProjectId = id, Owner = "owner", Name = id, Forge = Forge.GitHub, Tracked = true };
        db.Projects.Add(new Project { Id = id, Name = id, Repositories = [repository] });
        await db.SaveChangesAsync();
        return repository.Id;
    });

    /// <summary>Until a session of this PostgreSQL database waits on a lock (another session's uncommitted rows).</summary>
    public static async Task WaitUntilBlockedAsync(string connectionString, string what)
    {
        await using var probe = new NpgsqlConnection(connectionString);
        await probe.OpenAsync();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            await using var command = new NpgsqlCommand(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", probe);
            if ((long)(await command.ExecuteScalarAsync())! > 0)
            {
                return;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"{what} never waited on the other session's lock.");
    }
}
