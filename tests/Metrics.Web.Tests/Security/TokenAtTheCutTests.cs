using System.Net;
using System.Text.RegularExpressions;
using Metrics.Core.Storage.Entities;
using Metrics.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Metrics.Web.Tests.Security;

/// <summary>
/// A forge that echoes the caller's token in an error body, at every offset around the point where run errors cut
/// the body short: no piece of the token may reach the log, the stored run error or a page.
/// </summary>
public sealed partial class TokenAtTheCutTests
{
    private const string GitHubToken = "ghp_Q7vK2mZp9TnW4xR8yL3sB6dF";
    private const string GiteeToken = "gtk_M4hJ8cN2vB6xZ9qW3eR7tY5u";
    private const string HubToken = "hf_P2oI9uY7tR4eW6qA8sD3fG5hJ";

    /// <summary>Where a body is cut for a run error (the excerpt keeps 300 characters, ellipsis included).</summary>
    private const int Cut = 300;

    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static IEnumerable<int> Offsets(string token) => Enumerable.Range(Cut - token.Length - 2, token.Length + 4);

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_token_straddling_the_cut_is_masked_whole_in_logs_the_database_and_pages(string provider)
    {
        await using var stub = await EchoingForge.StartAsync();
        await using var harness = await ForgeHarness.StartAsync(provider, settings: new Dictionary<string, string?>
        {
            ["GitHub:ApiUrl"] = stub.Url + "github/", ["GitHub:Token"] = GitHubToken,
            ["Gitee:ApiUrl"] = stub.Url + "gitee/api/v5/", ["Gitee:Token"] = GiteeToken, ["Gitee:RetryDelay"] = "00:00:00",
            ["HuggingFace:ApiUrl"] = stub.Url + "hf/", ["HuggingFace:Token"] = HubToken, ["HuggingFace:RetryDelay"] = "00:00:00",
        });
        await harness.TrackAsync(Forge.GitHub, [.. Offsets(GitHubToken).Select(o => $"owner/at{o}")]);
        await harness.TrackAsync(Forge.Gitee, [.. Offsets(GiteeToken).Select(o => $"owner/at{o}")]);
        await harness.TrackAsync(Forge.HuggingFace, [.. Offsets(HubToken).Select(o => $"at{o}")]);

        var summary = await harness.CollectAsync();

        var expected = Offsets(GitHubToken).Count() + Offsets(GiteeToken).Count() + Offsets(HubToken).Count();
        var errors = await harness.QueryAsync(db => db.CollectionRuns.Where(r => r.Error != null).Select(r => r.Error!).ToListAsync());
        Assert.Equal(expected, errors.Count);
        // The bodies were quoted (so the cut was really reached), and the tokens ahead of the cut were masked.
        Assert.All(errors, e => Assert.Contains("xxxxxxxxxx", e, StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("***", StringComparison.Ordinal));

        await using var web = new MetricsWebFactory(harness.Database, DashboardWorld.Settings());
        var client = web.CreateClient();
        var project = await client.GetStringAsync(new Uri("/projects/fake", UriKind.Relative));
        var collection = await client.GetStringAsync(new Uri("/collection", UriKind.Relative));
        Assert.Contains("xxxxxxxxxx", project, StringComparison.Ordinal);
        Assert.Contains("xxxxxxxxxx", collection, StringComparison.Ordinal);

        string[] outputs = [.. harness.Logs.Lines, .. errors, .. summary.Repositories.Select(r => r.Error ?? ""), project, collection];
        foreach (var token in new[] { GitHubToken, GiteeToken, HubToken })
        {
            // A cut token keeps its head: any five characters of it in a row is a leak.
            var pieces = Enumerable.Range(0, token.Length - 4).Select(i => token.Substring(i, 5)).ToList();
            Assert.DoesNotContain(outputs, o => pieces.Any(p => o.Contains(p, StringComparison.Ordinal)));
        }
    }

    /// <summary>Answers every request 400 with a body that holds the caller's token at the offset its path names.</summary>
    private sealed partial class EchoingForge : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private EchoingForge(WebApplication app, string url) => (_app, Url) = (app, url);

        public string Url { get; }

        public static async Task<EchoingForge> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
            var app = builder.Build();
            app.Run(EchoAsync);
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new EchoingForge(app, address.TrimEnd('/') + "/");
        }

        private static async Task EchoAsync(HttpContext http)
        {
            var path = http.Request.Path.Value ?? "";
            var token = path.StartsWith("/github", StringComparison.Ordinal) ? GitHubToken
                : path.StartsWith("/gitee", StringComparison.Ordinal) ? GiteeToken : HubToken;
            var where = Offset().Match(path + http.Request.QueryString);
            var offset = where.Success ? int.Parse(where.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : Cut - 10;
            var text = new string('x', offset) + token + new string('y', 200);
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            if (token == GitHubToken)
            {
                // GitHub's errors are JSON; Octokit quotes their message.
                http.Response.ContentType = "application/json";
                await http.Response.WriteAsync($"{{\"message\":\"{text}\",\"documentation_url\":\"https://docs.github.com/rest\"}}");
            }
            else
            {
                await http.Response.WriteAsync(text);
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        [GeneratedRegex(@"at(\d+)")]
        private static partial Regex Offset();
    }
}
