using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Metrics.Web.Admin;

/// <summary>
/// <c>Admin:PasswordHash</c>: an ASP.NET Core Identity password hash (version 3: PBKDF2 with HMAC-SHA512, 100,000
/// iterations, 128-bit salt, base64), as <c>/admin/hash</c> produces. Without one, admin actions are open to
/// requests from this machine only.
/// </summary>
public sealed class AdminOptions
{
    public const string SectionName = "Admin";

    public string? PasswordHash { get; set; }

    public bool HasPassword => !string.IsNullOrWhiteSpace(PasswordHash);
}

internal sealed class AdminOptionsValidator : IValidateOptions<AdminOptions>
{
    public ValidateOptionsResult Validate(string? name, AdminOptions options)
    {
        if (!options.HasPassword)
        {
            return ValidateOptionsResult.Success;
        }

        try
        {
            var bytes = Convert.FromBase64String(options.PasswordHash!);
            return bytes is [0x01, ..] && bytes.Length > 13
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail("Admin:PasswordHash is not an ASP.NET Core Identity v3 hash: produce one at /admin/hash (from localhost).");
        }
        catch (FormatException)
        {
            return ValidateOptionsResult.Fail("Admin:PasswordHash is not base64: produce a hash at /admin/hash (from localhost) and paste it whole.");
        }
    }
}

/// <summary>Hashes and checks the admin password with Identity's PBKDF2 hasher (no user store: there is one admin).</summary>
public static class AdminPassword
{
    private static readonly PasswordHasher<object> Hasher = new();
    private static readonly object Admin = new();

    public static string Hash(string password) => Hasher.HashPassword(Admin, password);

    public static bool Verify(string hash, string password)
    {
        try
        {
            return Hasher.VerifyHashedPassword(Admin, hash, password) != PasswordVerificationResult.Failed;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
