using Metrics.Core.Forges.Http;
using Metrics.Core.Storage.Entities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Octokit;
using Octokit.Internal;

namespace Metrics.Core.Forges.GitHub;

public static class GitHubExtensions
{
    public const string HttpClientName = "GitHub";

    public static ForgeDescriptor Descriptor { get; } = new()
    {
        Forge = Forge.GitHub,
        DisplayName = "GitHub",
        OptionsSection = GitHubOptions.SectionName,
        StarSource = StarSources.GitHubHistory,
    };

    public static IServiceCollection AddGitHubForge(this IServiceCollection services)
    {
        services.AddForge<GitHubForgeClient, GitHubOptions>(Descriptor);
        services.AddSingleton<IValidateOptions<GitHubOptions>, GitHubOptionsValidator>();
        services.AddHttpClient(HttpClientName)
            .AddForgePipeline<GitHubOptions>(Forge.GitHub)
            .AddHttpMessageHandler(s => new GitHubApiVersionHandler(s.GetRequiredService<IOptions<GitHubOptions>>().Value.StarHistoryApiVersion));
        services.AddSingleton(CreateConnection);
        services.AddSingleton<IGitHubClient>(s => new GitHubClient(s.GetRequiredService<IConnection>()));
        services.AddScoped<GitHubStarHistory>();
        services.AddScoped<GitHubContributors>();
        services.AddScoped<GitHubReleases>();
        return services;
    }

    // Octokit over IHttpClientFactory's handler (as costellobot does): GitHub calls get the same pipeline, quota
    // accounting and test interception as every other client, and the raw star-history calls share the connection.
    private static IConnection CreateConnection(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<GitHubOptions>>().Value;
        var handlers = services.GetRequiredService<IHttpMessageHandlerFactory>();
        var credentials = options.Token is { Length: > 0 } token ? new Credentials(token) : Credentials.Anonymous;
        var apiUrl = options.ApiUrl.AbsoluteUri.EndsWith('/') ? options.ApiUrl : new Uri(options.ApiUrl.AbsoluteUri + "/");
        return new Connection(
            new ProductHeaderValue("Metrics", "1.0"),
            apiUrl,
            new InMemoryCredentialStore(credentials),
            new HttpClientAdapter(() => handlers.CreateHandler(HttpClientName)),
            new SimpleJsonSerializer());
    }
}
