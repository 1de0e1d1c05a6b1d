using System.Globalization;

namespace Metrics.Browser.Tests;

/// <summary>The dashboard's tables sort by a column and filter by text.</summary>
[Collection(SiteCollection.Name)]
public sealed class TableTests(SimulatedSite site)
{
    [Fact]
    public async Task The_overview_sorts_by_stars_both_ways_and_filters_by_name()
    {
        await using var visit = await PageVisit.OpenAsync(site, "/");
        var header = visit.Page.Locator("table.overview th", new() { HasText = "Stars (primary)" });
        const string Stars = "() => [...document.querySelectorAll('table.overview tbody tr')].map(r => r.querySelector('.stars').innerText.trim())";

        await header.ClickAsync();
        var ascending = await visit.Page.EvaluateAsync<string[]>(Stars);
        await header.ClickAsync();
        var descending = await visit.Page.EvaluateAsync<string[]>(Stars);
        await visit.Page.Locator("input.table-filter").First.FillAsync("tidb");
        var shown = await visit.Page.Locator("table.overview tbody tr:not([hidden])").AllInnerTextsAsync();

        var known = ascending.Where(s => s != "—").Select(s => long.Parse(s, NumberStyles.AllowThousands, CultureInfo.InvariantCulture)).ToList();
        Assert.True(known.Count > 5);
        Assert.Equal(known.Order(), known);
        Assert.Equal(known.OrderDescending(), descending.Where(s => s != "—").Select(s => long.Parse(s, NumberStyles.AllowThousands, CultureInfo.InvariantCulture)));
        Assert.Equal("descending", await header.GetAttributeAsync("aria-sort"));
        Assert.NotEmpty(shown);
        Assert.All(shown, row => Assert.Contains("tidb", row, StringComparison.OrdinalIgnoreCase));
        Assert.Empty(visit.Errors);
    }

    [Fact]
    public async Task A_paged_overview_sorts_and_filters_across_every_page()
    {
        await using var visit = await PageVisit.OpenAsync(site, "/", address: site.PagedAddress);
        var firstByName = await Gains365Async(visit);
        var header = visit.Page.Locator("table.overview th", new() { HasText = "Stars +365 d" });

        await header.ClickAsync();
        await visit.Page.WaitForURLAsync(url => url.EndsWith("sort=gained365&dir=asc", StringComparison.Ordinal));
        await visit.Page.Locator("table.overview th", new() { HasText = "Stars +365 d" }).ClickAsync();
        await visit.Page.WaitForURLAsync(url => url.EndsWith("sort=gained365&dir=desc", StringComparison.Ordinal));
        var top = await Gains365Async(visit);
        Assert.Equal("descending", await visit.Page.Locator("table.overview th", new() { HasText = "Stars +365 d" }).GetAttributeAsync("aria-sort"));
        await visit.Page.ScreenshotAsync(new() { Path = Path.Combine(SimulatedSite.Screenshots, "overview-paged-1440.png") });

        await visit.Page.Locator("input.table-filter").First.FillAsync("deepseek");
        await visit.Page.Locator("input.table-filter").First.PressAsync("Enter");
        await visit.Page.WaitForURLAsync(url => url.EndsWith("sort=gained365&dir=desc&q=deepseek", StringComparison.Ordinal));
        var found = await visit.Page.Locator("table.overview tbody tr strong").AllInnerTextsAsync();

        // The most-grown of the whole catalog, not of the first page by name, and a filter that finds a project on any page.
        Assert.Equal(10, top.Length);
        Assert.Equal(top.OrderDescending(), top);
        Assert.True(top[0] >= firstByName.Max());
        Assert.Contains("DeepSeek (R1, V3)", found);
        Assert.Equal("deepseek", await visit.Page.Locator("input.table-filter").First.InputValueAsync());
        Assert.Empty(visit.Errors);
    }

    private static async Task<long?[]> Gains365Async(PageVisit visit) =>
        [.. (await visit.Page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('table.overview tbody tr')].map(r => r.cells[6].innerText.trim())"))
            .Select(s => long.TryParse(s.Replace("+", "", StringComparison.Ordinal), NumberStyles.AllowThousands | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : (long?)null)];
}
