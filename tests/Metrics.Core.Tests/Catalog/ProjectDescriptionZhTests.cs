using Metrics.Core.Catalog;
using Metrics.Core.Storage;
using Metrics.Core.Storage.Entities;
using Metrics.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Metrics.Core.Tests.Catalog;

/// <summary>Every catalog project's Chinese description goes in with the English one and reaches a database imported before it existed.</summary>
public sealed class ProjectDescriptionZhTests
{
    private static Task<SeedImportResult> ImportAsync(TestDatabase database, string path) =>
        database.InScopeAsync(s => s.GetRequiredService<SeedImporter>().ImportAsync(path, CancellationToken.None));

    private static Task<Dictionary<string, string?>> DescriptionsZhAsync(TestDatabase database) => database.InScopeAsync(s =>
        s.GetRequiredService<MetricsDbContext>().Projects.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.DescriptionZh));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Every_project_of_the_catalog_gets_its_Chinese_description_and_a_second_import_changes_nothing(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var seeds = new SeedFiles();

        await ImportAsync(database, seeds.Path);
        var again = await ImportAsync(database, seeds.Path);

        Assert.True(again.ChangedNothing, again.ToString());
        var stored = await DescriptionsZhAsync(database);
        Assert.Equal(seeds.Projects.Count, stored.Count);
        Assert.Empty(stored.Where(p => string.IsNullOrWhiteSpace(p.Value)).Select(p => p.Key));
        Assert.Equal("兼容 MySQL 的分布式 SQL 数据库，由 PingCAP 自 2015 年起在 GitHub 上公开开发。", stored["tidb"]);
        Assert.Equal(seeds.Projects.ToDictionary(p => p!["id"]!.GetValue<string>(), p => p!["descriptionZh"]!.GetValue<string>()), stored!);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_database_seeded_before_the_Chinese_descriptions_gets_them_at_the_next_start_and_keeps_the_users_changes(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var seeds = new SeedFiles();
        var bilingual = File.ReadAllText(seeds.ProjectsPath);
        seeds.EditProjects(p => { foreach (var x in p) { x!.AsObject().Remove("descriptionZh"); } });
        Task<bool> StartAsync() => database.InScopeAsync(s => s.GetRequiredService<SeedOnStart>().ImportIfChangedAsync(seeds.Path, CancellationToken.None));
        Assert.True(await StartAsync());
        Assert.All((await DescriptionsZhAsync(database)).Values, Assert.Null);
        await database.InScopeAsync(async s =>
        {
            // What a user may change: untrack a catalog repository, track one of their own, add a milestone.
            var db = s.GetRequiredService<MetricsDbContext>();
            var tidb = await db.Repositories.SingleAsync(r => r.Forge == Forge.GitHub && r.Owner == "pingcap" && r.Name == "tidb");
            (tidb.Tracked, tidb.TrackedByUser) = (false, false);
            db.Repositories.Add(new Repository { ProjectId = "tidb", Forge = Forge.GitHub, Owner = "pingcap", Name = "tiflash", Tracked = true, TrackedByUser = true });
            db.Milestones.Add(new Milestone { Id = "user-note", Title = "My note", Date = new DateOnly(2025, 1, 1), Precision = DatePrecision.Year, UserAdded = true });
            await db.SaveChangesAsync();
        });

        File.WriteAllText(seeds.ProjectsPath, bilingual);

        Assert.True(await StartAsync());
        Assert.Equal("百度的开放自动驾驶软件平台，于 2017 年发布。", (await DescriptionsZhAsync(database))["apollo"]);
        Assert.DoesNotContain(await DescriptionsZhAsync(database), p => p.Value is null);
        var (tidbTracked, tiflash, note) = await database.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<MetricsDbContext>();
            return (await db.Repositories.Where(r => r.Owner == "pingcap" && r.Name == "tidb" && r.Forge == Forge.GitHub).Select(r => r.Tracked).SingleAsync(),
                await db.Repositories.AnyAsync(r => r.Name == "tiflash" && r.Tracked),
                await db.Milestones.AnyAsync(m => m.Id == "user-note"));
        });
        Assert.False(tidbTracked);
        Assert.True(tiflash);
        Assert.True(note);
        Assert.False(await StartAsync());
    }

    public static TheoryData<string, string> BadDescriptions => new()
    {
        { "descriptionZh-blank", "seeds/projects.json: project #1 'P': field 'descriptionZh' is empty" },
        { "descriptionZh-too-long", "seeds/projects.json: project #1 'P': field 'descriptionZh' is 4001 characters long; at most 4000 are allowed" },
        { "description-too-long", "seeds/projects.json: project #1 'P': field 'description' is 4001 characters long; at most 4000 are allowed" },
    };

    [Theory]
    [MemberData(nameof(BadDescriptions))]
    public async Task A_bad_description_is_named_by_file_entry_and_field_and_nothing_is_imported(string fault, string expected)
    {
        using var seeds = new SeedFiles();
        var projectId = seeds.Projects[0]!["id"]!.GetValue<string>();
        seeds.EditProjects(p =>
        {
            switch (fault)
            {
                case "descriptionZh-blank": p[0]!["descriptionZh"] = " "; break;
                case "descriptionZh-too-long": p[0]!["descriptionZh"] = new string('述', 4001); break;
                case "description-too-long": p[0]!["description"] = new string('d', 4001); break;
            }
        });
        await using var database = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite);

        var error = await Assert.ThrowsAsync<SeedValidationException>(() => ImportAsync(database, seeds.Path));

        Assert.Contains(error.Errors, e => e.Contains(expected.Replace("'P'", $"'{projectId}'", StringComparison.Ordinal), StringComparison.Ordinal));
        Assert.Equal(0, await database.InScopeAsync(s => s.GetRequiredService<MetricsDbContext>().Projects.CountAsync()));
    }
}
