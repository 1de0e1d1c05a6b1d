using System.Globalization;
using Metrics.Core.Scheduling;

namespace Metrics.Cli.Commands;

internal static class StatusPrinter
{
    public const string InterruptedError = "left Running by a process that stopped (killed or crashed); the next run collects it again";

    public static async Task PrintAsync(
        TextWriter output, IReadOnlyList<RepositoryCollectionStatus> rows, IReadOnlySet<int> interrupted, IReadOnlyDictionary<int, DateTimeOffset>? next, DateTime now)
    {
        await output.WriteLineAsync($"{"forge",-12} {"repository",-40} {"last run",-17} {"outcome",-10} {"data age",9} {"next run",-17}  error");
        foreach (var row in rows)
        {
            var nextRun = next?.TryGetValue(row.RepositoryId, out var at) == true ? Time(at.UtcDateTime) : next is null ? "?" : "-";
            var stopped = interrupted.Contains(row.RepositoryId);
            var outcome = stopped ? "Interrupted" : row.LastOutcome?.ToString() ?? "never";
            var error = stopped ? InterruptedError : row.LastOutcome is Core.Storage.Entities.RunOutcome.Succeeded ? "" : row.LastError ?? "";
            await output.WriteLineAsync(
                $"{row.Forge,-12} {row.Repository,-40} {Time(row.LastRunAt),-17} {outcome,-10} {Age(row.DataCollectedAt, now),9} {nextRun,-17}  {error}");
        }

        var attention = rows.Count(r => r.NeedsAttention || interrupted.Contains(r.RepositoryId));
        await output.WriteLineAsync($"{rows.Count} repositories; {rows.Count - attention} last ran fine, {attention} need attention.");
        if (next is null)
        {
            await output.WriteLineAsync("next run: '?' means this process cannot see the schedule (SQLite keeps it inside the running web app or worker).");
        }
    }

    private static string Time(DateTime? at) => at?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "-";

    private static string Age(DateTime? at, DateTime now) => at is not { } value ? "no data" : (now - value) switch
    {
        var d when d.TotalHours < 1 => $"{Math.Max(0, d.TotalMinutes):0}m",
        var d when d.TotalDays < 2 => $"{d.TotalHours:0}h",
        var d => $"{d.TotalDays:0}d",
    };
}
