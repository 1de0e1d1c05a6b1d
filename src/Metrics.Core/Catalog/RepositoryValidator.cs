using Metrics.Core.Storage.Entities;

namespace Metrics.Core.Catalog;

internal sealed class RepositoryValidator(List<string> errors)
{
    private static readonly Dictionary<string, Forge> Forges = new(StringComparer.OrdinalIgnoreCase)
    {
        ["github"] = Forge.GitHub,
        ["gitee"] = Forge.Gitee,
        ["huggingface"] = Forge.HuggingFace,
        ["gitcode"] = Forge.GitCode,
    };

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

        return new Repository
        {
            ProjectId = project.Id,
            Forge = forge,
            Owner = seed.Owner!,
            Name = seed.Name ?? "",
            CatalogName = string.IsNullOrEmpty(seed.Name) ? seed.Owner : $"{seed.Owner}/{seed.Name}",
            Kind = organisation ? RepositoryKind.Organization : forge == Forge.HuggingFace ? RepositoryKind.Model : RepositoryKind.Repository,
            Role = role,
            Tracked = project.Tracked && (seed.Tracked ?? true) && IsCollectable(forge, organisation),
        };
    }

    // Only these have collectors: a GitCode repository or a GitHub organisation is listed, never queued.
    private static bool IsCollectable(Forge forge, bool organisation) =>
        organisation ? forge == Forge.HuggingFace : forge is Forge.GitHub or Forge.Gitee or Forge.HuggingFace;
}
