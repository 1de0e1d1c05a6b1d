using System.Text.Json.Nodes;
using Metrics.Core.Catalog;
using Metrics.Core.Storage;
using Metrics.Core.Storage.Entities;
using Metrics.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Metrics.Core.Tests.Catalog;

public sealed class SeedImportTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_first_import_stores_every_seed_entry_and_a_second_changes_nothing(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var seeds = new SeedFiles();

        var first = await ImportAsync(database, seeds.Path);
        var second = await ImportAsync(database, seeds.Path);

        Assert.Equal(seeds.Projects.Count, first.ProjectsAdded);
        Assert.Equal(seeds.Projects.Sum(p => p!["repositories"]!.AsArray().Count), first.RepositoriesAdded);
        Assert.Equal(seeds.Milestones.Count, first.MilestonesAdded);
        Assert.True(second.ChangedNothing, second.ToString());

        var (projects, milestones, links) = await database.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<MetricsDbContext>();
            return (await db.Projects.CountAsync(), await db.Milestones.CountAsync(), await db.MilestoneProjects.CountAsync());
        });
        Assert.Equal(seeds.Projects.Count, projects);
        Assert.Equal(seeds.Milestones.Count, milestones);
        Assert.Equal(seeds.Milestones.Sum(m => m!["projects"]!.AsArray().Count), links);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_edited_entry_is_updated_and_a_user_milestone_survives_every_import(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var seeds = new SeedFiles();
        await ImportAsync(database, seeds.Path);
        await database.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<MetricsDbContext>();
            db.Milestones.Add(new Milestone { Id = "my-note", Title = "我的里程碑", Date = new DateOnly(2025, 1, 1), UserAdded = true });
            await db.SaveChangesAsync();
        });
        var edited = seeds.Milestones[0]!["id"]!.GetValue<string>();
        var removed = seeds.Milestones[^1]!["id"]!.GetValue<string>();
        seeds.EditMilestones(m =>
        {
            m[0]!["title"] = "An edited title";
            m[0]!["projects"] = new JsonArray("tidb");
            m.RemoveAt(m.Count - 1);
        });
        seeds.EditProjects(p => p.Single(x => x!["id"]!.GetValue<string>() == "tidb")!["name"] = "TiDB (renamed)");

        var result = await ImportAsync(database, seeds.Path);

        Assert.Equal((1, 1, 1), (result.ProjectsUpdated, result.MilestonesUpdated, result.MilestonesRemoved));
        await database.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<MetricsDbContext>();
            var milestone = await db.Milestones.Include(m => m.Projects).SingleAsync(m => m.Id == edited);
            Assert.Equal("An edited title", milestone.Title);
            Assert.Equal(["tidb"], milestone.Projects.Select(p => p.ProjectId));
            Assert.False(await db.Milestones.AnyAsync(m => m.Id == removed));
            Assert.Equal("我的里程碑", (await db.Milestones.SingleAsync(m => m.Id == "my-note")).Title);
            Assert.Equal("TiDB (renamed)", (await db.Projects.SingleAsync(p => p.Id == "tidb")).Name);
        });
    }

    [Fact]
    public async Task Repositories_follow_the_catalog_roles_and_only_collectable_ones_are_tracked_GitCode_homes_included()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite);
        await database.SeedAsync();

        var repositories = await database.InScopeAsync(s => s.GetRequiredService<MetricsDbContext>().Repositories.ToListAsync());

        Assert.Contains(repositories, r => r is { Forge: Forge.GitHub, Owner: "pingcap", Name: "tidb", Role: RepositoryRole.Primary, Tracked: true });
        Assert.Contains(repositories, r => r is { Forge: Forge.HuggingFace, Owner: "Qwen", Kind: RepositoryKind.Organization, Tracked: true });
        // The four projects whose home moved to GitCode are collected there, as their primary.
        Assert.Equal(
            ["mindspore/mindspore", "openeuler/kernel", "opengauss/openGauss-server", "openharmony/docs"],
            repositories.Where(r => r is { Forge: Forge.GitCode, Role: RepositoryRole.Primary, Tracked: true }).Select(r => r.FullName).Order(StringComparer.Ordinal));
        Assert.Contains(repositories, r => r is { Forge: Forge.Gitee, Owner: "openharmony", Name: "docs", Role: RepositoryRole.Mirror, Tracked: true });
        Assert.All(repositories.Where(r => r.Role == RepositoryRole.Related), r => Assert.False(r.Tracked));
    }

    [Fact]
    public async Task A_catalog_entry_may_call_GitCode_by_its_AtomGit_name()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite);
        using var seeds = new SeedFiles();
        seeds.EditProjects(projects =>
        {
            var openEuler = projects.Single(p => p!["id"]!.GetValue<string>() == "openeuler")!["repositories"]!.AsArray();
            openEuler.Single(r => r!["forge"]!.GetValue<string>() == "gitcode")!["forge"] = "atomgit";
        });

        await ImportAsync(database, seeds.Path);

        var kernel = await database.InScopeAsync(s => s.GetRequiredService<MetricsDbContext>().Repositories
            .SingleAsync(r => r.ProjectId == "openeuler" && r.Role == RepositoryRole.Primary));
        Assert.Equal((Forge.GitCode, "openeuler/kernel", true), (kernel.Forge, kernel.FullName, kernel.Tracked));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_admin_who_stops_tracking_a_catalog_repository_is_not_overruled_by_the_next_import(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await database.SeedAsync();
        await database.InScopeAsync(async s =>
        {
            var tidb = await s.GetRequiredService<MetricsDbContext>().Repositories.SingleAsync(r => r.Owner == "pingcap" && r.Name == "tidb");
            tidb.Tracked = false;
            tidb.TrackedByUser = false;
            await s.GetRequiredService<MetricsDbContext>().SaveChangesAsync();
        });

        var result = await ImportAsync(database, TestDatabase.SeedsDirectory);

        Assert.True(result.ChangedNothing, result.ToString());
        Assert.False(await database.InScopeAsync(s => s.GetRequiredService<MetricsDbContext>().Repositories
            .Where(r => r.Owner == "pingcap" && r.Name == "tidb").Select(r => r.Tracked).SingleAsync()));
    }

    private static Task<SeedImportResult> ImportAsync(TestDatabase database, string seeds) =>
        database.InScopeAsync(s => s.GetRequiredService<SeedImporter>().ImportAsync(seeds, CancellationToken.None));
}
