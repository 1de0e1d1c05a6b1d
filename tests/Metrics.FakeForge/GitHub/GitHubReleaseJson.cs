using System.Text.Json.Nodes;
using Metrics.FakeForge.Core;
using Metrics.FakeForge.World;

namespace Metrics.FakeForge.GitHub;

internal static class GitHubReleaseJson
{
    public static JsonObject Release(GitHubRepository repo, Release r, string api)
    {
        var self = $"{api}/repos/{repo.FullName}/releases/{r.Id}";
        var author = GitHubUsers.Simple(api, r.Author, r.AuthorId, r.Author.EndsWith("[bot]", StringComparison.Ordinal) ? "Bot" : "User");
        var assets = new JsonArray();
        foreach (var a in r.Assets)
        {
            assets.Add(new JsonObject
            {
                ["url"] = $"{api}/repos/{repo.FullName}/releases/assets/{a.Id}",
                ["browser_download_url"] = $"https://github.com/{repo.FullName}/releases/download/{r.Tag}/{a.Name}",
                ["id"] = a.Id,
                ["node_id"] = GitHubUsers.NodeId("ReleaseAsset", a.Id),
                ["name"] = a.Name,
                ["label"] = "",
                ["state"] = "uploaded",
                ["content_type"] = a.ContentType,
                ["size"] = a.Size,
                ["digest"] = "sha256:" + Det.Hex(Det.Hash((ulong)a.Id, 5), 64),
                ["download_count"] = a.DownloadCount,
                ["created_at"] = Times.GitHub(r.CreatedAt),
                ["updated_at"] = Times.GitHub(r.CreatedAt),
                ["uploader"] = author.DeepClone(),
            });
        }

        return new JsonObject
        {
            ["url"] = self,
            ["html_url"] = $"https://github.com/{repo.FullName}/releases/tag/{r.Tag}",
            ["assets_url"] = $"{self}/assets",
            ["upload_url"] = $"https://uploads.github.com/repos/{repo.FullName}/releases/{r.Id}/assets{{?name,label}}",
            ["tarball_url"] = r.Draft ? null : $"{api}/repos/{repo.FullName}/tarball/{r.Tag}",
            ["zipball_url"] = r.Draft ? null : $"{api}/repos/{repo.FullName}/zipball/{r.Tag}",
            ["id"] = r.Id,
            ["node_id"] = GitHubUsers.NodeId("Release", r.Id),
            ["tag_name"] = r.Tag,
            ["target_commitish"] = repo.DefaultBranch,
            ["name"] = r.Name,
            ["body"] = $"Changes in {r.Tag}.",
            ["draft"] = r.Draft,
            ["prerelease"] = r.Prerelease,
            ["immutable"] = false,
            ["created_at"] = Times.GitHub(r.CreatedAt),
            ["published_at"] = r.PublishedAt is { } p ? Times.GitHub(p) : null,
            ["author"] = author,
            ["assets"] = assets,
        };
    }

    public static JsonObject Tag(GitHubRepository repo, Tag t, string api) => new()
    {
        ["name"] = t.Name,
        ["commit"] = new JsonObject { ["sha"] = t.Sha, ["url"] = $"{api}/repos/{repo.FullName}/commits/{t.Sha}" },
        ["zipball_url"] = $"{api}/repos/{repo.FullName}/zipball/refs/tags/{t.Name}",
        ["tarball_url"] = $"{api}/repos/{repo.FullName}/tarball/refs/tags/{t.Name}",
        ["node_id"] = GitHubUsers.NodeId("Ref", repo.Id + ":" + t.Name),
    };

    public static JsonObject Contributor(Contributor c, string api)
    {
        if (c.IsAnonymous)
        {
            return new JsonObject { ["email"] = c.Email, ["name"] = c.Name, ["type"] = "Anonymous", ["contributions"] = c.Contributions };
        }

        var user = GitHubUsers.Simple(api, c.Login!, c.Id ?? 0, c.Type);
        user["contributions"] = c.Contributions;
        return user;
    }
}
