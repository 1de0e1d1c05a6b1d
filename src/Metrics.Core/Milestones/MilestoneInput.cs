using Metrics.Core.Storage.Entities;

namespace Metrics.Core.Milestones;

/// <summary>
/// What a user types for a milestone: the date as text whose shape matches the precision ("2019", "2019-05",
/// "2019-05-16"); the title and description in Chinese are optional (blank: none, pages show the English).
/// </summary>
public sealed record MilestoneInput(
    string Title, string Date, DatePrecision Precision, string Act, string Description, IReadOnlyList<string> ProjectIds,
    string? TitleZh = null, string? DescriptionZh = null);

public sealed record MilestoneEditResult(bool Succeeded, string? MilestoneId, IReadOnlyList<string> Errors)
{
    public static MilestoneEditResult Ok(string id) => new(true, id, []);

    public static MilestoneEditResult Failed(params string[] errors) => new(false, null, errors);
}
