using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Metrics.Web.Admin;

/// <summary>
/// Without <c>Admin:PasswordHash</c> the admin is "a request from this machine". Listening beyond loopback is not
/// refused, as a container must (its visitors never arrive on loopback, so there nobody is admin), but it is said
/// loudly at start: a reverse proxy or port forwarder on this machine turns every visitor into a local request.
/// </summary>
internal sealed partial class AdminExposureWarning(
    IServer server, IHostApplicationLifetime lifetime, IOptions<AdminOptions> options, ILogger<AdminExposureWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(Check);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    internal void Check()
    {
        var exposed = Exposed(options.Value, server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []);
        if (exposed.Count > 0)
        {
            LogExposed(string.Join(", ", exposed));
        }
    }

    /// <summary>The listening addresses that are not loopback, when no password is set.</summary>
    internal static IReadOnlyList<string> Exposed(AdminOptions options, IEnumerable<string> addresses) => options.HasPassword
        ? []
        : [.. addresses.Where(a => !LocalRequest.IsLoopbackHost(BindingHost(a)))];

    /// <summary>The host of a Kestrel binding ("http://+:8080" has "+", which is every address).</summary>
    private static string BindingHost(string address)
    {
        var rest = address.Contains("://", StringComparison.Ordinal) ? address[(address.IndexOf("://", StringComparison.Ordinal) + 3)..] : address;
        rest = rest.Split('/')[0];
        return rest.StartsWith('[') ? rest[..(rest.IndexOf(']') + 1)] : rest.Split(':')[0];
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No admin password is set (Admin:PasswordHash) and the dashboard listens on {Addresses}, "
        + "beyond this machine. Admin actions are allowed only to loopback requests with no forwarding header, but a reverse proxy or "
        + "port forwarder on this machine would make every visitor an admin. Behind a proxy, set Admin:PasswordHash (make one at /admin/hash).")]
    private partial void LogExposed(string addresses);
}
