using Metrics.Core.Forges;
using System.Text.Json;
using Metrics.Core.Storage.Entities;

namespace Metrics.Core.Catalog;

/// <summary>The validated contents of the two seed files, ready to import.</summary>
public sealed record CatalogSeed(IReadOnlyList<Project> Projects, IReadOnlyList<Milestone> Milestones);

/// <summary>Reads and validates both seed files; any error anywhere means nothing is returned.</summary>
public static class SeedReader
{
    public const string ProjectsFile = "projects.json";
    public const string MilestonesFile = "milestones.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Reads and validates the seeds; <paramref name="forges"/> says which forges have collectors (all registered by default).</summary>
    public static async Task<CatalogSeed> ReadAsync(string directory, CancellationToken cancellationToken, IReadOnlyList<ForgeDescriptor>? forges = null)
    {
        var errors = new List<string>();
        var projectsPath = Path.Combine(directory, ProjectsFile);
        var milestonesPath = Path.Combine(directory, MilestonesFile);
        var projectsDoc = await LoadAsync<ProjectsDocument>(projectsPath, errors, cancellationToken);
        var milestonesDoc = await LoadAsync<MilestonesDocument>(milestonesPath, errors, cancellationToken);

        var projects = projectsDoc is null ? [] : new ProjectsValidator(Display(projectsPath), errors, forges ?? MetricsCoreExtensions.RegisteredForges).Validate(projectsDoc);
        var milestones = milestonesDoc is null || projectsDoc is null
            ? []
            : new MilestonesValidator(Display(milestonesPath), errors, projects.Select(p => p.Id).ToHashSet()).Validate(milestonesDoc);

        if (errors.Count > 0)
        {
            throw new SeedValidationException(errors);
        }

        return new CatalogSeed(projects, milestones);
    }

    // Messages name the file as the user knows it (seeds/projects.json), not a long absolute path.
    private static string Display(string path) =>
        Path.Combine(Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(path))) ?? "", Path.GetFileName(path));

    private static async Task<T?> LoadAsync<T>(string path, List<string> errors, CancellationToken cancellationToken)
        where T : class
    {
        if (!File.Exists(path))
        {
            errors.Add($"{path}: file not found.");
            return null;
        }

        try
        {
            await using var stream = File.OpenRead(path);
            var document = await JsonSerializer.DeserializeAsync<T>(stream, Json, cancellationToken);
            if (document is null)
            {
                errors.Add($"{Display(path)}: the file is empty (null).");
            }

            return document;
        }
        catch (JsonException e)
        {
            errors.Add($"{Display(path)}: not valid JSON at line {e.LineNumber + 1}, position {e.BytePositionInLine}: {FirstSentence(e.Message)}");
            return null;
        }
    }

    private static string FirstSentence(string message) =>
        message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0].Trim();
}
