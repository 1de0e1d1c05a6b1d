using System.Text.RegularExpressions;
using Metrics.Core.Forges;
using Metrics.Core.Storage;
using Metrics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Metrics.Web.Admin;

/// <summary>
/// Tracks a repository a user names, or stops tracking one. Nothing is deleted: an untracked repository keeps its
/// history and stops being collected. Repositories added here have no catalog name, so a seed import leaves them alone.
/// </summary>
public sealed partial class RepositoryEditor(MetricsDbContext db, ForgeRegistry forges)
{
    public async Task<string?> AddAsync(string projectId, Forge forge, string fullName, RepositoryRole role, CancellationToken cancellationToken)
    {
        if (!await db.Projects.AnyAsync(p => p.Id == projectId, cancellationToken))
        {
            return $"There is no project '{projectId}'.";
        }

        var parts = fullName.Trim().Split('/');
        var descriptor = forges.Find(forge);
        var organisation = descriptor?.Organisations == true && parts.Length == 1;
        if (descriptor is null || !(parts.Length == 2 || organisation) || !parts.All(p => Name().IsMatch(p)))
        {
            var organisations = forges.All.Where(d => d.Organisations).Select(d => d.DisplayName).ToList();
            return $"Give the repository as owner/name{(organisations.Count > 0 ? $" (a {string.Join(" or ", organisations)} organisation may be given alone)" : "")}, " +
                $"on {string.Join(", ", forges.All.Select(d => d.DisplayName))}.";
        }

        var owner = parts[0];
        var name = parts.Length == 2 ? parts[1] : "";
        if (await db.Repositories.AnyAsync(r => r.Forge == forge && r.Owner == owner && r.Name == name, cancellationToken))
        {
            return $"{fullName} is already in the catalog; track it from its project's page.";
        }

        db.Repositories.Add(new Repository
        {
            ProjectId = projectId, Forge = forge, Owner = owner, Name = name, Role = role, Tracked = true,
            Kind = organisation ? RepositoryKind.Organization : descriptor.NamedKind,
        });
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    public async Task<bool> SetTrackedAsync(int repositoryId, bool tracked, CancellationToken cancellationToken)
    {
        var changed = await db.Repositories.Where(r => r.Id == repositoryId).ExecuteUpdateAsync(u => u
            .SetProperty(r => r.Tracked, tracked)
            .SetProperty(r => r.TrackedByUser, tracked), cancellationToken);
        // After the update, never before it: a chart built in between is filed under the old stamp and never served again.
        await DataStamps.BumpAsync(db, cancellationToken);
        return changed > 0;
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$", RegexOptions.CultureInvariant)]
    private static partial Regex Name();
}
