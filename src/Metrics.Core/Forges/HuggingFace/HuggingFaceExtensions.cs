using Metrics.Core.Collection;
using Metrics.Core.Forges.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Refit;

namespace Metrics.Core.Forges.HuggingFace;

public static class HuggingFaceExtensions
{
    public const string HttpClientName = "HuggingFace";

    public static IServiceCollection AddHuggingFaceCollector(this IServiceCollection services)
    {
        services.AddOptions<HuggingFaceOptions>().BindConfiguration(HuggingFaceOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<HuggingFaceOptions>, HuggingFaceOptionsValidator>();
        services.AddSingleton<ISecretSource, HuggingFaceSecrets>();
        services.AddKeyedSingleton<RateLimitState>(HttpClientName);
        services.AddRefitGeneratedClient<IHubApi>(_ => new RefitSettings(), HttpClientName)
            .ConfigureHttpClient((s, client) => client.BaseAddress = new Uri(s.GetRequiredService<IOptions<HuggingFaceOptions>>().Value.ApiUrl.AbsoluteUri.TrimEnd('/')))
            .AddForgePipeline(
                s => s.GetRequiredKeyedService<RateLimitState>(HttpClientName),
                s => s.GetRequiredService<IOptions<HuggingFaceOptions>>().Value.RateLimit,
                s => s.GetRequiredService<IOptions<HuggingFaceOptions>>().Value.RetryDelay)
            .AddHttpMessageHandler(s => new HubRateLimitHeaders(s.GetRequiredService<TimeProvider>()))
            .AddHttpMessageHandler(s => new HubTokenHandler(s.GetRequiredService<IOptions<HuggingFaceOptions>>()));
        services.AddScoped<HubReader>();
        services.AddScoped<HubModelRows>();
        services.AddScoped<IForgeCollector, HuggingFaceCollector>();
        services.AddScoped<HuggingFaceQueries>();
        return services;
    }
}
