using Metrics.Core.Forges.Http;
using Metrics.Core.Storage.Entities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Refit;

namespace Metrics.Core.Forges.Gitee;

public static class GiteeExtensions
{
    public const string HttpClientName = "Gitee";

    public static ForgeDescriptor Descriptor { get; } = new()
    {
        Forge = Forge.Gitee,
        DisplayName = "Gitee",
        OptionsSection = GiteeOptions.SectionName,
        StarSource = StarSources.GiteeStargazers,
    };

    public static IServiceCollection AddGiteeForge(this IServiceCollection services)
    {
        services.AddForge<GiteeForgeClient, GiteeOptions>(Descriptor);
        services.AddSingleton<IValidateOptions<GiteeOptions>, GiteeOptionsValidator>();
        services.AddRefitGeneratedClient<IGiteeApi>(_ => new RefitSettings(), HttpClientName)
            .ConfigureHttpClient((s, client) => client.BaseAddress = BaseAddress(s.GetRequiredService<IOptions<GiteeOptions>>().Value.ApiUrl))
            .AddForgePipeline<GiteeOptions>(Forge.Gitee)
            .AddHttpMessageHandler(s => new GiteeTokenHandler(s.GetRequiredService<IOptions<GiteeOptions>>()));
        services.AddScoped<GiteeReader>();
        services.AddScoped<GiteeStarHistory>();
        services.AddScoped<GiteeContributors>();
        services.AddScoped<GiteeReleases>();
        return services;
    }

    // Refit appends "/repos/..." to the base path itself: a trailing slash would double it.
    internal static Uri BaseAddress(Uri apiUrl) => new(apiUrl.AbsoluteUri.TrimEnd('/'));
}
