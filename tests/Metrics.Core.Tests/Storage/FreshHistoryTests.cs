using Metrics.Core.Storage;
using Metrics.Core.Storage.Bulk;
using Metrics.Core.Storage.Entities;
using Metrics.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Metrics.Core.Tests.Storage;

/// <summary>
/// On PostgreSQL a batch that meets nothing stored is copied straight into its table; these pin that the shortcut
/// never changes what is stored: batches mixing new and stored days, and a writer racing the copy.
/// </summary>
public sealed class FreshHistoryTests
{
    private static readonly DateOnly Start = new(2020, 1, 1);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_batch_mixing_a_new_history_with_stored_days_keeps_each_day_once_with_the_newest_count(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (stored, fresh) = (await AddRepositoryAsync(database, "tidb"), await AddRepositoryAsync(database, "kylin"));
        await WriteAsync(database, Gains(stored, 0, 100, gained: 1));

        // Days 50–149 of the first repository overlap what is stored; the second repository has nothing yet.
        var written = await WriteAsync(database, [.. Gains(stored, 50, 100, gained: 2), .. Gains(fresh, 0, 300, gained: 3)]);

        Assert.Equal(100 + 300, written);
        var rows = await database.InScopeAsync(s => s.GetRequiredService<MetricsDbContext>().StarGains.AsNoTracking().ToListAsync());
        Assert.Equal(150 + 300, rows.Count);
        Assert.Equal(50 * 1 + 100 * 2, rows.Where(r => r.RepositoryId == stored).Sum(r => r.Gained));
        Assert.Equal(300 * 3, rows.Where(r => r.RepositoryId == fresh).Sum(r => r.Gained));
    }

    [Fact]
    public async Task A_day_stored_by_another_writer_during_the_copy_is_updated_not_refused()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseOptions.Postgres);
        var repository = await AddRepositoryAsync(database, "tidb");

        // Another session stores day 10 and holds its transaction open, so the bulk write's range probe cannot see it.
        await using var other = new NpgsqlConnection(database.ConnectionString);
        await other.OpenAsync();
        await using var transaction = await other.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand(
            $"INSERT INTO star_gains (\"RepositoryId\", \"Day\", \"Source\", \"Gained\") VALUES ({repository}, @day, @source, 1)", other, transaction))
        {
            insert.Parameters.AddWithValue("day", Start.AddDays(10));
            insert.Parameters.AddWithValue("source", StarSources.GitHubHistory);
            await insert.ExecuteNonQueryAsync();
        }

        var write = WriteAsync(database, Gains(repository, 0, 1_000, gained: 7));
        await WaitUntilBlockedAsync(database.ConnectionString);
        await transaction.CommitAsync();
        await write;

        var rows = await database.InScopeAsync(s => s.GetRequiredService<MetricsDbContext>().StarGains.AsNoTracking().ToListAsync());
        Assert.Equal(1_000, rows.Count);
        Assert.All(rows, r => Assert.Equal(7, r.Gained));
    }

    private static async Task WaitUntilBlockedAsync(string connectionString)
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

        throw new TimeoutException("The bulk write never waited on the other session's row.");
    }

    private static List<StarGain> Gains(int repository, int from, int days, long gained) =>
        [.. Enumerable.Range(from, days).Select(i => new StarGain { RepositoryId = repository, Day = Start.AddDays(i), Source = StarSources.GitHubHistory, Gained = gained })];

    private static Task<int> WriteAsync(TestDatabase database, List<StarGain> rows) =>
        database.InScopeAsync(s => s.GetRequiredService<IBulkWriter>().UpsertStarGainsAsync(rows, CancellationToken.None));

    private static Task<int> AddRepositoryAsync(TestDatabase database, string id) => database.InScopeAsync(async s =>
    {
        var db = s.GetRequiredService<MetricsDbContext>();
        var repository = new Repository { ProjectId = id, Owner = "owner", Name = id, Forge = Forge.GitHub, Tracked = true };
        db.Projects.Add(new Project { Id = id, Name = id, Repositories = [repository] });
        await db.SaveChangesAsync();
        return repository.Id;
    });
}
