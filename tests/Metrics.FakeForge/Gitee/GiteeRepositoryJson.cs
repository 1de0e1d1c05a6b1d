using System.Text.Json.Nodes;
using Metrics.FakeForge.Core;
using Metrics.FakeForge.World;

namespace Metrics.FakeForge.Gitee;

/// <summary>The Project shape of GET /repos/{owner}/{repo}, in Gitee's field order.</summary>
internal static class GiteeRepositoryJson
{
    private static readonly (string Field, string Suffix)[] ApiUrls =
    [
        ("forks_url", "/forks"), ("keys_url", "/keys{/key_id}"), ("collaborators_url", "/collaborators{/collaborator}"), ("hooks_url", "/hooks"),
        ("branches_url", "/branches{/branch}"), ("tags_url", "/tags"), ("blobs_url", "/blobs{/sha}"), ("stargazers_url", "/stargazers"),
        ("contributors_url", "/contributors"), ("commits_url", "/commits{/sha}"), ("comments_url", "/comments{/number}"),
        ("issue_comment_url", "/issues/comments{/number}"), ("issues_url", "/issues{/number}"), ("pulls_url", "/pulls{/number}"),
        ("milestones_url", "/milestones{/number}"), ("notifications_url", "/notifications{?since,all,participating}"),
        ("labels_url", "/labels{/name}"), ("releases_url", "/releases{/id}"),
    ];

    public static JsonObject Build(GiteeRepository r, string api, DateTimeOffset now, string cloneUrl)
    {
        var self = $"{api}/repos/{r.FullName}";
        var ns = r.NamespaceName ?? r.Owner;
        var admin = r.Owner + "_admin";
        var o = new JsonObject
        {
            ["id"] = r.Id,
            ["full_name"] = r.FullName,
            ["human_name"] = $"{ns}/{r.Name}",
            ["url"] = self,
            ["namespace"] = new JsonObject { ["id"] = r.NamespaceId, ["type"] = "group", ["name"] = ns, ["path"] = r.Owner, ["html_url"] = $"{GiteeJson.Site}/{r.Owner}" },
            ["path"] = r.Name,
            ["name"] = r.Name,
            ["owner"] = GiteeJson.User(api, admin, r.NamespaceId + 1, r.Owner, remark: false),
            ["description"] = r.Description ?? "",
            ["private"] = false,
            ["public"] = true,
            ["internal"] = false,
            ["fork"] = false,
            ["html_url"] = cloneUrl,
            ["ssh_url"] = $"git@gitee.com:{r.FullName}.git",
        };
        foreach (var (field, suffix) in ApiUrls)
        {
            o[field] = self + suffix;
        }

        o["recommend"] = false;
        o["homepage"] = "";
        o["language"] = null;
        o["forks_count"] = r.Forks;
        o["stargazers_count"] = r.Stars.Current(now);
        o["watchers_count"] = r.Watchers;
        o["default_branch"] = "master";
        o["open_issues_count"] = r.OpenIssues;
        o["has_issues"] = true;
        o["has_wiki"] = true;
        o["issue_comment"] = false;
        o["can_comment"] = false;
        o["pull_requests_enabled"] = true;
        o["has_page"] = false;
        o["license"] = r.License;
        o["outsourced"] = false;
        o["project_creator"] = admin;
        o["members"] = new JsonArray(admin, r.Owner + "_ci");
        o["pushed_at"] = Times.Gitee(r.PushedAt);
        o["created_at"] = Times.Gitee(r.CreatedAt);
        o["updated_at"] = Times.Gitee(r.PushedAt > r.CreatedAt ? r.PushedAt : r.CreatedAt);
        o["parent"] = null;
        o["paas"] = null;
        o["assignees_number"] = 1;
        o["testers_number"] = 1;
        o["assignee"] = new JsonArray(GiteeJson.User(api, admin, r.NamespaceId + 1, r.Owner, remark: false));
        o["testers"] = new JsonArray(GiteeJson.User(api, r.Owner + "_ci", r.NamespaceId + 2, remark: false));
        return o;
    }
}
