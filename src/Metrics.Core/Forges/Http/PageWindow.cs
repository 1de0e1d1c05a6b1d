namespace Metrics.Core.Forges.Http;

/// <summary>
/// The pages of one list, fetched ahead once the forge has told the last page number: at most <c>width</c> requests in
/// flight, handed out in page order. The caller still takes them one at a time, in order, so what it stores is always
/// a prefix of the list: a failure on page k surfaces when page k is taken, after pages 1..k-1 were handed on, and the
/// completeness mark moves as before. Each page is fetched once, through the forge client's own pipeline (quota,
/// retries, ETags, accounting). Only for reads that go on to the last page: a read that may stop early would waste
/// the pages fetched ahead.
/// </summary>
internal sealed class PageWindow<T>(Func<int, Task<T>> fetch, int width) : IAsyncDisposable
{
    private readonly Dictionary<int, Task<T>> _pages = [];

    /// <summary>The list's last page, once an answer told it; nothing is fetched ahead before.</summary>
    public int? Last { get; set; }

    /// <summary>Page <paramref name="number"/>, starting the pages after it up to the window's width.</summary>
    public Task<T> GetAsync(int number)
    {
        var ahead = Last is { } last ? Math.Min(last, number + width - 1) : number;
        for (var n = number; n <= Math.Max(number, ahead); n++)
        {
            if (!_pages.ContainsKey(n))
            {
                _pages[n] = fetch(n);
            }
        }

        return _pages[number];
    }

    /// <summary>
    /// Whether page <paramref name="number"/> has already arrived whole: a reader may then hand on two pages as one
    /// chunk, one write instead of two. A page that failed is not ready; taking it raises its failure.
    /// </summary>
    public bool IsReady(int number) => _pages.TryGetValue(number, out var page) && page.IsCompletedSuccessfully;

    /// <summary>Waits for pages fetched ahead of a failure, so none is left running or fails unobserved.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var page in _pages.Values.Where(p => !p.IsCompleted))
        {
            await ((Task)page).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        foreach (var page in _pages.Values.Where(p => p.IsFaulted))
        {
            _ = page.Exception; // observed: the failure that matters reached the caller through its own page
        }
    }
}
