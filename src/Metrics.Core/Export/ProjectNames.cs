using System.Globalization;
using Metrics.Core.Catalog;
using Metrics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Metrics.Core.Export;

/// <summary>Each project's name in an export's language, looked up once so row streams need no joins.</summary>
public sealed class ProjectNames(IReadOnlyDictionary<string, string> names)
{
    /// <summary>No names: the <c>project_name</c> column stays empty (benchmarks, rows without a database).</summary>
    public static ProjectNames None { get; } = new(new Dictionary<string, string>());

    /// <summary>The name, or an empty cell for an id the catalog does not know.</summary>
    public string Of(string projectId) => names.TryGetValue(projectId, out var name) ? name : "";

    public static async Task<ProjectNames> LoadAsync(MetricsDbContext db, CultureInfo language, CancellationToken cancellationToken)
    {
        var projects = await db.Projects.AsNoTracking().Select(p => new { p.Id, p.Name, p.NameZh }).ToListAsync(cancellationToken);
        return new(projects.ToDictionary(p => p.Id, p => CatalogText.Pick(language, p.Name, p.NameZh), StringComparer.Ordinal));
    }
}
