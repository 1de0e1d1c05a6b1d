using Metrics.FakeForge.Hosting;

namespace Metrics.FakeForge.Core;

/// <summary>Clone URLs in repository answers: under <see cref="FakeForgeOptions.GitCloneRoot"/>, or on the fake itself (no git there).</summary>
internal static class CloneUrls
{
    public static string For(HttpContext http, FakeForgeOptions options, string forge, string fullName) =>
        options.GitCloneRoot is { } root
            ? $"{root.TrimEnd('/')}/{forge}/{fullName}.git"
            : $"{http.Request.Scheme}://{http.Request.Host}/_git/{forge}/{fullName}.git";
}
