using CsvHelper;
using Metrics.Testing;

namespace Metrics.Cli.Tests;

/// <summary><c>metrics export --lang zh-CN</c>: the catalog's Chinese text in the text cells, everything else as in English.</summary>
[Collection(EnvironmentCollection.Name)]
public sealed class ExportLanguageCommandTests
{
    private static List<Dictionary<string, string>> Parse(string csv, out string[] header)
    {
        using var reader = CsvReader.FromText(csv, new CsvReaderOptions { HasHeader = true });
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
        {
            rows.Add(reader.Headers.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => reader.GetString(x.i)));
        }

        header = [.. reader.Headers];
        return rows;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_milestones_export_in_Chinese_has_the_catalogs_Chinese_titles_and_English_headers(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await database.SeedAsync();

        var chinese = await CliRunner.RunAsync(database.Settings, "export", "--dataset", "milestones", "--lang", "zh-CN");
        var english = await CliRunner.RunAsync(database.Settings, "export", "--dataset", "milestones");

        Assert.Equal((0, 0), (chinese.ExitCode, english.ExitCode));
        var zh = Parse(chinese.Output, out var zhHeader);
        var en = Parse(english.Output, out var enHeader);
        Assert.Equal(enHeader, zhHeader);
        Assert.Equal(en.Select(r => r["id"] + r["date"] + r["act"] + r["projects"]), zh.Select(r => r["id"] + r["date"] + r["act"] + r["projects"]));
        var founded = zh.Single(r => r["id"] == "kaiyuanshe-founded");
        Assert.Equal(("开源社成立", "由志愿者发起、向个人开放、不隶属于任何厂商的社区诞生。"), (founded["title"], founded["description"]));
        Assert.Equal("Birth of Kaiyuanshe", en.Single(r => r["id"] == "kaiyuanshe-founded")["title"]);
    }

    [Fact]
    public async Task An_unknown_language_exits_with_2_and_names_the_option()
    {
        await using var database = await TestDatabase.CreateAsync(Metrics.Core.Storage.DatabaseOptions.Sqlite);

        var result = await CliRunner.RunAsync(database.Settings, "export", "--dataset", "milestones", "--lang", "fr");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: --lang takes en or zh-CN, not 'fr'.", result.Error.Trim());
        Assert.Equal("", result.Output.Trim());
    }
}
