using System.Text.RegularExpressions;
using Metrics.Core.Forges;
using Metrics.Core.Localization;
using Metrics.Core.Storage;
using Metrics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Metrics.Web.Admin;

/// <summary>
/// Tracks a repository a user names, or stops tracking one. Nothing is deleted: an untracked repository keeps its
/// history and stops being collected. Repositories added here have no catalog name, so a seed import leaves them alone.
/// A refusal is a <see cref="Phrase"/> (a key of <c>Resources/Admin/AdminEndpoints.zh-CN.resx</c>) naming the field
/// and the value, so the page can say it in the reader's language.
/// </summary>
public sealed partial class RepositoryEditor(MetricsDbContext db, ForgeRegistry forges)
{
    /// <summary>How much of a refused value a message repeats: enough to recognise it, never a whole oversized post.</summary>
    private const int Shown = 100;

    public async Task<Phrase?> AddAsync(string projectId, string? forgeName, string? fullName, string? roleName, CancellationToken cancellationToken)
    {
        if (!await db.Projects.AnyAsync(p => p.Id == projectId, cancellationToken))
        {
            return new Phrase("There is no project '{0}'.", Clip(projectId));
        }

        if (forges.Find(forgeName) is not { } descriptor)
        {
            return new Phrase("Forge: '{0}' is not a forge the dashboard knows; choose one of {1}.",
                Clip(forgeName), string.Join(" / ", forges.All.Select(d => d.DisplayName)));
        }

        var role = RepositoryRole.Related;
        if (!string.IsNullOrWhiteSpace(roleName) && (!Enum.TryParse(roleName, true, out role) || !Enum.IsDefined(role)))
        {
            return new Phrase("Role: '{0}' is not a role; choose primary, mirror, models or related.", Clip(roleName));
        }

        var parts = (fullName ?? "").Trim().Split('/');
        var organisation = descriptor.Organisations && parts.Length == 1;
        if (!(parts.Length == 2 || organisation) || !parts.All(p => Name().IsMatch(p)))
        {
            return descriptor.Organisations
                ? new Phrase("Repository: '{0}' is not a name on {1}; give it as owner/name, or an organisation alone.", Clip(fullName), descriptor.Forge)
                : new Phrase("Repository: '{0}' is not a repository name on {1}; give it as owner/name.", Clip(fullName), descriptor.Forge);
        }

        var owner = parts[0];
        var name = parts.Length == 2 ? parts[1] : "";
        var existing = await db.Repositories.Where(r => r.Forge == descriptor.Forge && r.Owner == owner && r.Name == name)
            .Select(r => r.ProjectId).FirstOrDefaultAsync(cancellationToken);
        if (existing is not null)
        {
            return new Phrase("Repository: {0} {1} is already in the catalog, under project '{2}'; track it from that project's page.",
                descriptor.Forge, string.Join('/', parts), existing);
        }

        db.Repositories.Add(new Repository
        {
            ProjectId = projectId, Forge = descriptor.Forge, Owner = owner, Name = name, Role = role, Tracked = true,
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

    private static string Clip(string? value) => value is null ? "" : value.Length <= Shown ? value : value[..Shown] + "…";

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$", RegexOptions.CultureInvariant)]
    private static partial Regex Name();
}
