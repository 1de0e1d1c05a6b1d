using Metrics.Core.Forges.Gitee;
using Metrics.Core.Forges.GitHub;
using Metrics.Core.Forges.HuggingFace;
using Metrics.Core.Scheduling;
using Metrics.Core.Storage;
using Metrics.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Metrics.Core.Tests.Scheduling;

public sealed class JobRateLimitsTests
{
    [Theory]
    [InlineData(true, 2)]
    [InlineData(false, 65)]
    public async Task Where_jobs_run_no_forge_client_waits_longer_than_the_scheduling_limit(bool runServer, int expectedMinutes)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(database.Settings)
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Scheduling:MaxRateLimitWait"] = "00:02:00" });
        builder.AddMetricsCore();
        builder.AddMetricsScheduling(runServer);
        using var host = builder.Build();

        var waits = new[]
        {
            host.Services.GetRequiredService<IOptions<GitHubOptions>>().Value.RateLimit.MaxWait,
            host.Services.GetRequiredService<IOptions<GiteeOptions>>().Value.RateLimit.MaxWait,
            host.Services.GetRequiredService<IOptions<HuggingFaceOptions>>().Value.RateLimit.MaxWait,
        };

        Assert.All(waits, w => Assert.Equal(TimeSpan.FromMinutes(expectedMinutes), w));
    }
}
