using Metrics.Core.Storage;
using Metrics.Core.Storage.Bulk;
using Metrics.Core.Storage.Entities;
using Metrics.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Metrics.Core.Tests.Storage;

/// <summary>
/// A star row belongs to a stored repository, and deleting the repository (or its project) deletes its star rows. On
/// PostgreSQL the rule is checked once per statement rather than by a per-row foreign key (the Speed_StarGainsStatementCheck
/// migration); these pin that it still holds for every way rows arrive: the bulk copy, the upsert, EF, and a delete
/// racing an insert.
/// </summary>
public sealed class StarGainRepositoryRuleTests
{
    private static readonly DateOnly Start = new(2021, 1, 1);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_star_row_for_a_missing_repository_is_refused_by_every_writer_and_nothing_of_its_batch_is_kept(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var stored = await AddRepositoryAsync(database, "tidb");
        const int Missing = 987_654;

        // A fresh batch (the copy on PostgreSQL), a batch over stored days (the upsert), and EF's own insert.
        await Assert.ThrowsAnyAsync<Exception>(() => WriteAsync(database, [.. Gains(stored, 0, 50), .. Gains(Missing, 0, 5)]));
        await WriteAsync(database, Gains(stored, 0, 10));
        await Assert.ThrowsAnyAsync<Exception>(() => WriteAsync(database, [.. Gains(stored, 0, 10), .. Gains(Missing, 0, 5)]));
        var ef = await Assert.ThrowsAnyAsync<DbUpdateException>(() => database.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<MetricsDbContext>();
            db.StarGains.Add(new StarGain { RepositoryId = Missing, Day = Start, Source = StarSources.GitHubHistory, Gained = 1 });
            return await db.SaveChangesAsync();
        }));

        Assert.Contains("FOREIGN KEY", ef.InnerException?.Message ?? "", StringComparison.OrdinalIgnoreCase);
        var rows = await database.InScopeAsync(s => s.GetRequiredService<MetricsDbContext>().StarGains.AsNoTracking().ToListAsync());
        Assert.Equal(10, rows.Count);
        Assert.All(rows, r => Assert.Equal(stored, r.RepositoryId));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Deleting_a_repository_or_its_project_deletes_its_star_rows_and_no_other(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (kylin, tidb, doris) = (await AddRepositoryAsync(database, "kylin"), await AddRepositoryAsync(database, "tidb"), await AddRepositoryAsync(database, "doris"));
        await WriteAsync(database, [.. Gains(kylin, 0, 30), .. Gains(tidb, 0, 40), .. Gains(doris, 0, 50)]);

        await database.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<MetricsDbContext>();
            await db.Repositories.Where(r => r.Id == kylin).ExecuteDeleteAsync();
            return await db.Projects.Where(p => p.Id == "tidb").ExecuteDeleteAsync();
        });

        var left = await database.InScopeAsync(s => s.GetRequiredService<MetricsDbContext>().StarGains.AsNoTracking()
            .GroupBy(g => g.RepositoryId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync());
        Assert.Equal([(doris, 50)], left.Select(l => (l.Key, l.Count)));
    }

    [Fact]
    public async Task A_repository_deleted_while_its_stars_are_being_written_takes_them_with_it()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseOptions.Postgres);
        var repository = await AddRepositoryAsync(database, "tidb");

        // One session writes stars and holds its transaction open; another deletes the repository meanwhile.
        await using var writer = new NpgsqlConnection(database.ConnectionString);
        await writer.OpenAsync();
        await using var transaction = await writer.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand(
            $"INSERT INTO star_gains (\"RepositoryId\", \"Day\", \"Source\", \"Gained\") SELECT {repository}, @start + d, @source, 1 FROM generate_series(0, 99) d",
            writer, transaction))
        {
            insert.Parameters.AddWithValue("start", Start);
            insert.Parameters.AddWithValue("source", StarSources.GitHubHistory);
            await insert.ExecuteNonQueryAsync();
        }

        var delete = database.InScopeAsync(s => s.GetRequiredService<MetricsDbContext>().Repositories.Where(r => r.Id == repository).ExecuteDeleteAsync());
        await WaitUntilBlockedAsync(database.ConnectionString);
        await transaction.CommitAsync();

        Assert.Equal(1, await delete);
        var rows = await database.InScopeAsync(s => s.GetRequiredService<MetricsDbContext>().StarGains.AsNoTracking().CountAsync());
        Assert.Equal(0, rows);
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

        throw new TimeoutException("The delete never waited on the writer's lock.");
    }

    private static List<StarGain> Gains(int repository, int from, int days) =>
        [.. Enumerable.Range(from, days).Select(i => new StarGain { RepositoryId = repository, Day = Start.AddDays(i), Source = StarSources.GitHubHistory, Gained = 1 })];

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
