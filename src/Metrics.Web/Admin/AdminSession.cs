using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace Metrics.Web.Admin;

/// <summary>
/// Ties a sign-in to the password hash it was made with: the cookie carries a stamp derived from the hash, and a
/// cookie whose stamp no longer matches (the hash was changed or removed) is rejected on its next request. Without
/// this, a cookie stays valid across a restart with a new password for as long as the data protection keys live.
/// </summary>
internal sealed class AdminSession(IOptionsMonitor<AdminOptions> options)
{
    public const string StampClaim = "metrics:password-stamp";

    /// <summary>A one-way digest of the hash (the hash itself never goes into a cookie, even an encrypted one).</summary>
    public string? CurrentStamp => options.CurrentValue.HasPassword
        ? Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes("metrics-admin-session:" + options.CurrentValue.PasswordHash)))
        : null;

    public bool IsCurrent(ClaimsPrincipal? user) =>
        CurrentStamp is { } stamp && user?.FindFirst(StampClaim)?.Value is { } claimed
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(claimed), Encoding.UTF8.GetBytes(stamp));

    public ClaimsPrincipal Principal() => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, "admin"), new Claim(ClaimTypes.Role, AdminRequirement.Role), new Claim(StampClaim, CurrentStamp ?? "")],
        CookieAuthenticationDefaults.AuthenticationScheme));

    /// <summary>The cookie handler's per-request check.</summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var session = context.HttpContext.RequestServices.GetRequiredService<AdminSession>();
        if (!session.IsCurrent(context.Principal))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }
}
