using System.Text;
using CsvHelper;
using Metrics.Core.Export;

namespace Metrics.Core.Tests.Export;

/// <summary>The tidy datasets' fast writer must write exactly what the general CsvHelper path writes.</summary>
public sealed class TidyCsvWriterTests
{
    [Fact]
    public void The_stars_and_snapshots_exports_take_the_fast_path() =>
        Assert.True(TidyCsvWriter.Handles(TidyRowMap.Instance), "TidyRowMap's columns changed: update TidyCsvWriter to write the same ones.");

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task It_writes_the_same_bytes_as_the_general_writer(bool byteOrderMark)
    {
        var day = new DateOnly(2024, 2, 29);
        string[] texts = ["tidb", "github", "pingcap/tidb", "=HYPERLINK(\"x\")", "+1", "-cmd", "@sum", "\tlead", "a,b", "say \"hi\"",
            "line\nbreak", "cr\rlf", " padded ", "", "开源中国/鸿蒙", "stars_gained"];
        double[] values = [0, 1, -3, 0.5, 1234567.25, 1e20, -0.001, 12345678901234];
        var rows = texts.SelectMany((t, i) => values.Select((v, j) => new TidyRow(day.AddDays(i * 10 + j), t, texts[(i + 1) % texts.Length],
            texts[(i + 2) % texts.Length], t, v, texts[(i + 3) % texts.Length]))).ToList();

        // Project names in both languages, one that looks like a formula, and ids with no name (an empty cell).
        var names = new ProjectNames(new Dictionary<string, string> { ["tidb"] = "TiDB", ["开源中国/鸿蒙"] = "开源鸿蒙", ["a,b"] = "=cmd", ["+1"] = "名称, \"引号\"" });
        var map = new TidyRowMap(names);
        var fast = await WriteAsync(map, rows, byteOrderMark);
        var general = await WriteAsync(new General(map), rows, byteOrderMark);

        Assert.Equal(Encoding.UTF8.GetString(general), Encoding.UTF8.GetString(fast));
        Assert.Equal(general, fast);
        Assert.Contains("'=HYPERLINK", Encoding.UTF8.GetString(fast), StringComparison.Ordinal);
        Assert.Contains(",开源鸿蒙\r\n", Encoding.UTF8.GetString(fast), StringComparison.Ordinal);
        Assert.Contains("'=cmd", Encoding.UTF8.GetString(fast), StringComparison.Ordinal);
    }

    private static async Task<byte[]> WriteAsync(ICsvRowMap<TidyRow> map, List<TidyRow> rows, bool byteOrderMark)
    {
        using var stream = new MemoryStream();
        var count = await CsvExport.WriteAsync(stream, map, rows, byteOrderMark, CancellationToken.None);
        Assert.Equal(rows.Count, count);
        return stream.ToArray();
    }

    /// <summary>The same columns through CsvHelper, which the fast path does not recognise.</summary>
    private sealed class General(TidyRowMap map) : ICsvRowMap<TidyRow>
    {
        public IReadOnlyList<string> Header => map.Header;

        public void Write(CsvWriter writer, TidyRow row) => map.Write(writer, row);
    }
}
