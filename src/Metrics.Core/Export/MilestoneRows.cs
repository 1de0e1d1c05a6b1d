using System.Globalization;
using System.Runtime.CompilerServices;
using CsvHelper;
using Metrics.Core.Catalog;
using Metrics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Metrics.Core.Export;

/// <summary>A milestone with its date as precisely as it is known: "2019", "2019-05" or "2019-05-16", and the span it covers.</summary>
public sealed record MilestoneRow(
    string Date, string Precision, DateOnly Start, DateOnly End, string Act, string Id, string Title, string Description,
    string Projects, bool InEssay, bool UserAdded);

public sealed class MilestoneRowMap : ICsvRowMap<MilestoneRow>
{
    public static readonly MilestoneRowMap Instance = new();

    public IReadOnlyList<string> Header { get; } =
        ["date", "precision", "start", "end", "act", "id", "title", "description", "projects", "in_essay", "user_added", "simulated"];

    public void Write(CsvWriter writer, MilestoneRow row)
    {
        writer.WriteField(row.Date);
        writer.WriteField(row.Precision);
        writer.WriteDate(row.Start);
        writer.WriteDate(row.End);
        writer.WriteField(row.Act);
        writer.WriteField(row.Id);
        writer.WriteField(row.Title);
        writer.WriteField(row.Description);
        writer.WriteField(row.Projects);
        writer.WriteBool(row.InEssay);
        writer.WriteBool(row.UserAdded);

        // Milestones come from the essay or a user, never from a forge: never simulated.
        writer.WriteBool(false);
    }
}

internal static class MilestoneRows
{
    /// <summary>Title and description in <paramref name="language"/> where the milestone has them, else in English.</summary>
    public static async IAsyncEnumerable<MilestoneRow> ReadAsync(
        MetricsDbContext db, ExportFilter filter, CultureInfo language, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var milestones = await db.Milestones.AsNoTracking().Include(m => m.Projects).OrderBy(m => m.Date).ThenBy(m => m.Id).ToListAsync(cancellationToken);
        foreach (var m in milestones)
        {
            var end = PartialDate.End(m.Date, m.Precision);
            var projects = m.Projects.Select(p => p.ProjectId).Order(StringComparer.Ordinal).ToList();
            var overlaps = (filter.From is null || end >= filter.From) && (filter.To is null || m.Date <= filter.To);
            if (!overlaps || (filter.ProjectIds.Count > 0 && !projects.Intersect(filter.ProjectIds).Any()))
            {
                continue;
            }

            yield return new MilestoneRow(PartialDate.Format(m.Date, m.Precision), m.Precision.ToString().ToLowerInvariant(), m.Date, end,
                m.Act, m.Id, CatalogText.Pick(language, m.Title, m.TitleZh), CatalogText.Pick(language, m.Description, m.DescriptionZh),
                string.Join(';', projects), m.InEssay, m.UserAdded);
        }

        await Task.CompletedTask;
        cancellationToken.ThrowIfCancellationRequested();
    }
}
