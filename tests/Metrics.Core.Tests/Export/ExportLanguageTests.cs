using System.Globalization;
using Metrics.Core.Export;
using Metrics.Core.Mirrors;
using Metrics.Core.Storage;
using Metrics.Core.Storage.Entities;
using Metrics.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Metrics.Core.Tests.Export;

/// <summary>
/// An export in Chinese: the same file a script reads in English (headers, ids, codes, numbers), with the text cells
/// (project names, milestone titles and descriptions) in Chinese where the catalog has them.
/// </summary>
public sealed class ExportLanguageTests
{
    private static readonly DateOnly Day0 = new(2025, 3, 1);

    private static async Task<TestDatabase> WorldAsync(string provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var data = new DashboardData(database);
        await data.ProjectAsync("kaiyuanshe", "Kaiyuanshe");
        await data.ProjectAsync("mysql", "MySQL");
        var kys = await data.RepositoryAsync("kaiyuanshe", Forge.GitHub, "kaiyuanshe/kaiyuanshe");
        var mysql = await data.RepositoryAsync("mysql", Forge.GitHub, "mysql/mysql-server");
        await data.StarGainsAsync(kys.Id, Day0, [3, 4]);
        await data.StarGainsAsync(mysql.Id, Day0, [5]);
        await data.ReleaseAsync(kys.Id, "v1", new DateTime(2025, 3, 2, 0, 0, 0, DateTimeKind.Utc), "First");
        await data.MilestoneAsync("kaiyuanshe-founded", new DateOnly(2014, 10, 1), DatePrecision.Month, "Birth of Kaiyuanshe", "III", "kaiyuanshe");
        await data.MilestoneAsync("user-note", new DateOnly(2025, 1, 1), DatePrecision.Year, "-Only in English", "", "mysql");
        await database.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<MetricsDbContext>();
            (await db.Projects.SingleAsync(p => p.Id == "kaiyuanshe")).NameZh = "开源社";
            var milestone = await db.Milestones.SingleAsync(m => m.Id == "kaiyuanshe-founded");
            (milestone.Description, milestone.TitleZh, milestone.DescriptionZh) = ("A community of volunteers.", "开源社成立", "由志愿者发起的社区。");
            await db.SaveChangesAsync();
        });
        return database;
    }

    private static Task<byte[]> ExportAsync(TestDatabase database, string dataset, CultureInfo? language) => database.InScopeAsync(async s =>
    {
        var db = s.GetRequiredService<MetricsDbContext>();
        var exporter = new DatasetExporter(db, new MirrorComparison(db, Options.Create(new MirrorOptions())));
        using var stream = new MemoryStream();
        if (language is null)
        {
            await exporter.WriteAsync(dataset, ExportFilter.All, stream, false, CancellationToken.None);
        }
        else
        {
            await exporter.WriteAsync(dataset, ExportFilter.All, language, stream, false, CancellationToken.None);
        }

        return stream.ToArray();
    });

    private static string Without(Dictionary<string, string> row, params string[] columns) =>
        string.Join(",", row.Where(c => !columns.Contains(c.Key)).Select(c => $"{c.Key}={c.Value}"));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Project_names_are_in_the_language_asked_for_and_everything_else_stays_as_in_English(string provider)
    {
        await using var database = await WorldAsync(provider);

        foreach (var dataset in new[] { Datasets.Stars, Datasets.Releases })
        {
            var byDefault = await ExportAsync(database, dataset, null);
            var english = Exports.Parse(await ExportAsync(database, dataset, ExportLanguage.English));
            var chinese = Exports.Parse(await ExportAsync(database, dataset, ExportLanguage.Chinese));

            Assert.Equal(byDefault, await ExportAsync(database, dataset, ExportLanguage.English));
            Assert.Equal(english.Select(r => Without(r, "project_name")), chinese.Select(r => Without(r, "project_name")));
            Assert.Equal(english[0].Keys, chinese[0].Keys);
            Assert.Equal("project_name", chinese[0].Keys.Last());
            Assert.All(english.Where(r => r["project"] == "kaiyuanshe"), r => Assert.Equal("Kaiyuanshe", r["project_name"]));
            Assert.All(chinese.Where(r => r["project"] == "kaiyuanshe"), r => Assert.Equal("开源社", r["project_name"]));
            Assert.All(chinese.Where(r => r["project"] == "mysql"), r => Assert.Equal("MySQL", r["project_name"]));
            Assert.Contains(chinese, r => r["project"] == "kaiyuanshe");
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Milestone_titles_and_descriptions_are_in_Chinese_where_the_catalog_has_them(string provider)
    {
        await using var database = await WorldAsync(provider);

        var english = Exports.Parse(await ExportAsync(database, Datasets.Milestones, null));
        var chinese = Exports.Parse(await ExportAsync(database, Datasets.Milestones, ExportLanguage.Chinese));

        Assert.Equal(english.Select(r => Without(r, "title", "description")), chinese.Select(r => Without(r, "title", "description")));
        var founded = chinese.Single(r => r["id"] == "kaiyuanshe-founded");
        Assert.Equal(("开源社成立", "由志愿者发起的社区。", "2014-10", "kaiyuanshe"), (founded["title"], founded["description"], founded["date"], founded["projects"]));
        Assert.Equal(("Birth of Kaiyuanshe", "A community of volunteers."), (english.Single(r => r["id"] == "kaiyuanshe-founded")["title"], english.Single(r => r["id"] == "kaiyuanshe-founded")["description"]));

        // No Chinese title: the English one, still neutralised as a formula would be.
        Assert.Equal("'-Only in English", chinese.Single(r => r["id"] == "user-note")["title"]);
    }

    [Theory]
    [InlineData(null, "en")]
    [InlineData("", "en")]
    [InlineData("EN", "en")]
    [InlineData("zh-CN", "zh-CN")]
    [InlineData("zh-cn", "zh-CN")]
    [InlineData("zh", "zh-CN")]
    [InlineData("zh-Hans", "zh-CN")]
    public void The_lang_parameter_names_English_or_Chinese(string? text, string expected)
    {
        Assert.True(ExportLanguage.TryParse(text, out var language));
        Assert.Equal(expected, language.Name);
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("english")]
    [InlineData("chinese")]
    public void Any_other_lang_is_refused_naming_the_parameter(string text)
    {
        Assert.False(ExportLanguage.TryParse(text, out _));
        Assert.Equal($"Parameter 'lang' takes en or zh-CN, not '{text}'.", ExportLanguage.Problem("lang", text));
    }
}
