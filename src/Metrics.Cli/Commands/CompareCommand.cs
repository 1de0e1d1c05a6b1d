using System.CommandLine;
using System.Globalization;
using Metrics.Core.Mirrors;
using Microsoft.Extensions.DependencyInjection;

namespace Metrics.Cli.Commands;

internal static class CompareCommand
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static Command Create()
    {
        var project = new Option<string>("--project") { Description = "The project to compare (an id from seeds/projects.json).", Required = true };
        var daily = new Option<bool>("--daily") { Description = "Print the star series for every day instead of month ends." };
        var command = new Command("compare",
            "Compare a project's GitHub and Gitee repositories from the stored data: stars on the same days and their ratio, " +
            "release lag per tag, tags missing on either side, the gap between the last pushes (flagged stale past " +
            "Mirrors:StaleAfterDays) and contributors on each side. Exit code 2 when the project is unknown or lacks either side.")
        {
            project, daily,
        };
        command.SetAction((parse, cancellationToken) => CliHost.RunAsync(async services =>
        {
            var id = parse.GetValue(project)!;
            var result = await services.GetRequiredService<MirrorComparison>().CompareAsync(id, cancellationToken);
            if (result is null)
            {
                var unknown = await CollectionPrinter.UnknownProjectsAsync(services, [id], cancellationToken);
                await parse.InvocationConfiguration.Error.WriteLineAsync(unknown.Count > 0
                    ? $"error: unknown project: {id}"
                    : $"error: project {id} has no tracked primary or mirror repository on both GitHub and Gitee");
                return ExitCodes.InvalidInput;
            }

            await PrintAsync(result, parse.GetValue(daily), parse.InvocationConfiguration.Output);
            await SimulatedWarning.WriteAsync(services, parse.InvocationConfiguration.Output, [id], cancellationToken);
            return ExitCodes.Success;
        }, parse.InvocationConfiguration.Error));
        return command;
    }

    private static async Task PrintAsync(MirrorComparisonResult result, bool daily, TextWriter output)
    {
        await output.WriteLineAsync($"{result.ProjectName} ({result.ProjectId}): GitHub and Gitee side by side");
        await output.WriteLineAsync();
        await output.WriteLineAsync($"{"forge",-8} {"repository",-40} {"role",-8} {"stars",10} {"contributors",12}  last push (UTC)");
        foreach (var side in new[] { result.GitHub, result.Gitee })
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
        await output.WriteLineAsync($"{"day",-10} {"GitHub",10} {"Gitee",10} {"GitHub/Gitee",12}");
        var days = daily ? result.Stars : MonthEnds(result.Stars);
        foreach (var day in days)
        {
            var ratio = day.GitHubPerGitee is { } r ? r.ToString("0.00", Invariant) : "-";
            await output.WriteLineAsync($"{day.Day.ToString("yyyy-MM-dd", Invariant),-10} {Number(day.GitHubStars),10} {Number(day.GiteeStars),10} {ratio,12}");
        }

        if (result.Stars.Count == 0)
        {
            await output.WriteLineAsync("(no star history on one side yet: run `metrics collect` first)");
        }

        await output.WriteLineAsync();
        await output.WriteLineAsync("Tags on both sides (lag: days Gitee published after GitHub, to a tenth as on the Mirrors page)");
        await output.WriteLineAsync($"{"tag",-30} {"GitHub",-16} {"Gitee",-16} {"lag days",8}");
        foreach (var release in result.Releases)
        {
            await output.WriteLineAsync(
                $"{release.Tag,-30} {Time(release.GitHubPublishedAt),-16} {Time(release.GiteePublishedAt),-16} {(release.Lag?.TotalDays.ToString("0.0", Invariant) ?? "-"),8}");
        }

        await output.WriteLineAsync($"Missing on Gitee: {List(result.MissingOnGitee)}");
        await output.WriteLineAsync($"Missing on GitHub: {List(result.MissingOnGitHub)}");
    }

    // A month's last day keeps the table short; the newest day always ends it.
    private static IEnumerable<MirrorStarDay> MonthEnds(IReadOnlyList<MirrorStarDay> days) =>
        days.Where((d, i) => i == days.Count - 1 || d.Day.Month != days[i + 1].Day.Month);

    private static string Number(long? value) => value?.ToString("N0", Invariant) ?? "-";

    private static string Time(DateTime? value) => value?.ToString("yyyy-MM-dd HH:mm", Invariant) ?? "-";

    private static string List(IReadOnlyList<string> tags) => tags.Count == 0 ? "(none)" : string.Join(", ", tags);
}
