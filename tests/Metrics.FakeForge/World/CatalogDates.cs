using System.Globalization;
using System.Text.Json;

namespace Metrics.FakeForge.World;

/// <summary>
/// When each catalog project became public, so the demo world's repositories start there: the project's
/// <c>firstPublic</c> date, else its earliest milestone in <c>milestones.json</c> beside the catalog. A year or month
/// counts from its first day. Projects with neither keep a drawn age.
/// </summary>
public static class CatalogDates
{
    public static IReadOnlyDictionary<string, DateOnly> FirstDays(JsonElement catalog, string catalogPath)
    {
        var milestones = EarliestMilestones(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(catalogPath)) ?? ".", "milestones.json"));
        var days = new Dictionary<string, DateOnly>(StringComparer.OrdinalIgnoreCase);
        foreach (var project in catalog.GetProperty("projects").EnumerateArray())
        {
            var id = project.GetProperty("id").GetString() ?? "";
            var first = project.TryGetProperty("firstPublic", out var fp) && fp.ValueKind == JsonValueKind.Object
                && fp.TryGetProperty("date", out var date) ? Parse(date.GetString()) : null;
            if ((first ?? (milestones.TryGetValue(id, out var earliest) ? earliest : null)) is { } day)
            {
                days[id] = day;
            }
        }

        return days;
    }

    /// <summary>Whole days from <paramref name="day"/> to the anchor's day, at least one.</summary>
    public static int AgeDays(DateOnly day, DateTimeOffset anchor) =>
        Math.Max(1, DateOnly.FromDateTime(anchor.UtcDateTime).DayNumber - day.DayNumber);

    private static Dictionary<string, DateOnly> EarliestMilestones(string path)
    {
        var earliest = new Dictionary<string, DateOnly>(StringComparer.OrdinalIgnoreCase);
        if (!File.Exists(path))
        {
            return earliest;
        }

        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        foreach (var milestone in doc.RootElement.GetProperty("milestones").EnumerateArray())
        {
            if (Parse(milestone.GetProperty("date").GetString()) is not { } day || !milestone.TryGetProperty("projects", out var projects))
            {
                continue;
            }

            foreach (var id in projects.EnumerateArray().Select(p => p.GetString() ?? ""))
            {
                if (!earliest.TryGetValue(id, out var known) || day < known)
                {
                    earliest[id] = day;
                }
            }
        }

        return earliest;
    }

    private static DateOnly? Parse(string? text) => text?.Length switch
    {
        4 => DateOnly.ParseExact(text + "-01-01", "yyyy-MM-dd", CultureInfo.InvariantCulture),
        7 => DateOnly.ParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture),
        10 => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => null,
    };
}
