using System.Net;
using System.Text.RegularExpressions;
using Metrics.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Metrics.Web.Tests.Localization;

/// <summary>
/// Every page in Chinese (an unknown project is the 404 page): no English left for a Chinese reader but what is a name (repositories, tags, logins,
/// projects, forges) or a format (CSV, SVG …), and no text the code asks for that the resources lack.
/// Pages are localized by two people: see /work/wt/I18N-INFRA.md (Overview, Mirrors, Milestones, Collection,
/// login and 404 by PART B; the header, Growth and the project page by PART A).
/// </summary>
public sealed partial class ChineseCoverageTests(DashboardWorld world) : IClassFixture<DashboardWorld>
{
    /// <summary>Names and formats that stay as they are in Chinese text.</summary>
    private static readonly HashSet<string> Allowed = new(StringComparer.OrdinalIgnoreCase)
    {
        "GitHub", "Gitee", "GitCode", "AtomGit", "Hugging", "Face", "CSV", "SVG", "PNG", "JSON", "HTML", "Markdown", "Excel",
        "UTC", "UTF", "API", "README", "SQLite", "PostgreSQL", "Metrics", "Apache", "ECharts", "Hangfire", "Octokit", "git", "ETag",
        "I", "II", "III", "IV", "V", "VI", "k", "M", "B", "s", "h", "min", "lang", "en", "zh", "CN",
    };

    public static TheoryData<string> Pages => new()
    {
        "/", "/growth", "/growth?p=qwen&metric=likes", "/projects/tidb", "/projects/qwen", "/mirrors", "/milestones",
        "/collection", "/admin/login", "/projects/nope",
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_page_in_Chinese_leaves_no_English_ui_text(string page)
    {
        var recorder = new LocalizationRecorder();
        using var web = recorder.Wrap(world.Web);
        var url = page + (page.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "lang=zh-CN";
        var response = await web.CreateClient().GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(page == "/projects/nope" ? HttpStatusCode.NotFound : HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("<html lang=\"zh-CN\"", html, StringComparison.Ordinal);
        Assert.True(recorder.Missing.Count == 0, $"{page}: no Chinese text for {string.Join("; ", recorder.Missing)}");
        var data = await DataStringsAsync();
        var english = PageText.Visible(html)
            .Select(t => RemoveData(t, data))
            .Where(t => Words().Matches(t).Any(w => !Allowed.Contains(w.Value)))
            .Distinct()
            .ToList();
        Assert.True(english.Count == 0, $"{page}: English left in Chinese: {string.Join(" | ", english)}");
    }

    private static string RemoveData(string text, IReadOnlyList<string> data)
    {
        foreach (var value in data.Where(d => text.Contains(d, StringComparison.Ordinal)))
        {
            text = text.Replace(value, " ", StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>Text that is data, longest first: it stays as the forges or the catalog wrote it.</summary>
    private async Task<IReadOnlyList<string>> DataStringsAsync() => await world.Database.InScopeAsync(async services =>
    {
        var db = services.GetRequiredService<MetricsDbContext>();
        var strings = new List<string?>();
        strings.AddRange(await db.Repositories.Select(r => r.Owner + "/" + r.Name).ToListAsync());
        strings.AddRange(await db.Repositories.Select(r => r.Owner).ToListAsync());
        strings.AddRange(await db.Repositories.Select(r => r.Name).ToListAsync());
        strings.AddRange(await db.Projects.Select(p => p.Name).ToListAsync());
        strings.AddRange(await db.Projects.Select(p => p.Id).ToListAsync());
        strings.AddRange(await db.Releases.Select(r => r.Tag).ToListAsync());
        strings.AddRange(await db.Releases.Select(r => r.Name).ToListAsync());
        strings.AddRange(await db.Projects.Select(p => p.Description).ToListAsync());
        strings.AddRange(await db.Contributors.Select(c => c.Key).ToListAsync());
        strings.AddRange(await db.Contributors.Select(c => c.DisplayName).ToListAsync());
        strings.AddRange(await db.Milestones.Select(m => m.Title).ToListAsync());
        strings.AddRange(await db.Milestones.Select(m => m.Description).ToListAsync());
        strings.AddRange(await db.CollectionRuns.Select(r => r.Error).ToListAsync());
        return (IReadOnlyList<string>)[.. strings.OfType<string>().Where(s => s.Length > 1).Distinct().OrderByDescending(s => s.Length)];
    });

    [GeneratedRegex("[A-Za-z]+")]
    private static partial Regex Words();
}
