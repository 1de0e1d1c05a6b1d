using Metrics.Core.Forges.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Metrics.Core.Forges;

public static class ForgeRegistration
{
    /// <summary>
    /// Registers a forge plug-in: its descriptor, its options (bound from the descriptor's section, validated at
    /// start), its quota state, its token for the scrubber and its client. The forge adds its HTTP client with
    /// <see cref="ForgeHttpExtensions.AddForgePipeline{TOptions}"/>.
    /// </summary>
    public static IServiceCollection AddForge<TClient, TOptions>(this IServiceCollection services, ForgeDescriptor descriptor)
        where TClient : class, IForgeClient
        where TOptions : class, IForgeOptions
    {
        descriptor.OptionsType = typeof(TOptions);
        services.AddSingleton(descriptor);
        services.AddOptions<TOptions>().BindConfiguration(descriptor.OptionsSection).ValidateDataAnnotations().ValidateOnStart();
        services.AddKeyedSingleton<RateLimitState>(descriptor.Forge);
        services.AddSingleton<ISecretSource>(s => new OptionsSecrets<TOptions>(s.GetRequiredService<IOptions<TOptions>>()));
        services.AddKeyedScoped<IForgeClient, TClient>(descriptor.Forge);
        services.TryAddSingleton<ForgeRegistry>();
        return services;
    }

    private sealed class OptionsSecrets<TOptions>(IOptions<TOptions> options) : ISecretSource
        where TOptions : class, IForgeOptions
    {
        public IEnumerable<string?> Secrets => [options.Value.Token];
    }
}
