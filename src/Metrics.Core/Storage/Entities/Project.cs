namespace Metrics.Core.Storage.Entities;

public sealed class Project
{
    public required string Id { get; set; }
    public required string Name { get; set; }

    /// <summary>The project's Chinese name; null when it has none distinct from <see cref="Name"/> (MySQL, TiDB).</summary>
    public string? NameZh { get; set; }
    public string Category { get; set; } = "";
    public string Act { get; set; } = "";
    public string Description { get; set; } = "";

    /// <summary>The description in Chinese; null where the catalog has none (pages then show <see cref="Description"/>).</summary>
    public string? DescriptionZh { get; set; }
    public bool Tracked { get; set; }
    public DateOnly? FirstPublicDate { get; set; }
    public DatePrecision? FirstPublicPrecision { get; set; }
    public List<Repository> Repositories { get; set; } = [];
}
