using System.Security.Cryptography;
using System.Text;

namespace Metrics.Core.Forges;

/// <summary>A stable identity for a contributor known only by e-mail, that never reveals the e-mail.</summary>
public static class ContributorKeys
{
    public const string EmailPrefix = "email:";

    public static string ForEmail(string? email)
    {
        var normalised = (email ?? "").Trim().ToLowerInvariant();
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(normalised));
        return EmailPrefix + Convert.ToHexStringLower(hash)[..32];
    }
}
