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
        var (stored, fresh) = (await StarRows.AddRepositoryAsync(database, "tidb"), await StarRows.AddRepositoryAsync(database, "kylin"));
        await StarRows.WriteAsync(database, StarRows.Gains(stored, Start, 0, 100, gained: 1));

        // Days 50–149 of the first repository overlap what is stored; the second repository has nothing yet.
        var written = await StarRows.WriteAsync(database, [.. StarRows.Gains(stored, Start, 50, 100, gained: 2), .. StarRows.Gains(fresh, Start, 0, 300, gained: 3)]);

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
        var repository = await StarRows.AddRepositoryAsync(database, "tidb");

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

        var write = StarRows.WriteAsync(database, StarRows.Gains(repository, Start, 0, 1_000, gained: 7));
        await StarRows.WaitUntilBlockedAsync(database.ConnectionString, "The bulk write");
        await transaction.CommitAsync();
        await write;

        var rows = await database.InScopeAsync(s => s.GetRequiredService<MetricsDbContext>().StarGains.AsNoTracking().ToListAsync());
        Assert.Equal(1_000, rows.Count);
        Assert.All(rows, r => Assert.Equal(7, r.Gained));
    }
}
