namespace Metrics.Core.GitHistory;

/// <summary>
/// One person (or bot) active in one repository on one UTC day, from its git history. Everything the contributor
/// curves need is derived from these rows, so a project's union over mirrors is a union of keys, computed on read.
/// </summary>
public sealed class GitIdentityDay
{
    public int RepositoryId { get; set; }

    /// <summary>"email:" and a hash of the normalised e-mail (<see cref="Forges.ContributorKeys"/>): never the e-mail.</summary>
    public required string Key { get; set; }

    public DateOnly Day { get; set; }

    /// <summary>Commits authored that day (co-authors and committers are active with none of their own).</summary>
    public int Commits { get; set; }

    public bool Bot { get; set; }

    /// <summary>The read that wrote the row; rows of an older read are removed once a newer one is stored.</summary>
    public long Generation { get; set; }
}

/// <summary>The state of one repository's clone: what was last read, and why the last attempt failed if it did.</summary>
public sealed class GitClone
{
    public int RepositoryId { get; set; }

    /// <summary>The commit the stored rows were read from; null until a read completed.</summary>
    public string? Head { get; set; }

    public long Generation { get; set; }
    public int Commits { get; set; }
    public DateTime? ReadAt { get; set; }
    public DateTime? AttemptedAt { get; set; }

    /// <summary>Bytes on disk after the last successful fetch.</summary>
    public long Bytes { get; set; }

    /// <summary>Bytes the last clone or fetch added (0 when nothing was new).</summary>
    public long BytesFetched { get; set; }
    public double Seconds { get; set; }

    /// <summary>Why the last attempt failed (the stored rows are those of the last successful read).</summary>
    public string? Error { get; set; }

    /// <summary>The size cap the repository was found to exceed; it is not tried again until the cap changes.</summary>
    public long? TooLargeForCap { get; set; }
}
