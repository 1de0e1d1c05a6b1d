using Metrics.Core.Storage.Entities;

namespace Metrics.Core.Forges.HuggingFace;

/// <summary>
/// Daily likes and downloads of models. The Hub keeps no history, so every series starts on the first collection day.
/// An organisation costs one listing (expand[] brings likes and both download counts), which also brings each of its
/// models with their figures (members, stored as untracked rows) and the organisation's totals; a single tracked model
/// costs one request. Star history, contributors and releases: none.
/// </summary>
internal sealed class HuggingFaceForgeClient(HubReader reader) : IForgeClient
{
    /// <summary>The Hub reports this creation time for repositories made before it stored one: it means "unknown".</summary>
    private static readonly DateTimeOffset HubEpoch = new(2022, 3, 2, 23, 29, 4, TimeSpan.Zero);

    public async Task<RepositoryFacts> ReadRepositoryAsync(RepositoryRef repository, CancellationToken cancellationToken)
    {
        if (repository.Kind != RepositoryKind.Organization)
        {
            return new RepositoryFacts(Figures(await reader.ModelAsync(repository, cancellationToken)));
        }

        var models = await reader.ListAsync(repository, cancellationToken);
        if (models.Count == 0)
        {
            throw new RepositoryUnavailableException(RepositoryStatus.NotFound,
                $"Hugging Face lists no public models by {repository.Owner}: its stored data is kept.");
        }

        var members = models.DistinctBy(m => m.Id, StringComparer.OrdinalIgnoreCase).Select(m => Member(m, repository)).ToList();
        return new RepositoryFacts(new SnapshotFigures
        {
            Likes = Total(members, m => m.Likes),
            Downloads30d = Total(members, m => m.Downloads30d),
            DownloadsAllTime = Total(members, m => m.DownloadsAllTime),
        })
        {
            Members = members,
        };
    }

    public IAsyncEnumerable<StarDaysChunk> ReadStarHistoryAsync(RepositoryRef repository, StarHistoryState state, CancellationToken cancellationToken) =>
        AsyncEnumerable.Empty<StarDaysChunk>();

    public Task<ContributorsRead?> ReadContributorsAsync(RepositoryRef repository, CancellationToken cancellationToken) => Task.FromResult<ContributorsRead?>(null);

    public Task<ReleasesRead?> ReadReleasesAsync(RepositoryRef repository, CancellationToken cancellationToken) => Task.FromResult<ReleasesRead?>(null);

    private static SnapshotFigures Figures(HubModel model) => new()
    {
        Likes = model.Likes,
        Downloads30d = model.Downloads,
        DownloadsAllTime = model.DownloadsAllTime,
    };

    private static MemberFacts Member(HubModel model, RepositoryRef organization)
    {
        var parts = (model.Id ?? "").Split('/', 2);
        if (parts is not [{ Length: > 0 } author, { Length: > 0 } name] || name.Contains('/'))
        {
            throw new MalformedAnswerException($"Hugging Face listed a model of {organization.FullName} with the id '{model.Id}', not 'author/name'.");
        }

        var created = model.CreatedAt is { } at && at > HubEpoch ? at.UtcDateTime : (DateTime?)null;
        return new MemberFacts(RepositoryKind.Model, author, name, created, Figures(model));
    }

    // A total missing one model's figure would be a silent undercount: better no total than a wrong one.
    private static long? Total(List<MemberFacts> members, Func<SnapshotFigures, long?> value) =>
        members.All(m => value(m.Snapshot) is not null) ? members.Sum(m => value(m.Snapshot)!.Value) : null;
}
