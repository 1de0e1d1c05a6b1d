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
}
