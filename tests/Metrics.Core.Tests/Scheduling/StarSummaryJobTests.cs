using Metrics.Core.Scheduling;
using Metrics.Core.Series;
using Metrics.Core.Storage;
using Metrics.Core.Storage.Entities;
using Metrics.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Metrics.Core.Tests.Scheduling;

public sealed class StarSummaryJobTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task After_midnight_every_repository_has_its_figures_for_the_new_day_and_the_Overview_shows_them(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var data = new DashboardData(database);
        var day = new DateOnly(2026, 11, 15);
        await data.ProjectAsync("tidb", "TiDB");
        var github = await data.RepositoryAsync("tidb", Forge.GitHub, "pingcap/tidb");
        var gitee = await data.RepositoryAsync("tidb", Forge.Gitee, "pingcap/tidb", RepositoryRole.Mirror);
        await data.StarGainsAsync(github.Id, day.AddDays(-9), [.. Enumerable.Repeat(3L, 10)]);
        var clock = new FakeTimeProvider(new DateTimeOffset(day.ToDateTime(new TimeOnly(0, 1)), TimeSpan.Zero));

        await database.InScopeAsync(s => new StarSummaryJob(s.GetRequiredService<MetricsDbContext>(), clock).RunAsync(CancellationToken.None));

        var summaries = await database.InScopeAsync(s => s.GetRequiredService<MetricsDbContext>().StarSummaries.OrderBy(x => x.RepositoryId).ToListAsync());
        Assert.Equal([(github.Id, day, true, 30L), (gitee.Id, day, false, 0L)], summaries.Select(x => (x.RepositoryId, x.AsOf, x.HasHistory, x.Gained30)));
        var project = Assert.Single((await database.InScopeAsync(s =>
            new OverviewQueries(s.GetRequiredService<MetricsDbContext>(), clock).PageAsync(new OverviewRequest(1, 100), CancellationToken.None))).Projects);
        Assert.Equal([30L, null], project.Repositories.Select(r => r.Gained30));
    }
}
