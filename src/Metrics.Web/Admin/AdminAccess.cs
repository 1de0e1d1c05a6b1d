using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Metrics.Web.Admin;

/// <summary>The one permission the dashboard knows: changing things (milestones, tracked repositories, collecting now).</summary>
public sealed class AdminRequirement : IAuthorizationRequirement
{
    public const string Policy = "Admin";
    public const string Role = "admin";
}

/// <summary>
/// Signed in as admin, or, when no admin password is configured, a request from this machine: a fresh install can
/// be administered locally without exposing admin actions to the network.
/// </summary>
internal sealed class AdminAccessHandler(IOptionsMonitor<AdminOptions> options, IHttpContextAccessor http) : AuthorizationHandler<AdminRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, AdminRequirement requirement)
    {
        // A signed-in admin's cookie was checked against the current password hash as it was read (AdminSession).
        if (context.User.IsInRole(AdminRequirement.Role) || (!options.CurrentValue.HasPassword && LocalRequest.IsLocal(http.HttpContext)))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
