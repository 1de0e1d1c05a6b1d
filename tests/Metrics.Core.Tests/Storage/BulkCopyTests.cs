using Metrics.Core.Storage;
using Metrics.Core.Storage.Bulk;
using Metrics.Core.Storage.Entities;
using Metrics.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Metrics.Core.Tests.Storage;

/// <summary>
/// The bulk path's own encoding of PostgreSQL's binary COPY (<c>CopyRowWriter</c>), and its all-or-nothing promise:
/// every type reads back as written, a refused row keeps nothing of its write, and a batch copied while another
/// session stores the same days falls back to the upsert.
/// </summary>
public sealed class BulkCopyTests
{
    private static readonly DateOnly Start = new(2021, 1, 1);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Every_column_type_reads_back_exactly_as_written(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var repository = await StarRows.AddRepositoryAsync(database, "tidb");
        // Near the column's 512 characters, each of one to four UTF-8 bytes.
        var longName = string.Concat(Enumerable.Repeat("发布说明 🚀 ", 70));
        Release[] releases =
        [
            new() { RepositoryId = repository, Tag = "v1", Name = "一.零", PublishedAt = new DateTime(2024, 5, 1, 12, 30, 15, DateTimeKind.Utc).AddTicks(1_234_560), Prerelease = true, Downloads = long.MaxValue },
            new() { RepositoryId = repository, Tag = "v0.1", Name = null, PublishedAt = null, Prerelease = false, Downloads = null },
            new() { RepositoryId = repository, Tag = "old", Name = longName, PublishedAt = new DateTime(1999, 12, 31, 23, 59, 59, DateTimeKind.Utc), Downloads = 0 },
        ];
        var days = new[] { new DateOnly(1999, 12, 31), new DateOnly(2000, 1, 1), new DateOnly(2000, 1, 2), new DateOnly(2038, 1, 20) };

        await database.InScopeAsync(s => s.GetRequiredService<IBulkWriter>().UpsertReleasesAsync(releases, CancellationToken.None));
        await database.InScopeAsync(s => s.GetRequiredService<IBulkWriter>().UpsertStarGainsAsync(
            days.Select((d, i) => new StarGain { RepositoryId = repository, Day = d, Source = StarSources.GitHubHistory, Gained = i == 0 ? long.MinValue + 1 : i }),
            CancellationToken.None));

        var stored = await database.InScopeAsync(s => s.GetRequiredService<MetricsDbContext>().Releases.AsNoTracking().ToDictionaryAsync(r => r.Tag));
        foreach (var release in releases)
        {
            var read = stored[release.Tag];
            Assert.Equal((release.Name, release.PublishedAt, release.Prerelease, release.Downloads), (read.Name, read.PublishedAt, read.Prerelease, read.Downloads));
        }

        var gains = await database.InScopeAsync(s => s.GetRequiredService<MetricsDbContext>().StarGains.AsNoTracking().OrderBy(g => g.Day).ToListAsync());
        Assert.Equal(days, gains.Select(g => g.Day));
        Assert.Equal([long.MinValue + 1, 1, 2, 3], gains.Select(g => g.Gained));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_refused_row_keeps_nothing_of_its_write_and_the_next_write_succeeds(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var repository = await StarRows.AddRepositoryAsync(database, "tidb");
        // Two full batches copied, then a row without a source in the third.
        var rows = StarRows.Gains(repository, Start, 0, 2 * PostgresBulkWriter.BatchSize + 10, gained: 1);
        rows[^1].Source = null!;

        var error = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => StarRows.WriteAsync(database, rows));
        Assert.Contains("Source", error.Message); // the database's own words, naming the column
        Assert.Equal(0, await CountAsync(database));

        rows[^1].Source = StarSources.GitHubHistory;
        Assert.Equal(rows.Count, await StarRows.WriteAsync(database, rows));
        Assert.Equal(rows.Count, await CountAsync(database));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Rows_that_fail_while_being_read_fail_the_write_with_their_own_error_and_keep_nothing(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var repository = await StarRows.AddRepositoryAsync(database, "tidb");
        // The second batch is read on another thread while the first is written.
        IEnumerable<StarGain> Rows()
        {
            foreach (var row in StarRows.Gains(repository, Start, 0, PostgresBulkWriter.BatchSize + 100, gained: 1))
            {
                yield return row;
            }

            throw new InvalidDataException("row 50,101 of the import is malformed");
        }

        var error = await Assert.ThrowsAsync<InvalidDataException>(() =>
            database.InScopeAsync(s => s.GetRequiredService<IBulkWriter>().UpsertStarGainsAsync(Rows(), CancellationToken.None)));

        Assert.Contains("50,101", error.Message);
        Assert.Equal(0, await CountAsync(database));
    }

    [Fact]
    public async Task A_batch_meeting_another_sessions_uncommitted_days_is_upserted_once_they_commit()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseOptions.Postgres);
        var repository = await StarRows.AddRepositoryAsync(database, "tidb");

        // The other session's row is invisible to the batch's probe, so the batch tries the direct copy and meets it.
        await using var other = new NpgsqlConnection(database.ConnectionString);
        await other.OpenAsync();
        await using var transaction = await other.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand(
            "INSERT INTO star_gains (\"RepositoryId\", \"Day\", \"Source\", \"Gained\") VALUES (@repository, @day, @source, 999)", other, transaction))
        {
            insert.Parameters.AddWithValue("repository", repository);
            insert.Parameters.AddWithValue("day", Start.AddDays(50));
            insert.Parameters.AddWithValue("source", StarSources.GitHubHistory);
            await insert.ExecuteNonQueryAsync();
        }

        var write = StarRows.WriteAsync(database, StarRows.Gains(repository, Start, 0, 100, gained: 2));
        await StarRows.WaitUntilBlockedAsync(database.ConnectionString, "the bulk copy");
        await transaction.CommitAsync();

        Assert.Equal(100, await write);
        var rows = await database.InScopeAsync(s => s.GetRequiredService<MetricsDbContext>().StarGains.AsNoTracking().ToListAsync());
        Assert.Equal(100, rows.Count);
        Assert.All(rows, r => Assert.Equal(2, r.Gained));
    }

    private static Task<int> CountAsync(TestDatabase database) =>
        database.InScopeAsync(s => s.GetRequiredService<MetricsDbContext>().StarGains.CountAsync());
}
