namespace Metrics.Core.Storage.Entities;

/// <summary>Where a repository or model family lives. Stored as text so new forges need no data migration.</summary>
public enum Forge
{
    GitHub,
    Gitee,
    HuggingFace,
    GitCode,
}

/// <summary>The part a repository plays for its project.</summary>
public enum RepositoryRole
{
    Primary,
    Mirror,
    Models,
    Related,
}

/// <summary>A forge coordinate is either one repository (or model) or a whole organisation.</summary>
public enum RepositoryKind
{
    Repository,
    Model,
    Organization,
}

/// <summary>What the forge last said about the repository.</summary>
public enum RepositoryStatus
{
    Active,
    NotFound,
    Blocked,
}
