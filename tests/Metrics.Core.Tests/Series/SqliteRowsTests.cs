using Metrics.Core.Series;
using Metrics.Core.Storage;
using Metrics.Core.Storage.Entities;
using Metrics.Core.Tests.Storage;
using Metrics.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Metrics.Core.Tests.Series;

/// <summary>The star rows read straight through SQLite's native calls are the rows SQLitePCLRaw reads, value for value.</summary>
public sealed class SqliteRowsTests
{
    private static readonly DateOnly Start = new(2013, 12, 30);

    [Fact]
    public async Task The_direct_read_gives_every_row_as_SQLitePCLRaw_does()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite);
        var (tidb, kylin) = (await StarRows.AddRepositoryAsync(database, "tidb"), await StarRows.AddRepositoryAsync(database, "kylin"));
        await StarRows.WriteAsync(database, StarRows.Gains(tidb, Start, 0, 5000, gained: 3));
        await StarRows.WriteAsync(database, [
            .. StarRows.Gains(kylin, Start, 10, 300, gained: 0).Select(g => { g.Source = StarSources.GiteeStargazers; return g; }),
            .. StarRows.Gains(kylin, Start, 0, 20, gained: long.MaxValue / 1000).Select(g => { g.Source = "镜像-mirror"; return g; })]);

        var direct = await ReadAsync(database, [tidb, kylin], direct: true);
        var pcl = await ReadAsync(database, [tidb, kylin], direct: false);

        Assert.True(SqliteNative.Available);
        Assert.Equal(5320, direct.Count);
        Assert.Equal(pcl, direct);
        Assert.Contains((kylin, Start.AddDays(19), long.MaxValue / 1000, "镜像-mirror"), direct);
    }

    [Fact]
    public async Task Many_repositories_read_on_two_connections_each_come_back_whole()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite);
        var ids = new List<int>();
        for (var i = 0; i < 7; i++)
        {
            var id = await StarRows.AddRepositoryAsync(database, $"p{i}");
            await StarRows.WriteAsync(database, StarRows.Gains(id, Start, 0, 400 + i, gained: i + 1));
            ids.Add(id);
        }

        var read = await database.InScopeAsync(s => StarGainReader.ReadAsync(s.GetRequiredService<MetricsDbContext>(), ids, CancellationToken.None));

        Assert.Equal(ids.Order(), read.Keys.Order());
        Assert.All(ids.Select((id, i) => (Days: read[id][StarSources.GitHubHistory], i)), r =>
        {
            Assert.Equal(400 + r.i, r.Days.Days.Count);
            Assert.Equal((400 + r.i) * (r.i + 1L), r.Days.Gained.Sum());
        });
    }

    private static Task<List<(int, DateOnly, long, string)>> ReadAsync(TestDatabase database, int[] ids, bool direct) => database.InScopeAsync(async s =>
    {
        var connection = (SqliteConnection)s.GetRequiredService<MetricsDbContext>().Database.GetDbConnection();
        await connection.OpenAsync();
        var result = new Dictionary<int, Dictionary<string, StarDays>>();
        SqliteRows.Read(connection.Handle!, $"""SELECT "RepositoryId", "Day", "Gained", "Source" FROM star_gains WHERE "RepositoryId" IN ({string.Join(", ", ids)}) ORDER BY "RepositoryId", "Day", "Source" """,
            [StarSources.GitHubHistory, StarSources.GiteeStargazers], new StarGainReader.Sink(result), CancellationToken.None, direct);
        return result.SelectMany(r => r.Value.SelectMany(source => source.Value.Days.Select((day, i) => (r.Key, day, source.Value.Gained[i], source.Key))))
            .OrderBy(x => x.Item1).ThenBy(x => x.Item2).ThenBy(x => x.Item4, StringComparer.Ordinal).ToList();
    });
}
