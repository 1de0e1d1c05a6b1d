using Metrics.Core.Export;
using Xunit.Abstractions;

namespace Metrics.Core.Tests.Export;

public sealed class ExportBenchmarkTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Writing_a_million_rows_holds_no_more_memory_than_writing_fifty_thousand()
    {
        var small = await ExportBenchmark.RunAsync(50_000, CancellationToken.None);
        var large = await ExportBenchmark.RunAsync(1_000_000, CancellationToken.None);
        output.WriteLine(small.ToString());
        output.WriteLine(large.ToString());

        Assert.Equal(1_000_000, large.Rows);
        Assert.True(large.Bytes > 60_000_000, large.ToString());

        // Twenty times the rows, not twenty times the memory: the rows stream through a fixed buffer.
        Assert.True(large.LiveGrowthBytes < 8 * 1024 * 1024, large.ToString());
        Assert.True(large.LiveGrowthBytes < small.LiveGrowthBytes + 4 * 1024 * 1024, $"{small} / {large}");
    }
}
