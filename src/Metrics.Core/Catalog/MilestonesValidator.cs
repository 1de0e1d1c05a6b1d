using Metrics.Core.Milestones;
using Metrics.Core.Storage.Entities;

namespace Metrics.Core.Catalog;

internal sealed class MilestonesValidator(string file, List<string> errors, IReadOnlySet<string> projectIds)
{
    public List<Milestone> Validate(MilestonesDocument document)
    {
        var result = new List<Milestone>();
        if (document.Milestones is null)
        {
            errors.Add($"{file}: field 'milestones' is missing; expected an array of milestones.");
            return result;
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < document.Milestones.Count; i++)
        {
            var seed = document.Milestones[i];
            var entry = $"{file}: milestone #{i + 1}" + (seed?.Id is { Length: > 0 } id ? $" '{id}'" : "");
            if (seed is null)
            {
                errors.Add($"{entry}: the entry is null.");
                continue;
            }

            var milestone = Read(entry, seed, ids);
            if (milestone is not null)
            {
                result.Add(milestone);
            }
        }

        return result;
    }

    private Milestone? Read(string entry, SeedMilestone seed, HashSet<string> ids)
    {
        var before = errors.Count;
        if (string.IsNullOrWhiteSpace(seed.Id))
        {
            errors.Add($"{entry}: field 'id' is required.");
        }
        else if (!ids.Add(seed.Id))
        {
            errors.Add($"{entry}: field 'id': duplicate id '{seed.Id}'.");
        }

        if (string.IsNullOrWhiteSpace(seed.Title))
        {
            errors.Add($"{entry}: field 'title' is required.");
        }
        else
        {
            CheckLength(entry, "title", seed.Title, MilestoneLimits.Title);
        }

        if (seed.TitleZh is not null && string.IsNullOrWhiteSpace(seed.TitleZh))
        {
            errors.Add($"{entry}: field 'titleZh' is empty; leave it out when there is no Chinese title.");
        }

        CheckLength(entry, "titleZh", seed.TitleZh, MilestoneLimits.Title);
        CheckLength(entry, "description", seed.Description, MilestoneLimits.Description);
        CheckLength(entry, "descriptionZh", seed.DescriptionZh, MilestoneLimits.Description);

        DateOnly? date = null;
        if (!PartialDate.TryParsePrecision(seed.Precision, out var precision))
        {
            errors.Add($"{entry}: field 'precision' must be 'day', 'month' or 'year', got '{seed.Precision}'.");
        }
        else
        {
            date = PartialDate.Parse(seed.Date, precision, out var error);
            if (error is not null)
            {
                errors.Add($"{entry}: field 'date': {error}.");
            }
        }

        var projects = (seed.Projects ?? []).Distinct().ToList();
        foreach (var project in projects.Where(p => p is null || !projectIds.Contains(p)))
        {
            errors.Add($"{entry}: field 'projects': unknown project '{project}' (not in {SeedReader.ProjectsFile}).");
        }

        if (errors.Count > before || date is null)
        {
            return null;
        }

        return new Milestone
        {
            Id = seed.Id!,
            Date = date.Value,
            Precision = precision,
            Title = seed.Title!,
            TitleZh = seed.TitleZh,
            Description = seed.Description ?? "",
            DescriptionZh = string.IsNullOrWhiteSpace(seed.DescriptionZh) ? null : seed.DescriptionZh,
            Act = seed.Act ?? "",
            InEssay = seed.InEssay ?? true,
            Approximate = seed.Approximate ?? false,
            Projects = [.. projects.Select(p => new MilestoneProject { MilestoneId = seed.Id!, ProjectId = p! })],
        };
    }

    private void CheckLength(string entry, string field, string? text, int limit)
    {
        if (text is { Length: var length } && length > limit)
        {
            errors.Add($"{entry}: field '{field}' is {length} characters long; at most {limit} are allowed.");
        }
    }
}
