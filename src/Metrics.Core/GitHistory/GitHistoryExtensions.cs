using Microsoft.Extensions.DependencyInjection;

namespace Metrics.Core.GitHistory;

public static class GitHistoryExtensions
{
    public static IServiceCollection AddGitHistory(this IServiceCollection services)
    {
        services.AddOptions<GitHistoryOptions>().BindConfiguration(GitHistoryOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<GitCli>();
        services.AddSingleton<GitMirror>();
        services.AddSingleton<GitLogReader>();
        services.AddScoped<IGitHistory, GitHistoryService>();
        return services;
    }
}
