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

    public static async Task<PageVisit> OpenAsync(SimulatedSite site, string path, int width = 1400, int height = 1000, Uri? address = null)
    {
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = (address ?? site.BaseAddress).ToString(), ViewportSize = new ViewportSize { Width = width, Height = height }, Locale = "en-GB",
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

    /// <summary>Charts are drawn in the browser from the server's specification: wait until each has been drawn or failed.</summary>
    public async Task WaitForChartsAsync()
    {
        await Page.WaitForFunctionAsync("() => [...document.querySelectorAll('figure.chart[data-chart]')].every(f => f.dataset.rendered === '1' || f.dataset.rendered === 'error')");
        var broken = await Page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('figure.chart[data-chart]')].filter(f => f.dataset.rendered !== '1').map(f => f.dataset.chart)");
        Errors.AddRange(broken.Select(name => $"chart did not render: {name}"));
    }

    public Task ScreenshotAsync(string name) =>
        Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(SimulatedSite.Screenshots, $"{name}.png"), FullPage = true });

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
