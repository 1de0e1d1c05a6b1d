using Metrics.Core.Forges.Http;
using Metrics.Core.Storage.Entities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Refit;

namespace Metrics.Core.Forges.HuggingFace;

public static class HuggingFaceExtensions
{
    public const string HttpClientName = "HuggingFace";

    public static ForgeDescriptor Descriptor { get; } = new()
    {
        Forge = Forge.HuggingFace,
        DisplayName = "Hugging Face",
        OptionsSection = HuggingFaceOptions.SectionName,
        NamedKind = RepositoryKind.Model,
        Organisations = true,
    };

    public static IServiceCollection AddHuggingFaceForge(this IServiceCollection services)
    {
        services.AddForge<HuggingFaceForgeClient, HuggingFaceOptions>(Descriptor);
        services.AddSingleton<IValidateOptions<HuggingFaceOptions>, HuggingFaceOptionsValidator>();
        services.AddRefitGeneratedClient<IHubApi>(_ => new RefitSettings(), HttpClientName)
            .ConfigureHttpClient((s, client) => client.BaseAddress = new Uri(s.GetRequiredService<IOptions<HuggingFaceOptions>>().Value.ApiUrl.AbsoluteUri.TrimEnd('/')))
            .AddForgePipeline<HuggingFaceOptions>(Forge.HuggingFace)
            .AddHttpMessageHandler(s => new HubRateLimitHeaders(s.GetRequiredService<TimeProvider>()))
            .AddHttpMessageHandler(s => new HubTokenHandler(s.GetRequiredService<IOptions<HuggingFaceOptions>>()));
        services.AddScoped<HubReader>();
        services.AddScoped<HuggingFaceQueries>();
        return services;
    }
}
