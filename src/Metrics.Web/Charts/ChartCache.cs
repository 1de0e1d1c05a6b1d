using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Metrics.Web.Charts;

/// <summary>
/// Drawn charts by what they depend on: the data stamp (read from the database, so every process sharing it sees a
/// write), the language and the URL. A stamp never comes back, so an entry of an older one is never served again;
/// the size limit evicts such entries first, being the least recently used.
/// </summary>
public sealed class ChartCache : IDisposable
{
    private readonly MemoryCache? _cache;

    public ChartCache(IOptions<ChartCacheOptions> options)
    {
        var bytes = (long)options.Value.CacheMiB * 1024 * 1024;
        _cache = bytes > 0 ? new MemoryCache(new MemoryCacheOptions { SizeLimit = bytes, CompactionPercentage = 0.25 }) : null;
    }

    public DrawnChart? Find(string key) => Find<DrawnChart>(key);

    public void Add(string key, DrawnChart drawn) => Add(key, drawn, drawn.Body.LongLength + (drawn.FileStem.Length * 2));

    /// <summary>Anything else built from the data under the same stamp (a page's chart), by its key.</summary>
    public T? Find<T>(string key) where T : class => _cache?.TryGetValue(key, out var value) == true ? value as T : null;

    /// <param name="bytes">About what the value holds in memory, counted against <c>Charts:CacheMiB</c>.</param>
    public void Add<T>(string key, T value, long bytes) where T : class
    {
        // The key's own size counts too, so that many tiny entries cannot outgrow the limit.
        _cache?.Set(key, value, new MemoryCacheEntryOptions { Size = bytes + (key.Length * 2) + 64 });
    }

    public void Dispose() => _cache?.Dispose();
}

/// <summary>A chart's bytes in one format, and the name a download of it gets (without the extension).</summary>
public sealed record DrawnChart(byte[] Body, string FileStem);
