using System.Collections.Concurrent;
using System.Net;

namespace Metrics.Web.Admin;

/// <summary>
/// Wrong admin passwords lock sign-in: after <see cref="PerAddress"/> failures in a row from one address, that address
/// may not sign in (not even with the right password) for <see cref="Duration"/>; after <see cref="Overall"/> failures
/// from all addresses together, nobody may, so spreading guesses over many addresses does not help. A success clears
/// its address. Kept in memory: a restart forgets it, which an attacker cannot cause.
/// </summary>
internal sealed class LoginLockout(TimeProvider time)
{
    public const int PerAddress = 5;
    public const int Overall = 50;
    public static readonly TimeSpan Duration = TimeSpan.FromMinutes(15);

    private const string Everyone = "*";
    private readonly ConcurrentDictionary<string, Failures> _failures = new();

    private sealed record Failures(int Count, DateTimeOffset Last);

    public static string KeyOf(HttpContext http) => (http.Connection.RemoteIpAddress ?? IPAddress.None).ToString();

    public bool IsLocked(string address) => Locked(address, PerAddress) || Locked(Everyone, Overall);

    public void Failed(string address)
    {
        Count(address);
        Count(Everyone);
    }

    public void Succeeded(string address) => _failures.TryRemove(address, out _);

    private bool Locked(string key, int limit) =>
        _failures.TryGetValue(key, out var failures) && failures.Count >= limit && time.GetUtcNow() - failures.Last < Duration;

    private void Count(string key) => _failures.AddOrUpdate(key, _ => new Failures(1, time.GetUtcNow()),
        // Failures older than the lockout no longer count towards the next one.
        (_, f) => new Failures(time.GetUtcNow() - f.Last < Duration ? f.Count + 1 : 1, time.GetUtcNow()));
}
