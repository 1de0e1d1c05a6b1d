using CsvHelper;
using Metrics.Core.Export;
using Metrics.Core.Series;
using Metrics.Core.Storage;
using Metrics.Core.Storage.Entities;
using Metrics.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Metrics.Core.Tests.Export;

/// <summary>
/// The stars export reads below the data-reader layer and formats rows itself; its file must be exactly what the
/// general path writes for the same stored gains: every row through <see cref="TidyRowMap"/> and CsvHelper.
/// </summary>
public sealed class StarsExportBytesTests
{
    private static readonly DateOnly Day0 = new(2019, 12, 30);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_stars_file_is_byte_for_byte_what_CsvHelper_writes_for_the_same_rows(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await StoreAsync(database);

        foreach (var (filter, bom, language) in new (ExportFilter, bool, System.Globalization.CultureInfo)[]
        {
            (ExportFilter.All, false, ExportLanguage.English),
            (ExportFilter.All, true, ExportLanguage.Chinese),
            (new ExportFilter(["=cmd"], Day0.AddDays(400), Day0.AddDays(2500)), false, ExportLanguage.English),
            (new ExportFilter(["tidb"], To: Day0.AddDays(10)), true, ExportLanguage.English),
            (new ExportFilter([], From: Day0.AddDays(4000)), false, ExportLanguage.English),
        })
        {
            var (fast, lines) = await ExportAsync(database, filter, bom, language);
            var expected = await ExpectedAsync(database, filter, bom, language);
            Assert.Equal(Exports.Text(expected), Exports.Text(fast));
            Assert.Equal(expected, fast);
            Assert.Equal(Exports.Text(fast).Count(c => c == '\n') - 1, lines);
        }

        var all = Exports.Text((await ExportAsync(database, ExportFilter.All, false, ExportLanguage.Chinese)).Bytes);
        Assert.Contains(",\"'=cmd\",github,", all, StringComparison.Ordinal);
        Assert.Contains("\"we,ird/na\"\"me\"", all, StringComparison.Ordinal);
        Assert.Contains(",gitee-stargazers:partial,true,", all, StringComparison.Ordinal);
        Assert.Contains(",开源鸿蒙\r\n", all, StringComparison.Ordinal);
        Assert.Contains(",stars_gained,9000000000000005,", all, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_download_closed_midway_stops_the_export_and_the_next_one_is_whole(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await StoreAsync(database);

        await database.InScopeAsync(async s =>
        {
            var exporter = new DatasetExporter(s.GetRequiredService<MetricsDbContext>(), null!);
            await Assert.ThrowsAsync<IOException>(() => exporter.WriteAsync(Datasets.Stars, ExportFilter.All, new ClosingStream(100_000), false, CancellationToken.None));

            // The same context and connection again: the aborted read (on PostgreSQL a COPY) left nothing behind.
            using var whole = new MemoryStream();
            var lines = await exporter.WriteAsync(Datasets.Stars, ExportFilter.All, whole, false, CancellationToken.None);
            Assert.Equal(2L * await s.GetRequiredService<MetricsDbContext>().StarGains.CountAsync(), lines);
        });
    }

    /// <summary>
    /// Three repositories over several read blocks and output buffers: two sources interleaved day by day, negative
    /// and huge gains, a gap, texts that need quoting or neutralising, a partial history and a simulated repository.
    /// </summary>
    private static async Task StoreAsync(TestDatabase database)
    {
        var data = new DashboardData(database);
        await data.ProjectAsync("tidb", "TiDB");
        await data.ProjectAsync("=cmd", "=HYPERLINK(\"x\")");
        await data.ProjectAsync("harmony", "OpenHarmony");
        await database.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<MetricsDbContext>();
            await db.Projects.Where(p => p.Id == "harmony").ExecuteUpdateAsync(p => p.SetProperty(x => x.NameZh, "开源鸿蒙"));
        });
        var tidb = await data.RepositoryAsync("tidb", Forge.GitHub, "pingcap/tidb");
        var weird = await data.RepositoryAsync("=cmd", Forge.GitHub, "we,ird/na\"me");
        var harmony = await data.RepositoryAsync("harmony", Forge.Gitee, "openharmony/docs", RepositoryRole.Mirror, simulated: true);
        var random = new Random(11);
        long[] Gains(int count) => [.. Enumerable.Range(0, count).Select(i => i % 997 == 5 ? -random.Next(1, 9) : (long)random.Next(0, 400))];
        await data.StarGainsAsync(tidb.Id, Day0, [.. Gains(3000)], missing: Day0.AddDays(77));
        await data.StarGainsAsync(tidb.Id, Day0.AddDays(3), [.. Gains(2000)], StarSources.GiteeStargazers);
        await data.StarGainsAsync(weird.Id, Day0, [.. Gains(4100)]);
        await data.StarGainsAsync(weird.Id, Day0.AddDays(4100), [999_999_999_999_990, 5, 10_000_000_000_000_000 - 999_999_999_999_995]);
        await data.StarGainsAsync(harmony.Id, Day0.AddDays(100), [.. Gains(4500)], StarSources.GiteeStargazers);
        await database.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<MetricsDbContext>();
            await db.Repositories.Where(r => r.Id == harmony.Id).ExecuteUpdateAsync(r => r
                .SetProperty(x => x.StarHistoryFrom, Day0.AddDays(100)).SetProperty(x => x.StarHistoryThrough, Day0.AddDays(4599)).SetProperty(x => x.StarHistoryReachedStart, false));
        });
    }

    private static Task<(byte[] Bytes, long Lines)> ExportAsync(TestDatabase database, ExportFilter filter, bool bom, System.Globalization.CultureInfo language) =>
        database.InScopeAsync(async s =>
        {
            using var stream = new MemoryStream();
            var lines = await new DatasetExporter(s.GetRequiredService<MetricsDbContext>(), null!).WriteAsync(Datasets.Stars, filter, language, stream, bom, CancellationToken.None);
            return (stream.ToArray(), lines);
        });

    /// <summary>The stored gains through EF, summed per repository and source in day order, written by CsvHelper cell by cell.</summary>
    private static Task<byte[]> ExpectedAsync(TestDatabase database, ExportFilter filter, bool bom, System.Globalization.CultureInfo language) =>
        database.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<MetricsDbContext>();
            var repositories = await db.Repositories.AsNoTracking().Where(r => filter.ProjectIds.Count == 0 || filter.ProjectIds.Contains(r.ProjectId)).ToListAsync();
            var gains = await db.StarGains.AsNoTracking().ToListAsync();
            var rows = new List<TidyRow>();
            foreach (var repository in repositories.OrderBy(r => r.Id))
            {
                var partial = repository.StarHistoryThrough is not null && !repository.StarHistoryReachedStart;
                var totals = new Dictionary<string, long>();
                foreach (var gain in gains.Where(g => g.RepositoryId == repository.Id).OrderBy(g => g.Day).ThenBy(g => g.Source, StringComparer.Ordinal))
                {
                    var total = totals[gain.Source] = totals.GetValueOrDefault(gain.Source) + gain.Gained;
                    if (filter.Includes(gain.Day))
                    {
                        var source = partial ? gain.Source + ":partial" : gain.Source;
                        var name = $"{repository.Owner}/{repository.Name}";
                        var forge = ForgeNames.Key(repository.Forge);
                        rows.Add(new TidyRow(gain.Day, repository.ProjectId, forge, name, "stars_gained", gain.Gained, source, repository.Simulated));
                        rows.Add(new TidyRow(gain.Day, repository.ProjectId, forge, name, "stars", total, source, repository.Simulated));
                    }
                }
            }

            using var stream = new MemoryStream();
            await CsvExport.WriteAsync(stream, new General(new TidyRowMap(await ProjectNames.LoadAsync(db, language, CancellationToken.None))), rows, bom, CancellationToken.None);
            return stream.ToArray();
        });

    /// <summary>The tidy columns through CsvHelper, which no fast path recognises.</summary>
    private sealed class General(TidyRowMap map) : ICsvRowMap<TidyRow>
    {
        public IReadOnlyList<string> Header => map.Header;

        public void Write(CsvWriter writer, TidyRow row) => map.Write(writer, row);
    }

    /// <summary>A download whose reader goes away after some bytes.</summary>
    private sealed class ClosingStream(int limit) : MemoryStream
    {
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            Length + buffer.Length > limit ? throw new IOException("The client closed the connection.") : base.WriteAsync(buffer, cancellationToken);

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (Length + buffer.Length > limit)
            {
                throw new IOException("The client closed the connection.");
            }

            base.Write(buffer);
        }
    }
}
