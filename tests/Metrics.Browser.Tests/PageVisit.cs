using Microsoft.Playwright;

namespace Metrics.Browser.Tests;

/// <summary>One page in a fresh browser context, with every console error and page error it raises collected.</summary>
internal sealed class PageVisit : IAsyncDisposable
{
    private readonly IBrowserContext _context;

    private PageVisit(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Errors.Add($"console: {message.Text}");
            }
        };
        page.PageError += (_, error) => Errors.Add($"page: {error}");
        page.RequestFailed += (_, request) => Errors.Add($"request failed: {request.Url}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                Errors.Add($"HTTP {response.Status}: {response.Url}");
            }
        };
    }

    public IPage Page { get; }

    public List<string> Errors { get; } = [];

    public static async Task<PageVisit> OpenAsync(SimulatedSite site, string path)
    {
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = site.BaseAddress.ToString(), ViewportSize = new ViewportSize { Width = 1400, Height = 1000 }, Locale = "en-GB",
        });
        // Generous waits: CI runs the test projects side by side on two cores, and charts are drawn on the server.
        context.SetDefaultTimeout(120_000);
        context.SetDefaultNavigationTimeout(120_000);
        var visit = new PageVisit(context, await context.NewPageAsync());
        await visit.GoAsync(path);
        return visit;
    }

    public async Task GoAsync(string path)
    {
        await Page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        await WaitForChartsAsync();
    }

    /// <summary>Charts are images drawn by the server: wait until each has loaded (a broken one has no width).</summary>
    public async Task WaitForChartsAsync()
    {
        await Page.WaitForFunctionAsync("() => [...document.querySelectorAll('img[data-chart]')].every(i => i.complete)");
        var broken = await Page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('img[data-chart]')].filter(i => i.naturalWidth === 0).map(i => i.src)");
        Errors.AddRange(broken.Select(src => $"chart did not load: {src}"));
    }

    public Task ScreenshotAsync(string name) =>
        Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(SimulatedSite.Screenshots, $"{name}.png"), FullPage = true });

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
