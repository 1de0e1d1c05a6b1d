namespace Metrics.Core.Catalog;

/// <summary>How long a project's names (the length of the column that stores them) and descriptions may be, in either language.</summary>
public static class ProjectLimits
{
    public const int Name = 200;

    public const int Description = 4000;
}
