using System.Globalization;
using Metrics.Core.Storage.Entities;

namespace Metrics.Core.Milestones;

/// <summary>
/// What a user types for a milestone: the date as text whose shape matches the precision ("2019", "2019-05",
/// "2019-05-16"); the title and description in Chinese are optional (blank: none, pages show the English).
/// </summary>
public sealed record MilestoneInput(
    string Title, string Date, DatePrecision Precision, string Act, string Description, IReadOnlyList<string> ProjectIds,
    string? TitleZh = null, string? DescriptionZh = null);

/// <summary>
/// What was wrong with an edit, as a composite format and its arguments: the English text is the format (the web app's
/// resources translate it whole), so a page can show it in its own language without splitting sentences.
/// </summary>
public sealed record MilestoneProblem(string Format, params object[] Arguments)
{
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, Format, Arguments);
}

public sealed record MilestoneEditResult(bool Succeeded, string? MilestoneId, IReadOnlyList<MilestoneProblem> Problems)
{
    /// <summary>The problems in English.</summary>
    public IReadOnlyList<string> Errors => [.. Problems.Select(p => p.ToString())];

    public static MilestoneEditResult Ok(string id) => new(true, id, []);

    public static MilestoneEditResult Failed(params MilestoneProblem[] problems) => new(false, null, problems);
}
