using System.Globalization;
using Metrics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Metrics.Core.Series;

/// <summary>
/// A repository's star gains of the last 365 days, in weeks counted back from today: enough for the Overview's
/// 30- and 365-day gains and its weekly trend, summed by the database so only a few rows per repository travel.
/// </summary>
internal sealed class RecentStars(string source)
{
    public const int Weeks = 53;

    public string Source { get; } = source;

    /// <summary>Gains of the days 7w … 7w+6 before today, for w = 0 … 52.</summary>
    public long[] Week { get; } = new long[Weeks];

    public long Gained30 { get; set; }

    public long Gained365 => Week.Sum();

    /// <summary>The cumulative count at each week's end, oldest first, ending at <paramref name="total"/> today.</summary>
    public IReadOnlyList<double> WeeklyCumulative(long total)
    {
        var points = new double[Weeks];
        var level = total;
        for (var w = 0; w < Weeks; w++)
        {
            points[Weeks - 1 - w] = level;
            level -= Week[w];
        }

        return points;
    }

    /// <summary>One query: per repository and source, the gains of each of the last 53 weeks and of the last 30 days.</summary>
    public static async Task<Dictionary<int, RecentStars>> LoadAsync(
        MetricsDbContext db, IReadOnlyCollection<int> repositories, DateOnly today, CancellationToken cancellationToken)
    {
        if (repositories.Count == 0)
        {
            return [];
        }

        // The repositories first, then the days: each repository's last year is one range of the primary key
        // (repository, day, source), so neither database scans the older history. Integer ids from the database
        // itself are safe to inline.
        var ids = string.Join(", ", repositories.Select(id => id.ToString(CultureInfo.InvariantCulture)));
        var postgres = db.Database.IsNpgsql();
        // Days back from today, as an integer in each dialect.
        var back = postgres ? "(@today - \"Day\")" : "CAST(julianday(@today) - julianday(\"Day\") AS INTEGER)";
        var sql = $"""
            SELECT "RepositoryId", "Source", {back} / 7 AS week,
                   CAST(SUM(CASE WHEN {back} < 30 THEN "Gained" ELSE 0 END) AS bigint), CAST(SUM("Gained") AS bigint)
            FROM star_gains WHERE "RepositoryId" IN ({ids}) AND "Day" > @since AND "Day" <= @today
            GROUP BY "RepositoryId", "Source", {back} / 7
            """;
        var perSource = new Dictionary<(int, string), RecentStars>();
        await using var open = await OpenConnection.OpenAsync(db, cancellationToken);
        var connection = open.Connection;

        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        OpenConnection.AddDay(command, "@today", today, postgres);
        OpenConnection.AddDay(command, "@since", today.AddDays(-365), postgres);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = (reader.GetInt32(0), reader.GetString(1));
            if (!perSource.TryGetValue(key, out var stars))
            {
                perSource[key] = stars = new RecentStars(key.Item2);
            }

            var week = reader.GetInt32(2);
            stars.Week[Math.Clamp(week, 0, Weeks - 1)] += reader.GetInt64(4);
            stars.Gained30 += reader.GetInt64(3);
        }

        // One source per repository, as the charts use: the GitHub history where there is one.
        return perSource
            .GroupBy(p => p.Key.Item1, p => p.Value)
            .ToDictionary(g => g.Key, g => g.FirstOrDefault(s => s.Source == SeriesSources.GitHubStarHistory) ?? g.First());
    }
}
