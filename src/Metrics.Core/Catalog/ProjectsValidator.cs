using Metrics.Core.Forges;
using System.Text.RegularExpressions;
using Metrics.Core.Storage.Entities;

namespace Metrics.Core.Catalog;

internal sealed partial class ProjectsValidator(string file, List<string> errors, IReadOnlyList<ForgeDescriptor> forges)
{
    public List<Project> Validate(ProjectsDocument document)
    {
        var result = new List<Project>();
        if (document.Projects is null)
        {
            errors.Add($"{file}: field 'projects' is missing; expected an array of projects.");
            return result;
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        var coordinates = new Dictionary<(Forge, string, string), string>();
        for (var i = 0; i < document.Projects.Count; i++)
        {
            var seed = document.Projects[i];
            var entry = $"{file}: project #{i + 1}" + (seed?.Id is { Length: > 0 } id ? $" '{id}'" : "");
            if (seed is null)
            {
                errors.Add($"{entry}: the entry is null.");
                continue;
            }

            if (string.IsNullOrWhiteSpace(seed.Id) || !Slug().IsMatch(seed.Id))
            {
                errors.Add($"{entry}: field 'id' must be a lowercase slug (a-z, 0-9, '-', '.'), got '{seed.Id}'.");
            }
            else if (!ids.Add(seed.Id))
            {
                errors.Add($"{entry}: field 'id': duplicate id '{seed.Id}'.");
            }

            if (string.IsNullOrWhiteSpace(seed.Name))
            {
                errors.Add($"{entry}: field 'name' is required.");
            }

            CheckName(entry, "name", seed.Name);
            if (seed.NameZh is not null && string.IsNullOrWhiteSpace(seed.NameZh))
            {
                errors.Add($"{entry}: field 'nameZh' is empty; leave it out when the project has no Chinese name.");
            }

            CheckName(entry, "nameZh", seed.NameZh);
            if (seed.DescriptionZh is not null && string.IsNullOrWhiteSpace(seed.DescriptionZh))
            {
                errors.Add($"{entry}: field 'descriptionZh' is empty; leave it out when there is no Chinese description.");
            }

            CheckLength(entry, "description", seed.Description, ProjectLimits.Description);
            CheckLength(entry, "descriptionZh", seed.DescriptionZh, ProjectLimits.Description);

            var project = new Project
            {
                Id = seed.Id ?? "",
                Name = seed.Name ?? "",
                NameZh = string.IsNullOrWhiteSpace(seed.NameZh) ? null : seed.NameZh,
                Category = seed.Category ?? "",
                Act = seed.Act ?? "",
                Description = seed.Description ?? "",
                DescriptionZh = string.IsNullOrWhiteSpace(seed.DescriptionZh) ? null : seed.DescriptionZh,
                Tracked = seed.Tracked ?? false,
            };
            ReadFirstPublic(entry, seed.FirstPublic, project);
            var repositories = seed.Repositories ?? [];
            for (var r = 0; r < repositories.Count; r++)
            {
                var repository = new RepositoryValidator(errors, forges).Validate($"{entry}: repositories[{r}]", repositories[r], project);
                if (repository is null)
                {
                    continue;
                }

                var key = (repository.Forge, repository.Owner.ToLowerInvariant(), repository.Name.ToLowerInvariant());
                if (coordinates.TryGetValue(key, out var other))
                {
                    errors.Add($"{entry}: repositories[{r}]: {repository.Forge} '{repository.FullName}' is already listed by project '{other}'.");
                    continue;
                }

                coordinates[key] = project.Id;
                project.Repositories.Add(repository);
            }

            result.Add(project);
        }

        return result;
    }

    private void CheckName(string entry, string field, string? name) => CheckLength(entry, field, name, ProjectLimits.Name);

    private void CheckLength(string entry, string field, string? text, int limit)
    {
        if (text is { Length: var length } && length > limit)
        {
            errors.Add($"{entry}: field '{field}' is {length} characters long; at most {limit} are allowed.");
        }
    }

    private void ReadFirstPublic(string entry, SeedDate? seed, Project project)
    {
        if (seed is null)
        {
            return;
        }

        if (!PartialDate.TryParsePrecision(seed.Precision, out var precision))
        {
            errors.Add($"{entry}: field 'firstPublic.precision' must be 'day', 'month' or 'year', got '{seed.Precision}'.");
            return;
        }

        project.FirstPublicDate = PartialDate.Parse(seed.Date, precision, out var error);
        project.FirstPublicPrecision = precision;
        if (error is not null)
        {
            errors.Add($"{entry}: field 'firstPublic.date': {error}.");
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]*$")]
    private static partial Regex Slug();
}
