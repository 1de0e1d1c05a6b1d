namespace Metrics.Core.Storage.Entities;

public sealed class Contributor
{
    public long Id { get; set; }
    public int RepositoryId { get; set; }

    /// <summary>The forge login, or "email:" and a SHA-256 of the e-mail for anonymous ones: never the e-mail itself.</summary>
    public required string Key { get; set; }
    public string? DisplayName { get; set; }
    public bool Anonymous { get; set; }
    public bool Bot { get; set; }
    public long Contributions { get; set; }
    public DateOnly FirstSeen { get; set; }

    /// <summary>The week of the first contribution, where the forge's statistics tell it (GitHub: top 100 only).</summary>
    public DateOnly? FirstContributionWeek { get; set; }
}
