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
        var stored = await StarRows.AddRepositoryAsync(database, "tidb");
        const int Missing = 987_654;

        // A fresh batch (the copy on PostgreSQL), a batch over stored days (the upsert), and EF's own insert.
        await Assert.ThrowsAnyAsync<Exception>(() => StarRows.WriteAsync(database, [.. StarRows.Gains(stored, Start, 0, 50, gained: 1), .. StarRows.Gains(Missing, Start, 0, 5, gained: 1)]));
        await StarRows.WriteAsync(database, StarRows.Gains(stored, Start, 0, 10, gained: 1));
        await Assert.ThrowsAnyAsync<Exception>(() => StarRows.WriteAsync(database, [.. StarRows.Gains(stored, Start, 0, 10, gained: 1), .. StarRows.Gains(Missing, Start, 0, 5, gained: 1)]));
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
        var (kylin, tidb, doris) = (await StarRows.AddRepositoryAsync(database, "kylin"), await StarRows.AddRepositoryAsync(database, "tidb"), await StarRows.AddRepositoryAsync(database, "doris"));
        await StarRows.WriteAsync(database, [.. StarRows.Gains(kylin, Start, 0, 30, gained: 1), .. StarRows.Gains(tidb, Start, 0, 40, gained: 1), .. StarRows.Gains(doris, Start, 0, 50, gained: 1)]);

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
        var repository = await StarRows.AddRepositoryAsync(database, "tidb");

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
        await StarRows.WaitUntilBlockedAsync(database.ConnectionString, "The delete");
        await transaction.CommitAsync();

        Assert.Equal(1, await delete);
        var rows = await database.InScopeAsync(s => s.GetRequiredService<MetricsDbContext>().StarGains.AsNoTracking().CountAsync());
        Assert.Equal(0, rows);
    }
}
