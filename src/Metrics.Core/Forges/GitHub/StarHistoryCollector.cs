using Metrics.Core.Storage;
using Metrics.Core.Storage.Bulk;
using Metrics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Octokit;
using Repository = Metrics.Core.Storage.Entities.Repository;

namespace Metrics.Core.Forges.GitHub;

/// <summary>
/// Daily star gains from GET /repos/{o}/{r}/stargazers/history: weekly buckets, newest first, 30 a page. The first
/// run reads back to the repository's creation; later runs stop at the first page that reaches weeks already stored.
/// The stargazer list is not used: since July 2026 GitHub closes it to non-collaborators.
/// </summary>
internal sealed class StarHistoryCollector(IConnection connection, IBulkWriter writer, MetricsDbContext db, TimeProvider time)
{
    private const int WeeksPerPage = 30;

    /// <summary>Returns the sum of the stored series (stars ever added, by GitHub's count).</summary>
    public async Task<long> CollectAsync(Repository repository, CancellationToken cancellationToken)
    {
        var raw = new GitHubRaw(connection);
        var stored = db.StarGains.Where(g => g.RepositoryId == repository.Id && g.Source == StarSources.GitHubHistory);
        var lastStored = await stored.MaxAsync(g => (DateOnly?)g.Day, cancellationToken);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var created = repository.CreatedAt is { } at ? DateOnly.FromDateTime(at) : DateOnly.MinValue;

        var gains = new List<StarGain>();
        Uri? next = new($"repos/{Uri.EscapeDataString(repository.Owner)}/{Uri.EscapeDataString(repository.Name)}/stargazers/history", UriKind.Relative);
        var parameters = new Dictionary<string, string> { ["per_page"] = WeeksPerPage.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        while (next is not null)
        {
            var page = await raw.GetAsync<StarHistoryWeek[]>(next, parameters);
            parameters = null!; // the Link URLs carry per_page and page themselves
            if (page.Body is not { Length: > 0 } weeks)
            {
                break;
            }

            foreach (var week in weeks)
            {
                AddWeek(repository, week, created, today, gains);
            }

            // The newest stored week may have grown since; anything a full week older cannot have changed.
            var oldestWeek = DateOnly.FromDateTime(DateTime.UnixEpoch.AddSeconds(weeks.Min(w => w.Week)));
            if (lastStored is { } last && oldestWeek <= last.AddDays(-7))
            {
                break;
            }

            next = page.Next;
        }

        await writer.UpsertStarGainsAsync(gains, cancellationToken);
        return await stored.SumAsync(g => g.Gained, cancellationToken);
    }

    private static void AddWeek(Repository repository, StarHistoryWeek week, DateOnly created, DateOnly today, List<StarGain> gains)
    {
        if (week.Days is not { Length: 7 } || week.Days.Sum() != week.Total || week.Days.Any(d => d < 0))
        {
            throw new MalformedAnswerException(
                $"GitHub's star history for {repository.FullName} has a week ({week.Week}) whose days do not add up to its total.");
        }

        var start = DateOnly.FromDateTime(DateTime.UnixEpoch.AddSeconds(week.Week));
        for (var i = 0; i < 7; i++)
        {
            var day = start.AddDays(i);
            if (day >= created && day <= today)
            {
                gains.Add(new StarGain { RepositoryId = repository.Id, Day = day, Source = StarSources.GitHubHistory, Gained = week.Days[i] });
            }
        }
    }
}
