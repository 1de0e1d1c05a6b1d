using System.Text.Json.Nodes;
using Metrics.FakeForge.Core;
using Metrics.FakeForge.World;

namespace Metrics.FakeForge.GitCode;

/// <summary>GitCode v5 shapes: +08:00 times with milliseconds, string owner ids, no release id or published_at.</summary>
internal static class GitCodeJson
{
    public const string Site = "https://gitcode.com";

    public static JsonObject Repository(GitCodeRepository r, DateTimeOffset now)
    {
        var ns = new JsonObject { ["id"] = r.NamespaceId, ["name"] = r.Owner, ["path"] = r.Owner, ["html_url"] = $"{Site}/{r.Owner}" };
        return new JsonObject
        {
            ["id"] = r.Id,
            ["full_name"] = r.FullName,
            ["human_name"] = $"{r.Owner} / {r.Name}",
            ["path"] = r.Name,
            ["name"] = r.Name,
            ["description"] = r.Description ?? "",
            ["namespace"] = ns,
            ["owner"] = new JsonObject { ["id"] = r.NamespaceId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["login"] = r.Owner, ["name"] = r.Owner, ["type"] = "Organization" },
            ["html_url"] = $"{Site}/{r.FullName}",
            ["ssh_url_to_repo"] = $"git@gitcode.com:{r.FullName}.git",
            ["http_url_to_repo"] = $"{Site}/{r.FullName}.git",
            ["private"] = false,
            ["public"] = true,
            ["fork"] = false,
            ["default_branch"] = "master",
            ["stargazers_count"] = r.Stars.Current(now),
            ["forks_count"] = r.Forks,
            ["watchers_count"] = r.Watchers,
            ["open_issues_count"] = r.OpenIssues,
            ["status"] = "开始",
            ["created_at"] = Times.GitCodeMillis(r.CreatedAt),
            ["updated_at"] = Times.GitCodeMillis(r.PushedAt > r.CreatedAt ? r.PushedAt : r.CreatedAt),
        };
    }

    /// <summary>{id, login, name, avatar_url, starred_at}; the milliseconds are drawn within the star's second.</summary>
    public static JsonObject Stargazer(GitCodeRepository repo, DateTimeOffset at, DateOnly day, int index)
    {
        var h = Det.Hash(repo.Stars.Salt, (ulong)day.DayNumber, (ulong)index, 11);
        var login = "gc-fan-" + Det.Hex(h, 8);
        return new JsonObject
        {
            ["id"] = 100_000 + (long)(h % 9_000_000),
            ["login"] = login,
            ["name"] = login,
            ["avatar_url"] = $"https://cdn-img.gitcode.com/avatar/{login}.png",
            ["starred_at"] = Times.GitCodeMillis(at.AddMilliseconds((double)(h % 1_000))),
        };
    }

    public static JsonObject Contributor(GiteeContributor c) =>
        new() { ["name"] = c.Name, ["email"] = c.Email, ["contributions"] = c.Contributions };

    public static JsonObject Release(GitCodeRepository repo, GiteeRelease r)
    {
        var assets = new JsonArray();
        foreach (var name in r.Assets)
        {
            assets.Add(new JsonObject { ["name"] = name, ["browser_download_url"] = $"{Site}/{repo.FullName}/releases/download/{r.Tag}/{name}", ["id"] = Det.Hex(Det.Of(repo.FullName + r.Tag + name), 12), ["type"] = "attach" });
        }

        assets.Add(new JsonObject { ["name"] = $"{repo.Name}-{r.Tag}.zip", ["browser_download_url"] = $"{Site}/{repo.FullName}/archive/refs/tags/{r.Tag}.zip", ["type"] = "source" });
        return new JsonObject
        {
            ["tag_name"] = r.Tag,
            ["name"] = r.Name,
            ["body"] = $"{r.Tag} 版本说明",
            ["prerelease"] = r.Prerelease,
            ["draft"] = false,
            ["release_status"] = "published",
            ["created_at"] = Times.Gitee(r.CreatedAt),
            ["target_commitish"] = r.TargetCommitish,
            ["author"] = new JsonObject { ["id"] = r.AuthorId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["login"] = r.Author, ["name"] = r.Author, ["type"] = "User" },
            ["assets"] = assets,
        };
    }

    public static JsonObject Tag(Tag t) => new()
    {
        ["name"] = t.Name,
        ["message"] = t.Message,
        ["commit"] = new JsonObject { ["sha"] = t.Sha, ["date"] = Times.GitCodeTag(t.Date) },
        ["tagger"] = new JsonObject { ["name"] = "release-bot", ["email"] = "release-bot@example.invalid", ["date"] = Times.GitCodeTag(t.Date) },
    };

    /// <summary>GitCode's error body: a numeric code, a code name and a message.</summary>
    public static JsonPayload Error(int status, string codeName, string message) => JsonPayload.Json(status, new JsonObject
    {
        ["error_code"] = status,
        ["error_code_name"] = codeName,
        ["error_message"] = message,
        ["trace_id"] = Det.Hex(Det.Of(message), 32),
    });
}
