using Metrics.Core.Forges.Http;
using Metrics.Core.Forges.HuggingFace;
using Metrics.Core.Storage.Entities;
using Metrics.FakeForge.Hosting;
using Metrics.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Metrics.Core.Tests.Forges.HuggingFace;

public sealed class HubQuotaTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task When_the_Hub_quota_runs_out_the_rest_is_deferred_to_its_reset_instead_of_failing(string provider)
    {
        await using var harness = await ForgeHarness.StartAsync(provider, new FakeForgeOptions { HuggingFaceAnonymousLimit = 3 }, new Dictionary<string, string?>
        {
            ["HuggingFace:RateLimit:Reserve"] = "0",
            ["HuggingFace:RateLimit:MaxWait"] = "00:00:01",
        });
        var models = harness.Fake.World.FindOrganization("fake-hf-org")!.Models.Take(5).Select(m => m.Id).ToArray();
        await harness.TrackAsync(Forge.HuggingFace, models);

        var summary = await harness.CollectAsync();

        Assert.Equal(3, summary.Repositories.Count(r => r.Outcome == RunOutcome.Succeeded));
        Assert.Equal(2, summary.Repositories.Count(r => r.Outcome == RunOutcome.Deferred));

        // The Hub's own quota headers (RateLimit / RateLimit-Policy) are what the shared limiter paces by.
        var quota = harness.Services.GetRequiredService<Metrics.Core.Forges.ForgeRegistry>().Quota(Forge.HuggingFace);
        var now = harness.Fake.Clock.GetUtcNow();
        Assert.Equal((3, 0), (quota.Limit, quota.Remaining));
        Assert.InRange(quota.Reset!.Value, now.AddMinutes(4), now.AddMinutes(5).AddSeconds(1));
    }
}
