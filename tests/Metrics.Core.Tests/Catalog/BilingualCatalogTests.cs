using System.Text.Json.Nodes;
using Metrics.Core.Catalog;
using Metrics.Core.Storage;
using Metrics.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Metrics.Core.Tests.Catalog;

/// <summary>The catalog in both languages: Chinese names and milestone texts go in with the English ones and stay in step with the files.</summary>
public sealed class BilingualCatalogTests
{
    private static Task<SeedImportResult> ImportAsync(TestDatabase database, string path) =>
        database.InScopeAsync(s => s.GetRequiredService<SeedImporter>().ImportAsync(path, CancellationToken.None));

    private static Task<(string Name, string? NameZh)> ProjectAsync(TestDatabase database, string id) => database.InScopeAsync(async s =>
    {
        var project = await s.GetRequiredService<MetricsDbContext>().Projects.AsNoTracking().SingleAsync(p => p.Id == id);
        return (project.Name, project.NameZh);
    });

    private static Task<(string Title, string? TitleZh, string Description, string? DescriptionZh)> MilestoneAsync(TestDatabase database, string id) =>
        database.InScopeAsync(async s =>
        {
            var m = await s.GetRequiredService<MetricsDbContext>().Milestones.AsNoTracking().SingleAsync(m => m.Id == id);
            return (m.Title, m.TitleZh, m.Description, m.DescriptionZh);
        });

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_import_keeps_both_languages_and_a_second_import_changes_nothing(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var seeds = new SeedFiles();

        await ImportAsync(database, seeds.Path);
        var again = await ImportAsync(database, seeds.Path);

        Assert.True(again.ChangedNothing, again.ToString());
        Assert.Equal(("Kaiyuanshe (开源社, Open Source Society)", "开源社"), await ProjectAsync(database, "kaiyuanshe"));
        Assert.Equal(("StepFun (阶跃星辰)", "阶跃星辰（StepFun）"), await ProjectAsync(database, "stepfun"));
        Assert.Equal(("MySQL", null), await ProjectAsync(database, "mysql"));
        Assert.Equal(("TiDB", null), await ProjectAsync(database, "tidb"));
        var (title, titleZh, description, descriptionZh) = await MilestoneAsync(database, "kaiyuanshe-founded");
        Assert.Equal(("Birth of Kaiyuanshe", "开源社成立"), (title, titleZh));
        Assert.StartsWith("A community open to individuals", description, StringComparison.Ordinal);
        Assert.Equal("由志愿者发起、向个人开放、不隶属于任何厂商的社区诞生。", descriptionZh);

        // Every milestone of the catalog has its Chinese title and description.
        var missing = await database.InScopeAsync(s => s.GetRequiredService<MetricsDbContext>().Milestones
            .Where(m => m.TitleZh == null || m.DescriptionZh == null).Select(m => m.Id).ToListAsync());
        Assert.Empty(missing);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_edited_or_removed_Chinese_text_is_updated_by_the_next_import(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var seeds = new SeedFiles();
        await ImportAsync(database, seeds.Path);

        seeds.EditProjects(p =>
        {
            p.Single(x => x!["id"]!.GetValue<string>() == "tidb")!["nameZh"] = "TiDB 分布式数据库";
            p.Single(x => x!["id"]!.GetValue<string>() == "kaiyuanshe")!.AsObject().Remove("nameZh");
        });
        seeds.EditMilestones(m =>
        {
            var entry = m.Single(x => x!["id"]!.GetValue<string>() == "tidb-founded")!.AsObject();
            entry["titleZh"] = "TiDB 写下第一行代码";
            entry.Remove("descriptionZh");
        });
        var result = await ImportAsync(database, seeds.Path);

        Assert.Equal((2, 1), (result.ProjectsUpdated, result.MilestonesUpdated));
        Assert.Equal(("TiDB", "TiDB 分布式数据库"), await ProjectAsync(database, "tidb"));
        Assert.Null((await ProjectAsync(database, "kaiyuanshe")).NameZh);
        var milestone = await MilestoneAsync(database, "tidb-founded");
        Assert.Equal("TiDB 写下第一行代码", milestone.TitleZh);
        Assert.Null(milestone.DescriptionZh);
        Assert.Equal("PingCAP starts writing TiDB", milestone.Title);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_database_imported_before_the_Chinese_texts_gets_them_at_the_next_start(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var seeds = new SeedFiles();
        var bilingual = (File.ReadAllText(seeds.ProjectsPath), File.ReadAllText(seeds.MilestonesPath));
        seeds.EditProjects(p => { foreach (var x in p) { x!.AsObject().Remove("nameZh"); } });
        seeds.EditMilestones(m => { foreach (var x in m) { x!.AsObject().Remove("titleZh"); x.AsObject().Remove("descriptionZh"); } });
        Task<bool> StartAsync() => database.InScopeAsync(s => s.GetRequiredService<SeedOnStart>().ImportIfChangedAsync(seeds.Path, CancellationToken.None));

        Assert.True(await StartAsync());
        Assert.Null((await ProjectAsync(database, "stepfun")).NameZh);
        Assert.False(await StartAsync());

        File.WriteAllText(seeds.ProjectsPath, bilingual.Item1);
        File.WriteAllText(seeds.MilestonesPath, bilingual.Item2);

        Assert.True(await StartAsync());
        Assert.Equal("阶跃星辰（StepFun）", (await ProjectAsync(database, "stepfun")).NameZh);
        Assert.Equal("开源社成立", (await MilestoneAsync(database, "kaiyuanshe-founded")).TitleZh);
        Assert.False(await StartAsync());
    }

    public static TheoryData<string, string> BadChineseTexts => new()
    {
        { "nameZh-too-long", "seeds/projects.json: project #1 'P': field 'nameZh' is 201 characters long; at most 200 are allowed" },
        { "nameZh-blank", "seeds/projects.json: project #1 'P': field 'nameZh' is empty" },
        { "titleZh-too-long", "seeds/milestones.json: milestone #1 'M': field 'titleZh' is 301 characters long; at most 300 are allowed" },
        { "titleZh-blank", "seeds/milestones.json: milestone #1 'M': field 'titleZh' is empty" },
        { "descriptionZh-too-long", "seeds/milestones.json: milestone #1 'M': field 'descriptionZh' is 4001 characters long; at most 4000 are allowed" },
    };

    [Theory]
    [MemberData(nameof(BadChineseTexts))]
    public async Task A_bad_Chinese_text_is_named_by_its_field_and_nothing_is_imported(string fault, string expected)
    {
        using var seeds = new SeedFiles();
        var projectId = seeds.Projects[0]!["id"]!.GetValue<string>();
        var milestoneId = seeds.Milestones[0]!["id"]!.GetValue<string>();
        seeds.EditProjects(p =>
        {
            switch (fault)
            {
                case "nameZh-too-long": p[0]!["nameZh"] = new string('名', 201); break;
                case "nameZh-blank": p[0]!["nameZh"] = "  "; break;
            }
        });
        seeds.EditMilestones(m =>
        {
            switch (fault)
            {
                case "titleZh-too-long": m[0]!["titleZh"] = new string('题', 301); break;
                case "titleZh-blank": m[0]!["titleZh"] = ""; break;
                case "descriptionZh-too-long": m[0]!["descriptionZh"] = new string('述', 4001); break;
            }
        });
        await using var database = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite);

        var error = await Assert.ThrowsAsync<SeedValidationException>(() => ImportAsync(database, seeds.Path));

        var message = expected.Replace("'P'", $"'{projectId}'", StringComparison.Ordinal).Replace("'M'", $"'{milestoneId}'", StringComparison.Ordinal);
        Assert.Contains(error.Errors, e => e.Contains(message, StringComparison.Ordinal));
        Assert.Equal(0, await database.InScopeAsync(s => s.GetRequiredService<MetricsDbContext>().Projects.CountAsync()));
    }

    [Fact]
    public void The_catalog_text_is_Chinese_only_where_there_is_Chinese_and_Chinese_is_asked_for()
    {
        var zh = System.Globalization.CultureInfo.GetCultureInfo("zh-CN");
        var en = System.Globalization.CultureInfo.GetCultureInfo("en");

        Assert.Equal("开源社", CatalogText.Pick(zh, "Kaiyuanshe", "开源社"));
        Assert.Equal("Kaiyuanshe", CatalogText.Pick(en, "Kaiyuanshe", "开源社"));
        Assert.Equal("MySQL", CatalogText.Pick(zh, "MySQL", null));
        Assert.Equal("My note", CatalogText.Pick(zh, "My note", " "));
    }
}
