using System.Text.Json.Nodes;
using Metrics.FakeForge.Core;
using Metrics.FakeForge.World;

namespace Metrics.FakeForge.Gitee;

/// <summary>Gitee v5 shapes: +08:00 timestamps, html_url ending in .git, watchers that are not stars.</summary>
internal static class GiteeJson
{
    public const string Site = "https://gitee.com";

    public static JsonObject User(string api, string login, long id, string? name = null, bool remark = true)
    {
        var u = $"{api}/users/{login}";
        var o = new JsonObject
        {
            ["id"] = id,
            ["login"] = login,
            ["name"] = name ?? login,
            ["avatar_url"] = $"https://foruda.gitee.com/avatar/{id}/{id}_{login}.png",
            ["url"] = u,
            ["html_url"] = $"{Site}/{login}",
        };
        if (remark)
        {
            o["remark"] = "";
        }

        o["followers_url"] = $"{u}/followers";
        o["following_url"] = $"{u}/following_url{{/other_user}}";
        o["gists_url"] = $"{u}/gists{{/gist_id}}";
        o["starred_url"] = $"{u}/starred{{/owner}}{{/repo}}";
        o["subscriptions_url"] = $"{u}/subscriptions";
        o["organizations_url"] = $"{u}/orgs";
        o["repos_url"] = $"{u}/repos";
        o["events_url"] = $"{u}/events{{/privacy}}";
        o["received_events_url"] = $"{u}/received_events";
        o["type"] = "User";
        return o;
    }

    public static JsonObject Release(GiteeRepository repo, GiteeRelease r, string api)
    {
        var assets = new JsonArray();
        foreach (var name in r.Assets)
        {
            assets.Add(new JsonObject { ["browser_download_url"] = $"{Site}/{repo.FullName}/releases/download/{r.Tag}/{name}", ["name"] = name });
        }

        // The source archive Gitee adds to every release has no name.
        assets.Add(new JsonObject { ["browser_download_url"] = $"{Site}/{repo.FullName}/archive/refs/tags/{r.Tag}.zip" });
        return new JsonObject
        {
            ["id"] = r.Id,
            ["tag_name"] = r.Tag,
            ["target_commitish"] = r.TargetCommitish,
            ["prerelease"] = r.Prerelease,
            ["name"] = r.Name,
            ["body"] = $"版本 {r.Tag} 更新说明",
            ["author"] = User(api, r.Author, r.AuthorId),
            ["created_at"] = Times.Gitee(r.CreatedAt),
            ["assets"] = assets,
        };
    }

    public static JsonObject Tag(Tag t) => new()
    {
        ["name"] = t.Name,
        ["message"] = t.Message,
        ["commit"] = new JsonObject { ["sha"] = t.Sha, ["date"] = Times.Gitee(t.Date) },
    };

    /// <summary>A stargazer: UserBasic plus star_at.</summary>
    public static JsonObject Stargazer(string api, GiteeRepository repo, DateTimeOffset at, DateOnly day, int index)
    {
        var h = Det.Hash(repo.Stars.Salt, (ulong)day.DayNumber, (ulong)index, 9);
        var user = User(api, "gitee-fan-" + Det.Hex(h, 8), 10_000_000 + (long)(h % 90_000_000));
        user["star_at"] = Times.Gitee(at);
        return user;
    }
}
