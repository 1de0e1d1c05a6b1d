using Metrics.Core.Milestones;
using Metrics.Core.Storage;
using Metrics.Core.Storage.Entities;
using Metrics.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Metrics.Core.Tests.Milestones;

public sealed class MilestoneImpactTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Stars_before_and_after_a_milestone_are_summed_over_the_projects_repositories(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var data = new DashboardData(database);
        await data.ProjectAsync("p", "P");
        var github = await data.RepositoryAsync("p", Forge.GitHub, "o/r");
        var gitee = await data.RepositoryAsync("p", Forge.Gitee, "o/r", RepositoryRole.Mirror);
        var start = new DateOnly(2024, 1, 1);
        // 1 a day before 2024-06-01, 5 a day from it on; the mirror adds 1 a day throughout; data ends 2024-08-15.
        var days = new DateOnly(2024, 8, 15).DayNumber - start.DayNumber + 1;
        await data.StarGainsAsync(github.Id, start, [.. Enumerable.Range(0, days).Select(i => start.AddDays(i) < new DateOnly(2024, 6, 1) ? 1L : 5L)]);
        await data.StarGainsAsync(gitee.Id, start, [.. Enumerable.Repeat(1L, days)], StarSources.GiteeStargazers);
        await data.MilestoneAsync("day", new DateOnly(2024, 6, 1), DatePrecision.Day, "Launch", "III", "p");
        await data.MilestoneAsync("month", new DateOnly(2024, 5, 1), DatePrecision.Month, "A month", "III", "p");
        await data.MilestoneAsync("early", new DateOnly(2024, 1, 20), DatePrecision.Day, "Before the data", "III", "p");

        var rows = await database.InScopeAsync(s => new MilestoneImpact(s.GetRequiredService<MetricsDbContext>()).RowsAsync(null, CancellationToken.None));

        var day = rows.Single(r => r.MilestoneId == "day");
        Assert.Equal((60L, 180L, 180L), (day.Before30!.Value, day.After30!.Value, day.Before90!.Value));
        Assert.Null(day.After90); // the data stops before the 90 days after have passed
        var month = rows.Single(r => r.MilestoneId == "month");
        Assert.Equal(60L, month.Before30); // April, before May began
        Assert.Equal(180L, month.After30); // June, after May ended
        Assert.Equal(3.0, ImpactRow.Ratio(day.Before30, day.After30));
        var early = rows.Single(r => r.MilestoneId == "early");
        Assert.Null(early.Before30); // the 30 days before start before the data does: unknown, not 0
        Assert.Equal(60L, early.After30);
    }
}
