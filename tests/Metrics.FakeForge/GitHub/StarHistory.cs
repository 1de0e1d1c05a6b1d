using System.Text.Json.Nodes;
using Metrics.FakeForge.Core;
using Metrics.FakeForge.World;

namespace Metrics.FakeForge.GitHub;

/// <summary>
/// Weekly buckets of GET /repos/{o}/{r}/stargazers/history: Sunday 00:00 UTC starts, days Sunday..Saturday,
/// newest first, zero weeks included, back to the week of creation. Totals count star creations only.
/// </summary>
public static class StarHistory
{
    public sealed record Bucket(long Week, int Total, int[] Days);

    public static List<Bucket> Buckets(DailySeries stars, DateTimeOffset now)
    {
        var first = Times.WeekStart(Times.UtcDay(stars.Start));
        var list = new List<Bucket>();
        for (var week = Times.WeekStart(Times.UtcDay(now)); week >= first; week = week.AddDays(-7))
        {
            var days = new int[7];
            for (var i = 0; i < 7; i++)
            {
                days[i] = stars.VisibleCount(week.AddDays(i), now);
            }

            list.Add(new Bucket(Times.UnixSeconds(Times.StartOf(week)), days.Sum(), days));
        }

        return list;
    }

    public static JsonObject ToJson(Bucket b) => new()
    {
        ["week"] = b.Week,
        ["total"] = b.Total,
        ["days"] = new JsonArray([.. b.Days.Select(d => (JsonNode?)JsonValue.Create(d))]),
    };
}
