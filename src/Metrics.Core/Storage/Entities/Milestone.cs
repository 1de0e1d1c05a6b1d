namespace Metrics.Core.Storage.Entities;

public sealed class Milestone
{
    public required string Id { get; set; }

    /// <summary>The first day of the period the precision describes (the month's or year's first day).</summary>
    public DateOnly Date { get; set; }
    public DatePrecision Precision { get; set; }
    public required string Title { get; set; }
    public string Description { get; set; } = "";

    /// <summary>The title and description in Chinese, written for this catalog; null where there is none (pages fall back to English).</summary>
    public string? TitleZh { get; set; }
    public string? DescriptionZh { get; set; }
    public string Act { get; set; } = "";
    public bool InEssay { get; set; }
    public bool Approximate { get; set; }

    /// <summary>Added by a user in the dashboard: an import never deletes or overwrites it.</summary>
    public bool UserAdded { get; set; }
    public List<MilestoneProject> Projects { get; set; } = [];
}

public sealed class MilestoneProject
{
    public required string MilestoneId { get; set; }
    public required string ProjectId { get; set; }
}
