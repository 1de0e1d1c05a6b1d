namespace Metrics.Core.Catalog;

public sealed record SeedImportResult(
    int ProjectsAdded,
    int ProjectsUpdated,
    int RepositoriesAdded,
    int RepositoriesUpdated,
    int MilestonesAdded,
    int MilestonesUpdated,
    int MilestonesRemoved,
    IReadOnlyList<string> Warnings)
{
    public bool ChangedNothing =>
        ProjectsAdded + ProjectsUpdated + RepositoriesAdded + RepositoriesUpdated + MilestonesAdded + MilestonesUpdated + MilestonesRemoved == 0;

    public override string ToString() =>
        $"projects: {ProjectsAdded} added, {ProjectsUpdated} updated; " +
        $"repositories: {RepositoriesAdded} added, {RepositoriesUpdated} updated; " +
        $"milestones: {MilestonesAdded} added, {MilestonesUpdated} updated, {MilestonesRemoved} removed";
}
