using CsvHelper;

namespace Metrics.Core.Export;

/// <summary>One observation in tidy long format: every chart and series dataset is a list of these.</summary>
/// <remarks><see cref="Simulated"/>: the number came from the fake forge, so a file that leaves the dashboard still says so.</remarks>
public sealed record TidyRow(DateOnly Date, string Project, string Forge, string Repository, string Metric, double Value, string Source, bool Simulated = false);

/// <remarks>
/// <c>project_name</c> is the project's name in the export's language; it comes last so that scripts reading the
/// columns by position before it was added still read the same ones.
/// </remarks>
public sealed class TidyRowMap(ProjectNames names) : ICsvRowMap<TidyRow>
{
    public static readonly TidyRowMap Instance = new(ProjectNames.None);

    public ProjectNames Names { get; } = names;

    public IReadOnlyList<string> Header { get; } = ["date", "project", "forge", "repository", "metric", "value", "source", "simulated", "project_name"];

    public void Write(CsvWriter writer, TidyRow row)
    {
        writer.WriteDate(row.Date);
        writer.WriteField(row.Project);
        writer.WriteField(row.Forge);
        writer.WriteField(row.Repository);
        writer.WriteField(row.Metric);
        writer.WriteNumber(row.Value);
        writer.WriteField(row.Source);
        writer.WriteBool(row.Simulated);
        writer.WriteField(Names.Of(row.Project));
    }
}
