using System.Net;
using Microsoft.Extensions.Options;
using Octokit;

namespace Metrics.Core.Forges.GitHub;

/// <summary>
/// The contributor total (anonymous included) in one request, from the Link header's last page at one per page;
/// the top contributors with their counts; and each top contributor's first week from stats/contributors, which
/// GitHub computes lazily (202) and which covers the top 100 only.
/// </summary>
internal sealed class GitHubContributors(IConnection connection, TimeProvider time, IOptions<GitHubOptions> options)
{
    public async Task<ContributorsRead> ReadAsync(RepositoryRef repository, CancellationToken cancellationToken)
    {
        var raw = new GitHubRaw(connection);
        var path = new Uri($"{GitHubForgeClient.PathOf(repository)}/contributors", UriKind.Relative);
        var probe = await raw.GetAsync<ContributorItem[]>(path, Query(perPage: 1));
        if (probe.Status == HttpStatusCode.NoContent)
        {
            return new ContributorsRead(0, []); // an empty repository
        }

        long total = GitHubRaw.PageOf(probe.Last) ?? probe.Body?.Length ?? 0;
        var top = await TopAsync(raw, path);
        var firstWeeks = await FirstWeeksAsync(raw, repository, cancellationToken);
        return new ContributorsRead(total, [.. top.Select(c => ToRecord(c, firstWeeks))]);
    }

    private async Task<List<ContributorItem>> TopAsync(GitHubRaw raw, Uri path)
    {
        var wanted = options.Value.TopContributors;
        var items = new List<ContributorItem>();
        Uri? next = path;
        var query = Query(perPage: Math.Min(100, wanted));
        while (next is not null && items.Count < wanted)
        {
            var page = await raw.GetAsync<ContributorItem[]>(next, query);
            query = null;
            items.AddRange(page.Body ?? []);
            next = page.Next;
        }

        return [.. items.Take(wanted)];
    }

    private async Task<Dictionary<string, DateOnly>> FirstWeeksAsync(GitHubRaw raw, RepositoryRef repository, CancellationToken cancellationToken)
    {
        var path = new Uri($"{GitHubForgeClient.PathOf(repository)}/stats/contributors", UriKind.Relative);
        for (var attempt = 0; ; attempt++)
        {
            var page = await raw.GetAsync<ContributorStats[]>(path, null);
            if (page.Status == HttpStatusCode.Accepted && attempt < options.Value.StatisticsRetries)
            {
                // GitHub is computing the statistics in the background; asking again at once would only spend quota.
                await Task.Delay(options.Value.StatisticsRetryDelay, time, cancellationToken);
                continue;
            }

            return (page.Body ?? [])
                .Where(s => s.Author?.Login is not null && s.Weeks.Any(w => w.Commits > 0))
                .ToDictionary(
                    s => s.Author!.Login!,
                    s => DateOnly.FromDateTime(DateTime.UnixEpoch.AddSeconds(s.Weeks.Where(w => w.Commits > 0).Min(w => w.Week))),
                    StringComparer.OrdinalIgnoreCase);
        }
    }

    private static ContributorRecord ToRecord(ContributorItem item, Dictionary<string, DateOnly> firstWeeks)
    {
        var anonymous = item.Login is null;
        return new ContributorRecord(
            Key: anonymous ? ContributorKeys.ForEmail(item.Email) : item.Login!,
            DisplayName: anonymous ? item.Name : item.Login,
            Anonymous: anonymous,
            Bot: BotAccounts.IsBot(item.Login, item.Type),
            Contributions: item.Contributions,
            FirstContributionWeek: item.Login is not null && firstWeeks.TryGetValue(item.Login, out var week) ? week : null);
    }

    private static Dictionary<string, string>? Query(int perPage) => new()
    {
        ["anon"] = "1",
        ["per_page"] = perPage.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
