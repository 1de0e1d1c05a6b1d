using System.Runtime.CompilerServices;
using CsvHelper;
using Metrics.Core.Series;
using Metrics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Metrics.Core.Export;

/// <summary>
/// A contributor as the forge listed them. Anonymous contributors have no login; their name is what git recorded,
/// with any e-mail address removed. The stored key of an anonymous contributor (a hash of the e-mail) is not exported.
/// </summary>
public sealed record ContributorRow(
    string Project, string Forge, string Repository, string Login, string Name, bool Anonymous, bool Bot, long Contributions,
    DateOnly FirstSeen, DateOnly? FirstContributionWeek, bool Simulated = false);

/// <remarks><c>project_name</c>, in the export's language, comes last (see <see cref="TidyRowMap"/>).</remarks>
public sealed class ContributorRowMap(ProjectNames names) : ICsvRowMap<ContributorRow>
{
    public static readonly ContributorRowMap Instance = new(ProjectNames.None);

    public IReadOnlyList<string> Header { get; } =
        ["project", "forge", "repository", "login", "name", "anonymous", "bot", "contributions", "first_seen", "first_contribution_week", "simulated", "project_name"];

    public void Write(CsvWriter writer, ContributorRow row)
    {
        writer.WriteField(row.Project);
        writer.WriteField(row.Forge);
        writer.WriteField(row.Repository);
        writer.WriteField(row.Login);
        writer.WriteField(row.Name);
        writer.WriteBool(row.Anonymous);
        writer.WriteBool(row.Bot);
        writer.WriteNumber(row.Contributions);
        writer.WriteDate(row.FirstSeen);
        writer.WriteDate(row.FirstContributionWeek);
        writer.WriteBool(row.Simulated);
        writer.WriteField(names.Of(row.Project));
    }
}

internal static class ContributorRows
{
    public static async IAsyncEnumerable<ContributorRow> ReadAsync(MetricsDbContext db, ExportFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var repositories = await ExportRepositories.LoadAsync(db, filter, cancellationToken);
        var query = db.Contributors.AsNoTracking();
        if (filter.ProjectIds.Count > 0)
        {
            var ids = repositories.Keys.ToList();
            query = query.Where(c => ids.Contains(c.RepositoryId));
        }

        var ordered = query.OrderBy(c => c.RepositoryId).ThenByDescending(c => c.Contributions).ThenBy(c => c.Key);
        await foreach (var c in ordered.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (!repositories.TryGetValue(c.RepositoryId, out var repository))
            {
                continue;
            }

            var name = PersonalData.WithoutEmails(c.DisplayName) ?? "";
            yield return new ContributorRow(repository.ProjectId, repository.Forge, repository.FullName, PersonalData.HasLogin(c.Key, c.Anonymous) ? c.Key : "",
                name, c.Anonymous, c.Bot, c.Contributions, c.FirstSeen, c.FirstContributionWeek, repository.Simulated);
        }
    }
}
