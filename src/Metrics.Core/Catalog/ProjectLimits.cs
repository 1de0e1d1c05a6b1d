namespace Metrics.Core.Catalog;

/// <summary>How long a project's names may be, in either language: the length of the column that stores them.</summary>
public static class ProjectLimits
{
    public const int Name = 200;
}
