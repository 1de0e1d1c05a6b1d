using Metrics.FakeForge.World;

namespace Metrics.FakeForge.Truth;

/// <summary>The ground truth in the units the product stores, at the clock's now. Unknown names throw <see cref="KeyNotFoundException"/>.</summary>
public sealed class ForgeTruth(ForgeWorld world, TimeProvider clock)
{
    public StarTruth GitHubStars(string owner, string name) => Stars(GitHub(owner, name).Stars);

    public StarTruth GiteeStars(string owner, string name) => Stars(Gitee(owner, name).Stars);

    public ContributorTruth GitHubContributors(string owner, string name)
    {
        var list = GitHub(owner, name).Contributors;
        return new ContributorTruth(list.Count, list.Count(c => c.IsAnonymous), [.. list.Select(c =>
            new ContributorEntry(c.Login, c.IsAnonymous ? c.Email : null, c.Name, c.Type, c.Contributions))]);
    }

    public ContributorTruth GiteeContributors(string owner, string name)
    {
        var list = Gitee(owner, name).Contributors;
        return new ContributorTruth(list.Count, 0, [.. list.Select(c => new ContributorEntry(null, c.Email, c.Name, "User", c.Contributions))]);
    }

    public ReleaseTruth GitHubReleases(string owner, string name)
    {
        var list = Visibility.Releases(GitHub(owner, name), clock.GetUtcNow(), includeDrafts: false)
            .Select(r => new ReleaseEntry(r.Tag, r.Name, r.Prerelease, r.PublishedAt!.Value, r.Assets.Sum(a => (long)a.DownloadCount)))
            .ToList();
        return new ReleaseTruth(list.Count, list);
    }

    public ReleaseTruth GiteeReleases(string owner, string name)
    {
        var list = Visibility.Releases(Gitee(owner, name), clock.GetUtcNow())
            .Select(r => new ReleaseEntry(r.Tag, r.Name, r.Prerelease, r.CreatedAt, 0))
            .ToList();
        return new ReleaseTruth(list.Count, list);
    }

    public StarTruth GitCodeStars(string owner, string name) => Stars(GitCode(owner, name).Stars);

    public ContributorTruth GitCodeContributors(string owner, string name)
    {
        var list = GitCode(owner, name).Contributors;
        return new ContributorTruth(list.Count, 0, [.. list.Select(c => new ContributorEntry(null, c.Email, c.Name, "User", c.Contributions))]);
    }

    /// <summary>PublishedAt is the release's created_at: GitCode has no other date.</summary>
    public ReleaseTruth GitCodeReleases(string owner, string name)
    {
        var list = GitCode(owner, name).Releases.Where(r => r.CreatedAt <= clock.GetUtcNow())
            .OrderByDescending(r => r.CreatedAt)
            .Select(r => new ReleaseEntry(r.Tag, r.Name, r.Prerelease, r.CreatedAt, 0))
            .ToList();
        return new ReleaseTruth(list.Count, list);
    }

    public HfModelTruth HuggingFaceModel(string org, string name) =>
        Model(world.FindModel(org, name) ?? throw new KeyNotFoundException($"{org}/{name}"));

    public HfOrganizationTruth HuggingFaceOrganization(string org)
    {
        var o = world.FindOrganization(org) ?? throw new KeyNotFoundException(org);
        var items = o.Models.Select(Model).ToList();
        return new HfOrganizationTruth(o.Name, items.Count, items.Sum(i => i.Likes), items.Sum(i => (long)i.Downloads), items.Sum(i => (long)i.DownloadsAllTime), items);
    }

    private HfModelTruth Model(HfModel m)
    {
        var now = clock.GetUtcNow();
        return new HfModelTruth(m.Id, m.Likes.Current(now), m.Downloads.LastDays(now, 30), m.Downloads.Created(now), m.CreatedAt);
    }

    private StarTruth Stars(DailySeries series)
    {
        var now = clock.GetUtcNow();
        var days = series.Days(now).Where(d => d.Count > 0).Select(d => new DayGain(d.Day, d.Count)).ToList();
        return new StarTruth(series.Current(now), days.Sum(d => d.Gained), days);
    }

    private GitHubRepository GitHub(string owner, string name) =>
        world.FindGitHub(owner, name) ?? throw new KeyNotFoundException($"{owner}/{name}");

    private GitCodeRepository GitCode(string owner, string name) =>
        world.FindGitCode(owner, name) ?? throw new KeyNotFoundException($"{owner}/{name}");

    private GiteeRepository Gitee(string owner, string name) =>
        world.FindGitee(owner, name) ?? throw new KeyNotFoundException($"{owner}/{name}");
}
