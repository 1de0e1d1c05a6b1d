using Metrics.Core.Forges.HuggingFace;
using Metrics.Core.Storage.Entities;
using Metrics.FakeForge.World;
using Metrics.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Metrics.Core.Tests.Forges.HuggingFace;

public sealed class HuggingFaceCollectorTests
{
    private const string Organization = SpecialRepositories.HfOrg;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task One_listing_gives_every_model_its_likes_and_both_download_counts_and_the_organisation_its_totals(string provider)
    {
        await using var harness = await ForgeHarness.StartAsync(provider);
        var orgId = (await harness.TrackAsync(Forge.HuggingFace, Organization))[0];

        var summary = await harness.CollectAsync();

        Assert.True(summary.AllSucceeded, string.Join("; ", summary.Repositories.Select(r => r.Error)));
        Assert.Equal(1, summary.Requests);
        var truth = harness.Fake.Truth.HuggingFaceOrganization(Organization);
        var models = await harness.QueryAsync(db => db.Repositories.Where(r => r.Kind == RepositoryKind.Model).ToListAsync());
        Assert.Equal(truth.Items.Select(m => m.Id).Order(StringComparer.Ordinal), models.Select(m => m.FullName).Order(StringComparer.Ordinal));
        Assert.All(models, m => Assert.True(m is { Forge: Forge.HuggingFace, ProjectId: "fake", Role: RepositoryRole.Models, Tracked: false, Simulated: true }));

        var snapshots = await harness.QueryAsync(db => db.Snapshots.ToDictionaryAsync(s => s.RepositoryId));
        foreach (var model in truth.Items)
        {
            var row = snapshots[models.Single(m => m.FullName == model.Id).Id];
            Assert.Equal((model.Likes, model.Downloads, model.DownloadsAllTime), (row.Likes!.Value, row.Downloads30d!.Value, row.DownloadsAllTime!.Value));
            Assert.Null(row.Stars);
        }

        var org = snapshots[orgId];
        Assert.Equal((truth.Likes, truth.Downloads, truth.DownloadsAllTime), (org.Likes!.Value, org.Downloads30d!.Value, org.DownloadsAllTime!.Value));
        Assert.True(truth.DownloadsAllTime > truth.Downloads, "all-time downloads must not be mistaken for the 30-day count");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Listing_follows_the_cursor_and_a_later_day_adds_a_day_to_the_series_without_new_model_rows(string provider)
    {
        // Three models a page: the seven models take three pages, and all-time downloads must come with every page.
        await using var harness = await ForgeHarness.StartAsync(provider, settings: new Dictionary<string, string?> { ["HuggingFace:PageSize"] = "3" });
        var orgId = (await harness.TrackAsync(Forge.HuggingFace, Organization))[0];

        var first = await harness.CollectAsync();
        var firstDay = DateOnly.FromDateTime(harness.Fake.Clock.GetUtcNow().UtcDateTime);
        harness.Fake.AdvanceClock(TimeSpan.FromDays(1));
        var second = await harness.CollectAsync();

        Assert.Equal(3, first.Requests);
        Assert.True(second.AllSucceeded, string.Join("; ", second.Repositories.Select(r => r.Error)));
        var truth = harness.Fake.Truth.HuggingFaceOrganization(Organization);
        Assert.Equal(truth.Models, await harness.QueryAsync(db => db.Repositories.CountAsync(r => r.Kind == RepositoryKind.Model)));

        await using var scope = harness.Services.CreateAsyncScope();
        var series = await scope.ServiceProvider.GetRequiredService<HuggingFaceQueries>().OrganizationsAsync("fake", CancellationToken.None);
        var organization = Assert.Single(series);
        Assert.Equal(orgId, organization.RepositoryId);
        Assert.Equal([firstDay, firstDay.AddDays(1)], organization.Days.Select(d => d.Day));
        Assert.Equal(truth.DownloadsAllTime, organization.Days[^1].DownloadsAllTime);
        Assert.True(organization.Days[^1].DownloadsAllTime > organization.Days[0].DownloadsAllTime);
        Assert.Equal(firstDay, organization.StartsOn);
        Assert.Contains(firstDay.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), organization.Notice, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_single_tracked_model_costs_one_request_and_an_unknown_one_is_marked_not_found(string provider)
    {
        await using var harness = await ForgeHarness.StartAsync(provider);
        var ids = await harness.TrackAsync(Forge.HuggingFace, $"{SpecialRepositories.HfSolo}/ancient-bert", $"{SpecialRepositories.HfSolo}/no-such-model");

        var summary = await harness.CollectAsync();

        var model = summary.Repositories.Single(r => r.RepositoryId == ids[0]);
        Assert.Equal((RunOutcome.Succeeded, 1), (model.Outcome, model.Requests));
        var truth = harness.Fake.Truth.HuggingFaceModel(SpecialRepositories.HfSolo, "ancient-bert");
        var snapshot = await harness.QueryAsync(db => db.Snapshots.SingleAsync(s => s.RepositoryId == ids[0]));
        Assert.Equal((truth.Likes, truth.Downloads, truth.DownloadsAllTime), (snapshot.Likes!.Value, snapshot.Downloads30d!.Value, snapshot.DownloadsAllTime!.Value));
        Assert.Equal(RunOutcome.Failed, summary.Repositories.Single(r => r.RepositoryId == ids[1]).Outcome);
        Assert.Equal(RepositoryStatus.NotFound, (await harness.QueryAsync(db => db.Repositories.SingleAsync(r => r.Id == ids[1]))).Status);
    }
}
