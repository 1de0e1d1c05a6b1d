using Metrics.Core.Storage;
using Metrics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Metrics.Core.Forges.HuggingFace;

/// <summary>
/// One repository row per model of an organisation, made on first sight. The rows are not tracked: the organisation's
/// collection covers them in one listing, so the collection service must not visit each model again.
/// </summary>
internal sealed class HubModelRows(MetricsDbContext db)
{
    /// <summary>The Hub reports this creation time for repositories made before it stored one: it means "unknown".</summary>
    private static readonly DateTimeOffset HubEpoch = new(2022, 3, 2, 23, 29, 4, TimeSpan.Zero);

    public async Task<List<(Repository Row, HubModel Model)>> EnsureAsync(
        Repository organization, IReadOnlyList<HubModel> models, bool simulated, CancellationToken cancellationToken)
    {
        var owner = organization.Owner.ToLowerInvariant();
        var existing = await db.Repositories
            .Where(r => r.Forge == Forge.HuggingFace && r.Kind == RepositoryKind.Model && r.Owner.ToLower() == owner)
            .ToListAsync(cancellationToken);
        var byName = existing.GroupBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var rows = new List<(Repository, HubModel)>();
        foreach (var model in models.DistinctBy(m => m.Id, StringComparer.OrdinalIgnoreCase))
        {
            var (author, name) = Split(model, organization);
            if (!byName.TryGetValue(name, out var row))
            {
                row = new Repository
                {
                    ProjectId = organization.ProjectId,
                    Forge = Forge.HuggingFace,
                    Kind = RepositoryKind.Model,
                    Owner = author,
                    Name = name,
                    Role = RepositoryRole.Models,
                    Tracked = false,
                };
                db.Repositories.Add(row);
                byName[name] = row;
            }

            row.Status = RepositoryStatus.Active;
            row.CreatedAt = model.CreatedAt is { } created && created > HubEpoch ? created.UtcDateTime : row.CreatedAt;
            row.Simulated |= simulated;
            rows.Add((row, model));
        }

        await db.SaveChangesAsync(cancellationToken);
        return rows;
    }

    private static (string Author, string Name) Split(HubModel model, Repository organization)
    {
        var parts = (model.Id ?? "").Split('/', 2);
        return parts is [{ Length: > 0 } author, { Length: > 0 } name] && !name.Contains('/')
            ? (author, name)
            : throw new MalformedAnswerException($"Hugging Face listed a model of {organization.FullName} with the id '{model.Id}', not 'author/name'.");
    }
}
