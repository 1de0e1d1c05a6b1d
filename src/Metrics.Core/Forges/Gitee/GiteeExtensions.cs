using Metrics.Core.Collection;
using Metrics.Core.Forges.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Refit;

namespace Metrics.Core.Forges.Gitee;

public static class GiteeExtensions
{
    public const string HttpClientName = "Gitee";

    public static IServiceCollection AddGiteeCollector(this IServiceCollection services)
    {
        services.AddOptions<GiteeOptions>().BindConfiguration(GiteeOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<GiteeOptions>, GiteeOptionsValidator>();
        services.AddSingleton<ISecretSource, GiteeSecrets>();
        services.AddKeyedSingleton<RateLimitState>(HttpClientName);
        services.AddRefitGeneratedClient<IGiteeApi>(_ => new RefitSettings(), HttpClientName)
            .ConfigureHttpClient((s, client) => client.BaseAddress = BaseAddress(s.GetRequiredService<IOptions<GiteeOptions>>().Value.ApiUrl))
            .AddForgePipeline(
                s => s.GetRequiredKeyedService<RateLimitState>(HttpClientName),
                s => s.GetRequiredService<IOptions<GiteeOptions>>().Value.RateLimit,
                s => s.GetRequiredService<IOptions<GiteeOptions>>().Value.RetryDelay)
            .AddHttpMessageHandler(s => new GiteeTokenHandler(s.GetRequiredService<IOptions<GiteeOptions>>()));
        services.AddScoped<GiteeReader>();
        services.AddScoped<IForgeCollector, GiteeCollector>();
        services.AddScoped<GiteeStarHistory>();
        services.AddScoped<GiteeContributors>();
        services.AddScoped<GiteeReleases>();
        return services;
    }

    // Refit appends "/repos/..." to the base path itself: a trailing slash would double it.
    internal static Uri BaseAddress(Uri apiUrl) => new(apiUrl.AbsoluteUri.TrimEnd('/'));
}
