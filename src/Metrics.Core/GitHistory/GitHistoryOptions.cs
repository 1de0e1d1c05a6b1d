using System.ComponentModel.DataAnnotations;

namespace Metrics.Core.GitHistory;

/// <summary>Where the commits-only clones live and what a clone may cost; checked at start-up.</summary>
public sealed class GitHistoryOptions : IValidatableObject
{
    public const string SectionName = "GitHistory";

    /// <summary>Off: no clone is made or fetched, and the contributor charts fall back to the forges' statistics.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>One bare clone per repository under this folder (relative paths are to the working folder).</summary>
    public string DataDirectory { get; set; } = "data/git";

    /// <summary>A clone that grows past this many bytes is stopped and skipped (the Linux kernel's commits alone are ~1.5 GB).</summary>
    [Range(1_000_000, long.MaxValue)]
    public long MaxCloneBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    /// <summary>How long one repository's clone or fetch and log may take, apart from the API steps' own limits.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>URL schemes git may use (GIT_ALLOW_PROTOCOL); none listed means https only (tests add file://).</summary>
    /// <remarks>Empty by default: the configuration binder adds to a list rather than replacing it.</remarks>
    public IList<string> AllowedSchemes { get; set; } = [];

    /// <summary>The schemes in force.</summary>
    public IReadOnlyList<string> Schemes => AllowedSchemes.Count == 0 ? ["https"] : [.. AllowedSchemes];

    /// <summary>The git program; Debian's <c>git</c> on the PATH unless set.</summary>
    public string GitPath { get; set; } = "git";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(DataDirectory))
        {
            yield return new ValidationResult($"{SectionName}:DataDirectory must name a folder.", [nameof(DataDirectory)]);
        }

        if (Timeout <= TimeSpan.Zero || Timeout > TimeSpan.FromHours(12))
        {
            yield return new ValidationResult($"{SectionName}:Timeout must be between 00:00:01 and 12:00:00 (was {Timeout}).", [nameof(Timeout)]);
        }

        var known = new[] { "https", "http", "file" };
        foreach (var scheme in AllowedSchemes.Where(s => !known.Contains(s, StringComparer.Ordinal)))
        {
            yield return new ValidationResult(
                $"{SectionName}:AllowedSchemes: '{scheme}' is not one of {string.Join(", ", known)} (lower case).", [nameof(AllowedSchemes)]);
        }

        if (string.IsNullOrWhiteSpace(GitPath))
        {
            yield return new ValidationResult($"{SectionName}:GitPath must name the git program.", [nameof(GitPath)]);
        }
    }
}
