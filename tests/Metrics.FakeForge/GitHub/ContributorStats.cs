using System.Text.Json.Nodes;
using Metrics.FakeForge.Core;
using Metrics.FakeForge.World;

namespace Metrics.FakeForge.GitHub;

/// <summary>GET /repos/{o}/{r}/stats/contributors: the top 100 linked authors with weekly {w,a,d,c}.</summary>
internal static class ContributorStats
{
    public const int MaxAuthors = 100;

    /// <summary>GitHub reports 0 additions/deletions for repositories with this many commits or more.</summary>
    public const int LineCountCutoff = 10_000;

    public static JsonArray Build(GitHubRepository repo, DateTimeOffset now, string api)
    {
        var firstWeek = Times.WeekStart(Times.UtcDay(repo.CreatedAt));
        var lastCommitWeek = Times.WeekStart(Times.UtcDay(repo.PushedAt > repo.CreatedAt ? repo.PushedAt : repo.CreatedAt));
        var weeks = ((Times.WeekStart(Times.UtcDay(now)).DayNumber - firstWeek.DayNumber) / 7) + 1;
        var active = ((lastCommitWeek.DayNumber - firstWeek.DayNumber) / 7) + 1;
        var noLines = repo.Contributors.Sum(c => c.Contributions) >= LineCountCutoff;
        var salt = Det.Hash((ulong)repo.Id, 11);

        var result = new JsonArray();
        var authors = repo.Contributors.Where(c => !c.IsAnonymous).Take(MaxAuthors).Reverse();
        foreach (var c in authors)
        {
            // Spread the author's commits over the weeks the repository was active.
            var perWeek = new int[weeks];
            var key = Det.Of(c.Login!);
            for (var j = 0; j < c.Contributions; j++)
            {
                perWeek[(int)(Det.Unit(Det.Hash(salt, key, (ulong)j)) * Math.Min(active, weeks))]++;
            }

            var weekArray = new JsonArray();
            for (var i = 0; i < weeks; i++)
            {
                var h = Det.Hash(salt, key, (ulong)i, 7);
                weekArray.Add(new JsonObject
                {
                    ["w"] = Times.UnixSeconds(Times.StartOf(firstWeek.AddDays(7 * i))),
                    ["a"] = noLines ? 0 : perWeek[i] * (int)(5 + (h % 60)),
                    ["d"] = noLines ? 0 : perWeek[i] * (int)(h % 30),
                    ["c"] = perWeek[i],
                });
            }

            result.Add(new JsonObject
            {
                ["author"] = GitHubUsers.Simple(api, c.Login!, c.Id ?? 0, c.Type),
                ["total"] = c.Contributions,
                ["weeks"] = weekArray,
            });
        }

        return result;
    }
}
