using System.CommandLine;
using System.Globalization;
using Metrics.Core.Mirrors;
using Metrics.Core.Series;
using Metrics.Core.Storage.Entities;
using Microsoft.Extensions.DependencyInjection;

namespace Metrics.Cli.Commands;

internal static class CompareCommand
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static Command Create()
    {
        var project = new Option<string>("--project") { Description = "The project to compare (an id from seeds/projects.json).", Required = true };
        var daily = new Option<bool>("--daily") { Description = "Print the star series for every day instead of month ends." };
        var forges = new Option<string?>("--forges")
        {
            Description = "The two forges to compare, e.g. github,gitee or gitee,gitcode (default: GitHub and Gitee where the project has both, else its first two).",
        };
        var command = new Command("compare",
            "Compare two forges of a project from the stored data: stars on the same days and their ratio, " +
            "release lag per tag, tags missing on either side, the gap between the last pushes (flagged stale past " +
            "Mirrors:StaleAfterDays) and contributors on each side. Exit code 2 when the project is unknown or lacks either side.")
        {
            project, daily, forges,
        };
        command.SetAction((parse, cancellationToken) => CliHost.RunAsync(async services =>
        {
            var id = parse.GetValue(project)!;
            var error = parse.InvocationConfiguration.Error;
            var (pair, forgeError) = ParseForges(parse.GetValue(forges));
            if (forgeError is not null)
            {
                await error.WriteLineAsync($"error: --forges: {forgeError}");
                return ExitCodes.InvalidInput;
            }

            var comparison = services.GetRequiredService<MirrorComparison>();
            var result = await comparison.CompareAsync(id, pair.First, pair.Second, cancellationToken);
            if (result is null)
            {
                var unknown = await CollectionPrinter.UnknownProjectsAsync(services, [id], cancellationToken);
                var available = string.Join(", ", (await comparison.ForgesAsync(id, cancellationToken)).Select(ForgeNames.Key));
                await error.WriteLineAsync(unknown.Count > 0
                    ? $"error: unknown project: {id}"
                    : $"error: project {id} has no tracked primary or mirror repository on {(pair.First is { } a && pair.Second is { } b ? $"both {ForgeNames.Display(a)} and {ForgeNames.Display(b)}" : "two forges")} (it has: {(available.Length == 0 ? "none" : available)})");
                return ExitCodes.InvalidInput;
            }

            await PrintAsync(result, parse.GetValue(daily), parse.InvocationConfiguration.Output);
            await SimulatedWarning.WriteAsync(services, parse.InvocationConfiguration.Output, [id], cancellationToken);
            return ExitCodes.Success;
        }, parse.InvocationConfiguration.Error));
        return command;
    }

    /// <summary>"a,b" into two different forges; nothing given means the default pair.</summary>
    private static ((Forge? First, Forge? Second) Pair, string? Error) ParseForges(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return ((null, null), null);
        }

        var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2)
        {
            return ((null, null), $"expected two forges separated by a comma (e.g. gitee,gitcode), got '{text}'");
        }

        if (parts.FirstOrDefault(p => !ForgeNames.TryParse(p, out _)) is { } unknown)
        {
            return ((null, null), $"unknown forge '{unknown}' (expected github, gitee or gitcode)");
        }

        ForgeNames.TryParse(parts[0], out var first);
        ForgeNames.TryParse(parts[1], out var second);
        return first == second ? ((null, null), $"the two forges must differ, got '{text}'") : ((first, second), null);
    }

    private static async Task PrintAsync(MirrorComparisonResult result, bool daily, TextWriter output)
    {
        var (a, b) = (ForgeNames.Display(result.First.Forge), ForgeNames.Display(result.Second.Forge));
        await output.WriteLineAsync($"{result.ProjectName} ({result.ProjectId}): {a} and {b} side by side");
        await output.WriteLineAsync();
        await output.WriteLineAsync($"{"forge",-8} {"repository",-40} {"role",-8} {"stars",10} {"contributors",12}  last push (UTC)");
        foreach (var side in new[] { result.First, result.Second })
        {
            await output.WriteLineAsync(
                $"{side.Forge,-8} {side.FullName,-40} {side.Role,-8} {Number(side.Stars),10} {Number(side.Contributors),12}  {Time(side.PushedAt)}");
        }

        var sync = result.Sync;
        var stale = sync.Stale ? "STALE" : "not stale";
        await output.WriteLineAsync(sync.Behind is { } behind
            ? $"Sync: last pushes {sync.GapDays!.Value.ToString("0.0", Invariant)} days apart, {behind} behind ({stale}; stale after {sync.StaleAfterDays} days)"
            : sync.Gap is null ? "Sync: unknown (no push time stored for one side)" : "Sync: both sides last pushed at the same time");

        await output.WriteLineAsync();
        await output.WriteLineAsync("Stars (cumulative at the end of each UTC day)");
        await output.WriteLineAsync($"{"day",-10} {a,10} {b,10} {a + "/" + b,14}");
        var days = daily ? result.Stars : MonthEnds(result.Stars);
        foreach (var day in days)
        {
            var ratio = day.FirstPerSecond is { } r ? r.ToString("0.00", Invariant) : "-";
            await output.WriteLineAsync($"{day.Day.ToString("yyyy-MM-dd", Invariant),-10} {Number(day.FirstStars),10} {Number(day.SecondStars),10} {ratio,14}");
        }

        if (result.Stars.Count == 0)
        {
            await output.WriteLineAsync("(no star history on one side yet: run `metrics collect` first)");
        }

        await output.WriteLineAsync();
        await output.WriteLineAsync($"Tags on both sides (lag: days {b} published after {a}, to a tenth as on the Mirrors page)");
        await output.WriteLineAsync($"{"tag",-30} {a,-16} {b,-16} {"lag days",8}");
        foreach (var release in result.Releases)
        {
            await output.WriteLineAsync(
                $"{release.Tag,-30} {Time(release.FirstPublishedAt),-16} {Time(release.SecondPublishedAt),-16} {(release.Lag?.TotalDays.ToString("0.0", Invariant) ?? "-"),8}");
        }

        await output.WriteLineAsync($"Missing on {b}: {List(result.MissingOnSecond)}");
        await output.WriteLineAsync($"Missing on {a}: {List(result.MissingOnFirst)}");
    }

    // A month's last day keeps the table short; the newest day always ends it.
    private static IEnumerable<MirrorStarDay> MonthEnds(IReadOnlyList<MirrorStarDay> days) =>
        days.Where((d, i) => i == days.Count - 1 || d.Day.Month != days[i + 1].Day.Month);

    private static string Number(long? value) => value?.ToString("N0", Invariant) ?? "-";

    private static string Time(DateTime? value) => value?.ToString("yyyy-MM-dd HH:mm", Invariant) ?? "-";

    private static string List(IReadOnlyList<string> tags) => tags.Count == 0 ? "(none)" : string.Join(", ", tags);
}
