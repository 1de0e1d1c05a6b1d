using Metrics.Core.Storage;
using Metrics.Core.Storage.Entities;
using Metrics.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Metrics.Web.Tests.Collection;

public sealed class RateLimitBudgetTests
{
    [Fact]
    public async Task The_budget_a_worker_process_recorded_is_shown_when_this_server_has_not_asked_the_forge()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite);
        var data = new DashboardData(database);
        await data.ProjectAsync("tidb", "TiDB");
        var repository = await data.RepositoryAsync("tidb", Forge.GitHub, "pingcap/tidb");
        await data.RunAsync(repository.Id, new DateTime(2026, 11, 20, 2, 0, 0, DateTimeKind.Utc), RunOutcome.Succeeded, 12, 3);
        await database.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<MetricsDbContext>();
            var run = await db.CollectionRuns.SingleAsync();
            (run.QuotaRemaining, run.QuotaLimit, run.QuotaResetAt) = (4321, 5000, new DateTime(2026, 11, 20, 3, 0, 0, DateTimeKind.Utc));
            await db.SaveChangesAsync();
        });
        await using var web = new MetricsWebFactory(database, DashboardWorld.Settings());

        var html = await web.CreateClient().GetStringAsync(new Uri("/collection", UriKind.Relative));

        var row = html[html.IndexOf("id=\"budget-github\"", StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.Contains("4,321", row, StringComparison.Ordinal);
        Assert.Contains("5,000", row, StringComparison.Ordinal);
        Assert.Contains("2026-11-20 03:00 UTC", row, StringComparison.Ordinal);
        Assert.Contains("as the last run", row, StringComparison.Ordinal);
    }
}
