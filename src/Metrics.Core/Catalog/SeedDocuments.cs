namespace Metrics.Core.Catalog;

// The JSON shapes of seeds/projects.json and seeds/milestones.json. Everything is nullable so that
// a missing field becomes a validation message naming it, not a deserializer exception.

internal sealed record ProjectsDocument(List<SeedProject?>? Projects);

internal sealed record SeedProject(
    string? Id,
    string? Name,
    string? NameZh,
    string? Category,
    string? Act,
    string? Description,
    string? DescriptionZh,
    bool? Tracked,
    SeedDate? FirstPublic,
    List<SeedRepository?>? Repositories);

internal sealed record SeedRepository(string? Forge, string? Owner, string? Name, string? Role, bool? Tracked);

internal sealed record SeedDate(string? Date, string? Precision);

internal sealed record MilestonesDocument(List<SeedMilestone?>? Milestones);

internal sealed record SeedMilestone(
    string? Id,
    string? Date,
    string? Precision,
    string? Title,
    string? TitleZh,
    string? Description,
    string? DescriptionZh,
    string? Act,
    List<string?>? Projects,
    bool? InEssay,
    bool? Approximate);
