namespace Metrics.Core.Catalog;

/// <summary>A seed file that cannot be imported; each error names the file, the entry and the field.</summary>
public sealed class SeedValidationException(IReadOnlyList<string> errors)
    : Exception("The seed files are invalid; nothing was imported:" + Environment.NewLine + "  " + string.Join(Environment.NewLine + "  ", errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
