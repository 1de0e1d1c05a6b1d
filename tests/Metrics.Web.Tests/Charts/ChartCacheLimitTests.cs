using Metrics.Web.Charts;
using Microsoft.Extensions.Options;

namespace Metrics.Web.Tests.Charts;

/// <summary>The chart cache never holds more than <c>Charts:CacheMiB</c>, and 0 keeps nothing.</summary>
public sealed class ChartCacheLimitTests
{
    [Fact]
    public void Charts_beyond_the_limit_are_not_kept()
    {
        using var cache = new ChartCache(Options.Create(new ChartCacheOptions { CacheMiB = 1 }));
        var body = new byte[600 * 1024];

        cache.Add("a", new DrawnChart(body, "growth-stars"));
        var kept = cache.Find("a");
        // Past the limit: not added (and the cache may then evict older entries in the background).
        cache.Add("b", new DrawnChart(body, "growth-stars"));

        Assert.Same(body, kept?.Body);
        Assert.Null(cache.Find("b"));
    }

    [Fact]
    public void A_limit_of_zero_keeps_nothing()
    {
        using var cache = new ChartCache(Options.Create(new ChartCacheOptions { CacheMiB = 0 }));

        cache.Add("a", new DrawnChart([1, 2, 3], "growth-stars"));

        Assert.Null(cache.Find("a"));
    }
}
