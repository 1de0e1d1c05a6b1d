using System.Text.Json.Nodes;
using Metrics.FakeForge.Core;
using Metrics.FakeForge.World;

namespace Metrics.FakeForge.GitHub;

/// <summary>The full-repository shape of GET /repos/{owner}/{repo}, field for field and in GitHub's order.</summary>
internal static class GitHubRepositoryJson
{
    private static readonly (string Field, string Suffix)[] Templates =
    [
        ("archive_url", "/{archive_format}{/ref}"), ("assignees_url", "/assignees{/user}"), ("blobs_url", "/git/blobs{/sha}"),
        ("branches_url", "/branches{/branch}"), ("collaborators_url", "/collaborators{/collaborator}"), ("comments_url", "/comments{/number}"),
        ("commits_url", "/commits{/sha}"), ("compare_url", "/compare/{base}...{head}"), ("contents_url", "/contents/{+path}"),
        ("contributors_url", "/contributors"), ("deployments_url", "/deployments"), ("downloads_url", "/downloads"),
        ("events_url", "/events"), ("forks_url", "/forks"), ("git_commits_url", "/git/commits{/sha}"), ("git_refs_url", "/git/refs{/sha}"),
        ("git_tags_url", "/git/tags{/sha}"), ("git_url", null!), ("issue_comment_url", "/issues/comments{/number}"),
        ("issue_events_url", "/issues/events{/number}"), ("issues_url", "/issues{/number}"), ("keys_url", "/keys{/key_id}"),
        ("labels_url", "/labels{/name}"), ("languages_url", "/languages"), ("merges_url", "/merges"), ("milestones_url", "/milestones{/number}"),
        ("notifications_url", "/notifications{?since,all,participating}"), ("pulls_url", "/pulls{/number}"), ("releases_url", "/releases{/id}"),
        ("ssh_url", null!), ("stargazers_url", "/stargazers"), ("statuses_url", "/statuses/{sha}"), ("subscribers_url", "/subscribers"),
        ("subscription_url", "/subscription"), ("tags_url", "/tags"), ("teams_url", "/teams"), ("trees_url", "/git/trees{/sha}"),
    ];

    public static JsonObject Build(GitHubRepository r, string api, DateTimeOffset now, string? token, bool push, string cloneUrl)
    {
        var self = $"{api}/repos/{r.FullName}";
        var stars = r.Stars.Current(now);
        var ownerType = r.OwnerIsOrganization ? "Organization" : "User";
        var o = new JsonObject
        {
            ["id"] = r.Id,
            ["node_id"] = GitHubUsers.NodeId("Repository", r.Id),
            ["name"] = r.Name,
            ["full_name"] = r.FullName,
            ["owner"] = GitHubUsers.Simple(api, r.Owner, r.OwnerId, ownerType),
            ["private"] = false,
            ["html_url"] = $"https://github.com/{r.FullName}",
            ["description"] = r.Description,
            ["fork"] = false,
            ["url"] = self,
        };
        foreach (var (field, suffix) in Templates)
        {
            o[field] = field switch
            {
                "git_url" => $"git://github.com/{r.FullName}.git",
                "ssh_url" => $"git@github.com:{r.FullName}.git",
                _ => self + suffix,
            };
        }

        o["clone_url"] = cloneUrl;
        o["mirror_url"] = null;
        o["hooks_url"] = $"{self}/hooks";
        o["svn_url"] = $"https://github.com/{r.FullName}";
        o["homepage"] = null;
        o["language"] = r.Language;
        o["forks_count"] = r.Forks;
        o["forks"] = r.Forks;
        o["stargazers_count"] = stars;
        o["watchers_count"] = stars;
        o["watchers"] = stars;
        o["size"] = r.SizeKb;
        o["default_branch"] = r.DefaultBranch;
        o["open_issues_count"] = r.OpenIssues;
        o["open_issues"] = r.OpenIssues;
        o["is_template"] = false;
        o["topics"] = new JsonArray([.. r.Topics.Select(t => (JsonNode?)JsonValue.Create(t))]);
        foreach (var flag in new[] { "has_issues", "has_projects", "has_wiki" })
        {
            o[flag] = true;
        }

        o["has_pages"] = false;
        o["has_downloads"] = true;
        o["has_discussions"] = false;
        o["archived"] = false;
        o["disabled"] = false;
        o["visibility"] = "public";
        o["pushed_at"] = Times.GitHub(r.PushedAt);
        o["created_at"] = Times.GitHub(r.CreatedAt);
        o["updated_at"] = Times.GitHub(r.PushedAt > r.CreatedAt ? r.PushedAt : r.CreatedAt);
        if (token is not null)
        {
            // GitHub adds the caller's permissions only to authenticated answers.
            o["permissions"] = new JsonObject { ["pull"] = true, ["push"] = push, ["admin"] = false };
        }

        o["allow_rebase_merge"] = true;
        o["temp_clone_token"] = push ? Det.Hex(Det.Hash((ulong)r.Id, Det.Of(token ?? "")), 29).ToUpperInvariant() : "";
        o["allow_squash_merge"] = true;
        o["allow_auto_merge"] = false;
        o["delete_branch_on_merge"] = true;
        o["allow_merge_commit"] = true;
        o["allow_forking"] = true;
        o["subscribers_count"] = r.Subscribers;
        o["network_count"] = r.Forks;
        o["license"] = r.License is null ? null : new JsonObject
        {
            ["key"] = r.License.ToLowerInvariant(),
            ["name"] = Names.LicenseName(r.License),
            ["spdx_id"] = r.License,
            ["url"] = $"{api}/licenses/{r.License.ToLowerInvariant()}",
            ["node_id"] = GitHubUsers.NodeId("License", r.License.ToLowerInvariant()),
        };
        if (r.OwnerIsOrganization)
        {
            o["organization"] = GitHubUsers.Simple(api, r.Owner, r.OwnerId, "Organization");
        }

        return o;
    }
}
