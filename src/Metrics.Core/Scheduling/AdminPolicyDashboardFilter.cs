using Hangfire.Dashboard;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace Metrics.Core.Scheduling;

/// <summary>
/// The dashboard can delete and trigger jobs, so it answers to the same rule as every admin action: the web app's
/// "Admin" policy, evaluated with the request as the resource (its localhost rule needs the connection).
/// </summary>
internal sealed class AdminPolicyDashboardFilter : IDashboardAsyncAuthorizationFilter
{
    public const string PolicyName = "Admin";

    public async Task<bool> AuthorizeAsync(DashboardContext context)
    {
        var http = context.GetHttpContext();
        var authorization = http.RequestServices.GetRequiredService<IAuthorizationService>();
        var result = await authorization.AuthorizeAsync(http.User, http, PolicyName);
        return result.Succeeded;
    }
}
