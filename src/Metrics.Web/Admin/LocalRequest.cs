using System.Net;

namespace Metrics.Web.Admin;

/// <summary>
/// "From this machine", as the password-less admin rule means it: a loopback connection that shows no sign of having
/// passed through anything. A proxy on this machine makes every visitor's connection loopback, so a request carrying
/// any forwarding header is not local, whatever that header says. A plain TCP forwarder adds no header; the Host check
/// catches the usual case (the visitor asked for a public name) and DNS rebinding, but only a password is safe there.
/// </summary>
internal static class LocalRequest
{
    private static readonly HashSet<string> ForwardingHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Forwarded", "Via", "X-Real-IP", "X-Client-IP", "Client-IP", "True-Client-IP", "CF-Connecting-IP",
        "Fastly-Client-IP", "X-Cluster-Client-IP", "X-ProxyUser-Ip", "X-Azure-ClientIP", "X-Azure-SocketIP",
    };

    private static readonly string[] ForwardingPrefixes = ["X-Forwarded", "X-Original", "X-Envoy-"];

    public static bool IsLocal(HttpContext? context) =>
        context?.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address)
        && !context.Request.Headers.Keys.Any(IsForwarding) && IsLoopbackHost(context.Request.Host.Host);

    public static bool IsForwarding(string header) =>
        ForwardingHeaders.Contains(header) || ForwardingPrefixes.Any(p => header.StartsWith(p, StringComparison.OrdinalIgnoreCase));

    /// <summary>localhost, 127.x.x.x or ::1 (Kestrel's "+", "*" and 0.0.0.0 listen everywhere, so they are not).</summary>
    public static bool IsLoopbackHost(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
