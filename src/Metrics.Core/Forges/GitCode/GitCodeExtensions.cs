using Metrics.Core.Forges.Http;
using Metrics.Core.Storage.Entities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Refit;

namespace Metrics.Core.Forges.GitCode;

public static class GitCodeExtensions
{
    public const string HttpClientName = "GitCode";

    /// <summary>The star source GitCode's history is stored under.</summary>
    public const string StarSource = "gitcode-stargazers";

    public static ForgeDescriptor Descriptor { get; } = new()
    {
        Forge = Forge.GitCode,
        DisplayName = "GitCode",
        OptionsSection = GitCodeOptions.SectionName,
        StarSource = StarSource,
        // No x-ratelimit-* headers on any answer seen; the documented limits are all there is (GitCodeLimitHandler).
        ReportsQuota = false,
        DocumentedQuota = new(PerMinute: 50, PerHour: 4_000),
        // AtomGit serves the same API and repositories; a catalog entry may use either name.
        Aliases = ["atomgit"],
    };

    public static IServiceCollection AddGitCodeForge(this IServiceCollection services)
    {
        services.AddForge<GitCodeForgeClient, GitCodeOptions>(Descriptor);
        services.AddSingleton<IValidateOptions<GitCodeOptions>, GitCodeOptionsValidator>();
        services.AddRefitGeneratedClient<IGitCodeApi>(_ => new RefitSettings(), HttpClientName)
            .ConfigureHttpClient((s, client) => client.BaseAddress = BaseAddress(s.GetRequiredService<IOptions<GitCodeOptions>>().Value.ApiUrl))
            .AddForgePipeline<GitCodeOptions>(Forge.GitCode)
            .AddHttpMessageHandler(s => new GitCodeTokenHandler(s.GetRequiredService<IOptions<GitCodeOptions>>()))
            .AddHttpMessageHandler(s => new GitCodeLimitHandler(s.GetRequiredService<IOptions<GitCodeOptions>>().Value, s.GetRequiredService<TimeProvider>()));
        services.AddScoped<GitCodeReader>();
        services.AddScoped<GitCodeStarHistory>();
        services.AddScoped<GitCodeContributors>();
        services.AddScoped<GitCodeReleases>();
        return services;
    }

    // Refit appends "/repos/..." to the base path itself: a trailing slash would double it.
    private static Uri BaseAddress(Uri apiUrl) => new(apiUrl.AbsoluteUri.TrimEnd('/'));
}
