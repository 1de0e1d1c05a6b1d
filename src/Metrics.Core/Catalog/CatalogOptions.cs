using Microsoft.Extensions.Options;

namespace Metrics.Core.Catalog;

public sealed class CatalogOptions
{
    public const string SectionName = "Catalog";

    /// <summary>Folder holding projects.json and milestones.json; defaults to the copy shipped beside the program.</summary>
    public string SeedsDirectory { get; set; } = Path.Combine(AppContext.BaseDirectory, "seeds");

    /// <summary>Import the seeds when the web app starts (idempotent, so safe on every start).</summary>
    public bool SeedOnStart { get; set; } = true;

    /// <summary>
    /// A relative folder is looked up from the working folder, then beside the program, where the build copies seeds/:
    /// "seeds" works from the repository root and from `dotnet run` alike.
    /// </summary>
    internal static string Resolve(string directory)
    {
        if (Path.IsPathRooted(directory) || Directory.Exists(directory))
        {
            return directory;
        }

        var besideProgram = Path.Combine(AppContext.BaseDirectory, directory);
        return Directory.Exists(besideProgram) ? besideProgram : directory;
    }
}

internal sealed class CatalogOptionsValidator : IValidateOptions<CatalogOptions>
{
    public ValidateOptionsResult Validate(string? name, CatalogOptions options) =>
        Directory.Exists(options.SeedsDirectory)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Catalog:SeedsDirectory '{options.SeedsDirectory}' does not exist.");
}
