using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Metrics.Core.Mirrors;

public static class MirrorExtensions
{
    public static IServiceCollection AddMirrorComparison(this IServiceCollection services)
    {
        services.AddOptions<MirrorOptions>().BindConfiguration(MirrorOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MirrorOptions>, MirrorOptionsValidator>();
        services.AddScoped<MirrorComparison>();
        return services;
    }
}
