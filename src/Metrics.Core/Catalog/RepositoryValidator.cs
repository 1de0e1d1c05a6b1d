using Metrics.Core.Forges;
using Metrics.Core.Storage.Entities;

namespace Metrics.Core.Catalog;

internal sealed class RepositoryValidator(List<string> errors, IReadOnlyList<ForgeDescriptor> collected)
{
    // Every forge the catalog may name (a forge without a plug-in is listed, not collected), and the plug-ins' aliases.
    private Dictionary<string, Forge> Forges { get; } = Enum.GetValues<Forge>()
        .Select(f => (Name: f.ToString().ToLowerInvariant(), Forge: f))
        .Concat(collected.SelectMany(d => d.Aliases.Select(a => (Name: a.ToLowerInvariant(), d.Forge))))
        .DistinctBy(p => p.Name)
        .ToDictionary(p => p.Name, p => p.Forge, StringComparer.OrdinalIgnoreCase);

    public Repository? Validate(string entry, SeedRepository? seed, Project project)
    {
        if (seed is null)
        {
            errors.Add($"{entry}: the entry is null.");
            return null;
        }

        var before = errors.Count;
        if (!Forges.TryGetValue(seed.Forge ?? "", out var forge))
        {
            errors.Add($"{entry}: field 'forge': unknown forge '{seed.Forge}' (expected one of: {string.Join(", ", Forges.Keys)}).");
        }

        if (string.IsNullOrWhiteSpace(seed.Owner) || seed.Owner.Contains('/'))
        {
            errors.Add($"{entry}: field 'owner' is required and must not contain '/', got '{seed.Owner}'.");
        }

        // A null name is a whole organisation: Hugging Face authors are collected; elsewhere it is kept as a reference.
        var organisation = string.IsNullOrEmpty(seed.Name);

        if (!Enum.TryParse<RepositoryRole>(seed.Role ?? nameof(RepositoryRole.Primary), ignoreCase: true, out var role) || !Enum.IsDefined(role))
        {
            errors.Add($"{entry}: field 'role': unknown role '{seed.Role}' (expected primary, mirror, models or related).");
        }

        if (errors.Count > before)
        {
            return null;
        }

        // Only registered forges have collectors: a repository elsewhere, or an organisation a forge does not collect
        // as a whole, is listed, never queued.
        var descriptor = collected.FirstOrDefault(d => d.Forge == forge);
        var kind = organisation ? RepositoryKind.Organization : descriptor?.NamedKind ?? RepositoryKind.Repository;
        return new Repository
        {
            ProjectId = project.Id,
            Forge = forge,
            Owner = seed.Owner!,
            Name = seed.Name ?? "",
            CatalogName = string.IsNullOrEmpty(seed.Name) ? seed.Owner : $"{seed.Owner}/{seed.Name}",
            Kind = kind,
            Role = role,
            Tracked = project.Tracked && (seed.Tracked ?? true) && descriptor?.Serves(kind) == true,
        };
    }
}
