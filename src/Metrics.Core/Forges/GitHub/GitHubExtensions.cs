using Metrics.Core.Collection;
using Metrics.Core.Forges.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Octokit;
using Octokit.Internal;

namespace Metrics.Core.Forges.GitHub;

public static class GitHubExtensions
{
    public const string HttpClientName = "GitHub";

    public static IServiceCollection AddGitHubCollector(this IServiceCollection services)
    {
        services.AddOptions<GitHubOptions>().BindConfiguration(GitHubOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<GitHubOptions>, GitHubOptionsValidator>();
        services.AddSingleton<ISecretSource, GitHubSecrets>();
        services.AddKeyedSingleton<RateLimitState>(HttpClientName);
        services.AddHttpClient(HttpClientName)
            .AddForgePipeline(
                s => s.GetRequiredKeyedService<RateLimitState>(HttpClientName),
                s => s.GetRequiredService<IOptions<GitHubOptions>>().Value.RateLimit,
                s => s.GetRequiredService<IOptions<GitHubOptions>>().Value.RetryDelay)
            .AddHttpMessageHandler(s => new GitHubApiVersionHandler(s.GetRequiredService<IOptions<GitHubOptions>>().Value.StarHistoryApiVersion));
        services.AddSingleton(CreateConnection);
        services.AddSingleton<IGitHubClient>(s => new GitHubClient(s.GetRequiredService<IConnection>()));
        services.AddScoped<IForgeCollector, GitHubCollector>();
        services.AddScoped<StarHistoryCollector>();
        services.AddScoped<ContributorsCollector>();
        services.AddScoped<ReleasesCollector>();
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
