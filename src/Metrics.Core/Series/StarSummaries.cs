using System.Data.Common;
using System.Globalization;
using Metrics.Core.Storage;
using Metrics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Metrics.Core.Series;

/// <summary>
/// The Overview's last-year figures per repository, read from <c>star_summaries</c> where a stored row is still valid
/// (computed today from the repository's current <see cref="Repository.StarsVersion"/>) and summed afresh only for the
/// others, which are then stored. On a large database the summing is what makes the page slow (730,000 rows for
/// 2,000 repositories), so each repository's year is summed once a day, or again after new stars were written.
/// </summary>
internal static class StarSummaries
{
    public sealed record Loaded(Dictionary<int, RecentStars> Recent, HashSet<int> WithHistory);

    public static async Task<Loaded> LoadAsync(MetricsDbContext db, IReadOnlyCollection<int> repositories, DateOnly today, CancellationToken cancellationToken)
    {
        var ids = repositories.ToList();
        // The versions first: rows written after this read move them on, so a summary from older rows is never kept.
        var versions = await StarsVersions.ReadAsync(db, ids, cancellationToken);
        var stored = await db.StarSummaries.AsNoTracking().Where(s => ids.Contains(s.RepositoryId) && s.AsOf == today)
            .ToListAsync(cancellationToken);
        var valid = stored.Where(s => versions.TryGetValue(s.RepositoryId, out var v) && v == s.StarsVersion).ToList();
        var result = new Loaded(
            valid.Where(s => s.Source is not null).ToDictionary(s => s.RepositoryId, ToRecent),
            [.. valid.Where(s => s.HasHistory).Select(s => s.RepositoryId)]);

        var missing = versions.Keys.Except(valid.Select(s => s.RepositoryId)).ToList();
        if (missing.Count == 0)
        {
            return result;
        }

        var recent = await RecentStars.LoadAsync(db, missing, today, cancellationToken);
        var older = missing.Where(id => !recent.ContainsKey(id)).ToList();
        var withHistory = older.Count == 0 ? [] : await db.StarGains.AsNoTracking()
            .Where(g => older.Contains(g.RepositoryId)).Select(g => g.RepositoryId).Distinct().ToListAsync(cancellationToken);
        var summaries = missing.Select(id => ToSummary(id, versions[id], today, recent.GetValueOrDefault(id), withHistory.Contains(id))).ToList();
        foreach (var summary in summaries)
        {
            if (summary.Source is not null)
            {
                result.Recent[summary.RepositoryId] = recent[summary.RepositoryId];
            }

            if (summary.HasHistory)
            {
                result.WithHistory.Add(summary.RepositoryId);
            }
        }

        await StoreAsync(db, summaries, cancellationToken);
        return result;
    }

    private static RecentStars ToRecent(StarSummary summary)
    {
        var stars = new RecentStars(summary.Source!) { Gained30 = summary.Gained30 };
        var weeks = summary.Weeks.Split(',');
        for (var w = 0; w < Math.Min(weeks.Length, RecentStars.Weeks); w++)
        {
            stars.Week[w] = long.Parse(weeks[w], CultureInfo.InvariantCulture);
        }

        return stars;
    }

    private static StarSummary ToSummary(int id, long version, DateOnly today, RecentStars? recent, bool olderHistory) => new()
    {
        RepositoryId = id,
        StarsVersion = version,
        AsOf = today,
        HasHistory = recent is not null || olderHistory,
        Source = recent?.Source,
        Gained30 = recent?.Gained30 ?? 0,
        Weeks = recent is null ? "" : string.Join(',', recent.Week.Select(w => w.ToString(CultureInfo.InvariantCulture))),
    };

    /// <summary>
    /// An upsert per batch. Only a cache of what the page computed: when it cannot be written (a repository removed
    /// meanwhile, a concurrent writer), the page still shows its figures and the next view sums again.
    /// </summary>
    private static async Task StoreAsync(MetricsDbContext db, List<StarSummary> summaries, CancellationToken cancellationToken)
    {
        const int RowsPerStatement = 200;
        var postgres = db.Database.IsNpgsql();
        try
        {
            await using var open = await OpenConnection.OpenAsync(db, cancellationToken);
            foreach (var chunk in summaries.Chunk(RowsPerStatement))
            {
                await using var command = open.Connection.CreateCommand();
                var values = new List<string>();
                for (var i = 0; i < chunk.Length; i++)
                {
                    var s = chunk[i];
                    values.Add($"(@r{i}, @v{i}, @d{i}, @h{i}, @s{i}, @g{i}, @w{i})");
                    OpenConnection.AddValue(command, $"@r{i}", s.RepositoryId);
                    OpenConnection.AddValue(command, $"@v{i}", s.StarsVersion);
                    OpenConnection.AddDay(command, $"@d{i}", s.AsOf, postgres);
                    OpenConnection.AddValue(command, $"@h{i}", s.HasHistory);
                    OpenConnection.AddValue(command, $"@s{i}", s.Source);
                    OpenConnection.AddValue(command, $"@g{i}", s.Gained30);
                    OpenConnection.AddValue(command, $"@w{i}", s.Weeks);
                }

                command.CommandText = $"""
                    INSERT INTO star_summaries ("RepositoryId", "StarsVersion", "AsOf", "HasHistory", "Source", "Gained30", "Weeks")
                    VALUES {string.Join(", ", values)}
                    ON CONFLICT ("RepositoryId") DO UPDATE SET "StarsVersion" = excluded."StarsVersion", "AsOf" = excluded."AsOf",
                        "HasHistory" = excluded."HasHistory", "Source" = excluded."Source", "Gained30" = excluded."Gained30", "Weeks" = excluded."Weeks"
                    """;
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        catch (DbException)
        {
            // Left to the next view: see above.
        }
    }
}
