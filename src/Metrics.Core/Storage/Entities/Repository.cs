namespace Metrics.Core.Storage.Entities;

public sealed class Repository
{
    public int Id { get; set; }
    public required string ProjectId { get; set; }
    public Project? Project { get; set; }
    public Forge Forge { get; set; }
    public RepositoryKind Kind { get; set; }
    public required string Owner { get; set; }

    /// <summary>Empty for a whole organisation (a Hugging Face author).</summary>
    public string Name { get; set; } = "";

    /// <summary>The forge's own id; survives renames and transfers, so history follows the repository.</summary>
    public long? ForgeId { get; set; }
    public RepositoryRole Role { get; set; }
    public bool Tracked { get; set; }

    /// <summary>An admin's explicit choice to (un)track; it outlasts every seed import, which otherwise sets <see cref="Tracked"/>.</summary>
    public bool? TrackedByUser { get; set; }
    public RepositoryStatus Status { get; set; }
    public DateTime? CreatedAt { get; set; }

    /// <summary>Set when the data came from a simulated forge (it marks its answers), so pages can say so.</summary>
    public bool Simulated { get; set; }

    /// <summary>
    /// "owner/name" as the seed file names it; collectors follow renames in Owner/Name, the import keeps matching on this.
    /// Null for a repository a user added in the dashboard.
    /// </summary>
    public string? CatalogName { get; set; }

    /// <summary>The clone URL from the forge's own repository answer (never from user input); read by the git history step.</summary>
    public string? CloneUrl { get; set; }

    /// <summary>The stored star history is complete from this day...</summary>
    public DateOnly? StarHistoryFrom { get; set; }

    /// <summary>...through this one (collectors store what they read page by page, so a failed run keeps its part).</summary>
    public DateOnly? StarHistoryThrough { get; set; }

    /// <summary>Whether <see cref="StarHistoryFrom"/> is the start of the forge's list; until then the history is partial.</summary>
    public bool StarHistoryReachedStart { get; set; }

    /// <summary>
    /// Moves on with every write of the repository's star history (<see cref="Bulk.IBulkWriter.UpsertStarGainsAsync"/>),
    /// so a stored <see cref="StarSummary"/> computed from older rows is known to be out of date.
    /// </summary>
    public long StarsVersion { get; set; }

    public string FullName => Name.Length == 0 ? Owner : $"{Owner}/{Name}";
}
