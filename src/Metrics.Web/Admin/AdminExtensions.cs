using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Metrics.Web.Admin;

public static class AdminExtensions
{
    /// <summary>Sign-in attempts one address may make a minute, right or wrong (on top of the lockout).</summary>
    public const int LoginAttemptsPerMinute = 10;

    internal const string LoginRateLimit = "admin-login";

    public static IServiceCollection AddAdmin(this IServiceCollection services)
    {
        services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AdminOptions>, AdminOptionsValidator>();
        services.AddHttpContextAccessor();
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o =>
        {
            o.LoginPath = "/admin/login";
            o.LogoutPath = "/admin/logout";
            o.AccessDeniedPath = "/admin/login";
            o.Cookie.Name = "metrics-admin";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.Events.OnValidatePrincipal = AdminSession.ValidateAsync;
        });
        services.AddSingleton<AdminSession>();
        services.AddSingleton<LoginLockout>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, ct) => new ValueTask(context.HttpContext.Response.WriteAsync(
                $"Too many sign-in attempts from this address: wait a minute (at most {LoginAttemptsPerMinute} a minute).", ct));
            o.AddPolicy(LoginRateLimit, http => RateLimitPartition.GetFixedWindowLimiter(LoginLockout.KeyOf(http),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = LoginAttemptsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        services.AddHostedService<AdminExposureWarning>();
        services.AddSingleton<IAuthorizationHandler, AdminAccessHandler>();
        services.AddAuthorizationBuilder().AddPolicy(AdminRequirement.Policy, p => p.AddRequirements(new AdminRequirement()));
        services.AddCascadingAuthenticationState();
        services.AddScoped<RepositoryEditor>();
        return services;
    }
}
