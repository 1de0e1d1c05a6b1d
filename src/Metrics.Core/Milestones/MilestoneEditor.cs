using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Metrics.Core.Catalog;
using Metrics.Core.Storage;
using Metrics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Metrics.Core.Milestones;

/// <summary>
/// Adds, edits and deletes the milestones users add. The essay's milestones come from the seed files and are never
/// changed here: an edit would be overwritten by the next import, and the essay's text is not ours to rewrite.
/// </summary>
public sealed partial class MilestoneEditor(MetricsDbContext db)
{
    private static readonly string[] Acts = ["", "I", "II", "III", "IV", "V", "VI"];

    public async Task<MilestoneEditResult> AddAsync(MilestoneInput input, CancellationToken cancellationToken)
    {
        var (date, errors) = await ValidateAsync(input, cancellationToken);
        if (errors.Count > 0)
        {
            return MilestoneEditResult.Failed([.. errors]);
        }

        var milestone = new Milestone { Id = NewId(input.Title, date), Title = input.Title.Trim(), UserAdded = true };
        Apply(milestone, input, date);
        db.Milestones.Add(milestone);
        await db.SaveChangesAsync(cancellationToken);
        return MilestoneEditResult.Ok(milestone.Id);
    }

    public async Task<MilestoneEditResult> UpdateAsync(string id, MilestoneInput input, CancellationToken cancellationToken)
    {
        var milestone = await db.Milestones.Include(m => m.Projects).SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (Refusal(milestone, id) is { } refusal)
        {
            return refusal;
        }

        var (date, errors) = await ValidateAsync(input, cancellationToken);
        if (errors.Count > 0)
        {
            return MilestoneEditResult.Failed([.. errors]);
        }

        Apply(milestone!, input, date);
        await db.SaveChangesAsync(cancellationToken);
        return MilestoneEditResult.Ok(id);
    }

    public async Task<MilestoneEditResult> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        var milestone = await db.Milestones.SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (Refusal(milestone, id) is { } refusal)
        {
            return refusal;
        }

        db.Milestones.Remove(milestone!);
        await db.SaveChangesAsync(cancellationToken);
        return MilestoneEditResult.Ok(id);
    }

    private static MilestoneEditResult? Refusal(Milestone? milestone, string id) => milestone switch
    {
        null => MilestoneEditResult.Failed(new MilestoneProblem("There is no milestone '{0}'.", id)),
        { UserAdded: false } => MilestoneEditResult.Failed(new MilestoneProblem(
            "'{0}' is one of the essay's milestones; only milestones added by users can be changed.", CatalogText.Pick(milestone.Title, milestone.TitleZh))),
        _ => null,
    };

    private static void Apply(Milestone milestone, MilestoneInput input, DateOnly date)
    {
        milestone.Title = input.Title.Trim();
        milestone.Date = date;
        milestone.Precision = input.Precision;
        milestone.Act = input.Act.Trim();
        milestone.Description = input.Description.Trim();
        milestone.TitleZh = Optional(input.TitleZh);
        milestone.DescriptionZh = Optional(input.DescriptionZh);
        var wanted = input.ProjectIds.Distinct().ToHashSet();
        milestone.Projects.RemoveAll(p => !wanted.Contains(p.ProjectId));
        foreach (var projectId in wanted.Where(p => milestone.Projects.All(x => x.ProjectId != p)))
        {
            milestone.Projects.Add(new MilestoneProject { MilestoneId = milestone.Id, ProjectId = projectId });
        }
    }

    private async Task<(DateOnly Date, List<MilestoneProblem> Errors)> ValidateAsync(MilestoneInput input, CancellationToken cancellationToken)
    {
        var errors = new List<MilestoneProblem>();
        if (string.IsNullOrWhiteSpace(input.Title) || input.Title.Trim().Length > MilestoneLimits.Title)
        {
            errors.Add(new("A title is required (at most {0} characters).", MilestoneLimits.Title));
        }

        if (input.Description.Trim().Length is var length && length > MilestoneLimits.Description)
        {
            errors.Add(new("The description is {0} characters long; at most {1} are allowed.", length, MilestoneLimits.Description));
        }

        if (Optional(input.TitleZh) is { Length: var titleZh } && titleZh > MilestoneLimits.Title)
        {
            errors.Add(new("The Chinese title is {0} characters long; at most {1} are allowed.", titleZh, MilestoneLimits.Title));
        }

        if (Optional(input.DescriptionZh) is { Length: var descriptionZh } && descriptionZh > MilestoneLimits.Description)
        {
            errors.Add(new("The Chinese description is {0} characters long; at most {1} are allowed.", descriptionZh, MilestoneLimits.Description));
        }

        var date = PartialDate.Parse(input.Date?.Trim(), input.Precision, out var dateError);
        if (dateError is not null)
        {
            // One sentence per precision, so that the precision's name is translated with it.
            errors.Add(new(input.Precision switch
            {
                DatePrecision.Year => "Date: '{0}' is not a valid date for precision 'year' (expected YYYY).",
                DatePrecision.Month => "Date: '{0}' is not a valid date for precision 'month' (expected YYYY-MM).",
                _ => "Date: '{0}' is not a valid date for precision 'day' (expected YYYY-MM-DD).",
            }, input.Date?.Trim() ?? ""));
        }

        if (!Acts.Contains(input.Act.Trim()))
        {
            errors.Add(new("Act must be empty or one of I, II, III, IV, V, VI."));
        }

        var ids = input.ProjectIds.Distinct().ToList();
        var known = await db.Projects.Where(p => ids.Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken);
        errors.AddRange(ids.Except(known).Select(id => new MilestoneProblem("There is no project '{0}'.", id)));
        return (date ?? default, errors);
    }

    private static string? Optional(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string NewId(string title, DateOnly date)
    {
        var slug = Slug().Replace(title.Trim().ToLowerInvariant(), "-").Trim('-');
        slug = slug.Length > 40 ? slug[..40].TrimEnd('-') : slug;
        var suffix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));
        return $"user-{date:yyyyMMdd}-{(slug.Length == 0 ? "milestone" : slug)}-{suffix}";
    }

    [GeneratedRegex("[^a-z0-9]+", RegexOptions.CultureInvariant)]
    private static partial Regex Slug();
}
