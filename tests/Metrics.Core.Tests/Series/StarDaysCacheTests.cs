using Metrics.Core.Series;
using Metrics.Core.Storage;
using Metrics.Core.Storage.Entities;
using Metrics.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Metrics.Core.Tests.Series;

/// <summary>
/// Star rows kept between charts: a chart always shows what is stored (a write is seen at once, from any process),
/// a repository whose stars did not change is not read again, and the cache stays within its size.
/// </summary>
public sealed class StarDaysCacheTests
{
    private static readonly DateOnly Day0 = new(2024, 3, 1);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_chart_shows_stars_written_after_it_was_last_drawn_and_only_their_repository_is_read_again(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var data = new DashboardData(database);
        await data.ProjectAsync("tidb", "TiDB");
        var (tidb, tikv) = (await data.RepositoryAsync("tidb", Forge.GitHub, "pingcap/tidb", created: Day0), await data.RepositoryAsync("tidb", Forge.GitHub, "tikv/tikv", created: Day0));
        await data.StarGainsAsync(tidb.Id, Day0, [5, 3]);
        await data.StarGainsAsync(tikv.Id, Day0, [1, 1]);
        var cache = new StarDaysCache();

        var first = await ReadAsync(database, cache, tidb.Id, tikv.Id);
        var before = await TotalsAsync(database, cache, tidb.Id, tikv.Id);
        Assert.Equal([8.0, 2.0], before);

        // Another writer (its own scope and connection, as another process would) adds a day and rewrites one.
        await data.StarGainsAsync(tidb.Id, Day0.AddDays(1), [10, 4]);
        var second = await ReadAsync(database, cache, tidb.Id, tikv.Id);

        var after = await TotalsAsync(database, cache, tidb.Id, tikv.Id);
        Assert.Equal([19.0, 2.0], after);
        Assert.NotSame(first[tidb.Id], second[tidb.Id]);
        Assert.Same(first[tikv.Id], second[tikv.Id]);
    }

    [Fact]
    public async Task The_least_recently_charted_repositories_make_room_and_the_rows_held_stay_within_the_capacity()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite);
        var data = new DashboardData(database);
        await data.ProjectAsync("p", "P");
        var ids = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            var repository = await data.RepositoryAsync("p", Forge.GitHub, $"o/r{i}", created: Day0);
            await data.StarGainsAsync(repository.Id, Day0, [.. Enumerable.Repeat(1L, 100)]);
            ids.Add(repository.Id);
        }

        var cache = new StarDaysCache(capacityRows: 250);
        var early = await ReadAsync(database, cache, ids[0], ids[1]);
        await ReadAsync(database, cache, ids[0]); // r0 charted again: r1 is now the oldest
        await ReadAsync(database, cache, ids[2]);
        var late = await ReadAsync(database, cache, ids[0], ids[1]);

        Assert.True(cache.Rows <= 250, $"{cache.Rows} rows held");
        Assert.Same(early[ids[0]], late[ids[0]]);
        Assert.NotSame(early[ids[1]], late[ids[1]]);
        Assert.Equal(100, late[ids[1]].Values.Single().Days.Count);
    }

    private static Task<Dictionary<int, Dictionary<string, StarDays>>> ReadAsync(TestDatabase database, StarDaysCache cache, params int[] ids) =>
        database.InScopeAsync(s => cache.ReadAsync(s.GetRequiredService<MetricsDbContext>(), ids, CancellationToken.None));

    private static async Task<double[]> TotalsAsync(TestDatabase database, StarDaysCache cache, params int[] ids)
    {
        var series = await database.InScopeAsync(s => new SeriesQueries(s.GetRequiredService<MetricsDbContext>(), cache)
            .LoadAsync(new SeriesRequest(["tidb"], SeriesMetric.Stars, []), CancellationToken.None));
        return [.. ids.Select(id => series.Single(x => x.Repository.Id == id).Points[^1].Value)];
    }
}
