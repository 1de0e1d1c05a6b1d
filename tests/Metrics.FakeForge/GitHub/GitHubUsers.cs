using System.Text;
using System.Text.Json.Nodes;

namespace Metrics.FakeForge.GitHub;

/// <summary>simple-user objects and GitHub's node ids.</summary>
internal static class GitHubUsers
{
    /// <summary>GitHub's legacy node id: base64 of "0{type length}:{type}{id}".</summary>
    public static string NodeId(string type, object id) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"0{type.Length}:{type}{id}"));

    public static JsonObject Simple(string api, string login, long id, string type = "User")
    {
        var user = $"{api}/users/{login}";
        return new JsonObject
        {
            ["login"] = login,
            ["id"] = id,
            ["node_id"] = NodeId(type == "Organization" ? "Organization" : type == "Bot" ? "Bot" : "User", id),
            ["avatar_url"] = $"https://avatars.githubusercontent.com/u/{id}?v=4",
            ["gravatar_id"] = "",
            ["url"] = user,
            ["html_url"] = $"https://github.com/{login}",
            ["followers_url"] = $"{user}/followers",
            ["following_url"] = $"{user}/following{{/other_user}}",
            ["gists_url"] = $"{user}/gists{{/gist_id}}",
            ["starred_url"] = $"{user}/starred{{/owner}}{{/repo}}",
            ["subscriptions_url"] = $"{user}/subscriptions",
            ["organizations_url"] = $"{user}/orgs",
            ["repos_url"] = $"{user}/repos",
            ["events_url"] = $"{user}/events{{/privacy}}",
            ["received_events_url"] = $"{user}/received_events",
            ["type"] = type,
            ["site_admin"] = false,
        };
    }
}
