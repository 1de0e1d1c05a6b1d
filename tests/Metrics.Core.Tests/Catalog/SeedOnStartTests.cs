using Metrics.Core.Catalog;
using Metrics.Core.Storage;
using Metrics.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Metrics.Core.Tests.Catalog;

public sealed class SeedOnStartTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Unchanged_seed_files_are_not_imported_again_and_an_edited_file_is(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var seeds = new SeedFiles();
        Task<bool> StartAsync() => database.InScopeAsync(s => s.GetRequiredService<SeedOnStart>().ImportIfChangedAsync(seeds.Path, CancellationToken.None));

        Assert.True(await StartAsync());
        var projects = await database.InScopeAsync(s => s.GetRequiredService<MetricsDbContext>().Projects.CountAsync());
        Assert.True(projects > 0);
        Assert.False(await StartAsync());

        var first = seeds.Projects[0]!["id"]!.GetValue<string>();
        seeds.EditProjects(p => p[0]!["name"] = "Renamed in the seed file");
        Assert.True(await StartAsync());
        var renamed = await database.InScopeAsync(s => s.GetRequiredService<MetricsDbContext>().Projects.SingleAsync(p => p.Id == first));
        Assert.Equal("Renamed in the seed file", renamed.Name);
        Assert.False(await StartAsync());
    }
}
