using System.Runtime.CompilerServices;
using CsvHelper;
using Metrics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Metrics.Core.Export;

/// <summary>A release or a bare tag (no release object, so no date).</summary>
public sealed record ReleaseRow(
    DateOnly? Date, string Project, string Forge, string Repository, string Tag, string? Name, bool Prerelease, bool IsRelease,
    DateTime? PublishedAt, long? Downloads, bool Simulated = false);

/// <remarks><c>project_name</c>, in the export's language, comes last (see <see cref="TidyRowMap"/>).</remarks>
public sealed class ReleaseRowMap(ProjectNames names) : ICsvRowMap<ReleaseRow>
{
    public static readonly ReleaseRowMap Instance = new(ProjectNames.None);

    public IReadOnlyList<string> Header { get; } =
        ["date", "project", "forge", "repository", "tag", "name", "prerelease", "is_release", "published_at", "downloads", "simulated", "project_name"];

    public void Write(CsvWriter writer, ReleaseRow row)
    {
        writer.WriteDate(row.Date);
        writer.WriteField(row.Project);
        writer.WriteField(row.Forge);
        writer.WriteField(row.Repository);
        writer.WriteField(row.Tag);
        writer.WriteField(row.Name ?? "");
        writer.WriteBool(row.Prerelease);
        writer.WriteBool(row.IsRelease);
        writer.WriteTime(row.PublishedAt);
        writer.WriteNumber(row.Downloads);
        writer.WriteBool(row.Simulated);
        writer.WriteField(names.Of(row.Project));
    }
}

internal static class ReleaseRows
{
    public static async IAsyncEnumerable<ReleaseRow> ReadAsync(MetricsDbContext db, ExportFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var repositories = await ExportRepositories.LoadAsync(db, filter, cancellationToken);
        var query = db.Releases.AsNoTracking();
        if (filter.ProjectIds.Count > 0)
        {
            var ids = repositories.Keys.ToList();
            query = query.Where(r => ids.Contains(r.RepositoryId));
        }

        await foreach (var release in query.OrderBy(r => r.RepositoryId).ThenBy(r => r.PublishedAt).ThenBy(r => r.Tag).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var day = release.PublishedAt is { } at ? DateOnly.FromDateTime(at) : (DateOnly?)null;
            if (!repositories.TryGetValue(release.RepositoryId, out var repository) || (day is { } d && !filter.Includes(d)) || (day is null && (filter.From ?? filter.To) is not null))
            {
                continue;
            }

            yield return new ReleaseRow(day, repository.ProjectId, repository.Forge, repository.FullName, release.Tag, release.Name,
                release.Prerelease, release.IsRelease, release.PublishedAt, release.Downloads, repository.Simulated);
        }
    }
}
