using System.Security.Claims;
using Metrics.Core.Collection;
using Metrics.Core.Milestones;
using Metrics.Core.Storage.Entities;
using Metrics.Web.Collection;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Metrics.Web.Admin;

/// <summary>
/// Every change goes through these form posts: each needs the admin policy and carries an antiforgery token (checked
/// by the antiforgery middleware for form-bound endpoints). Pages only read.
/// </summary>
internal static class AdminEndpoints
{
    public static IEndpointRouteBuilder MapAdmin(this IEndpointRouteBuilder app)
    {
        app.MapPost("/admin/login", LoginAsync);
        app.MapPost("/admin/logout", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.LocalRedirect("/");
        });

        var admin = app.MapGroup("/admin").RequireAuthorization(AdminRequirement.Policy);
        admin.MapPost("/milestones", async ([FromForm] MilestoneForm form, MilestoneEditor editor, CancellationToken ct) =>
            Back("/milestones", await editor.AddAsync(form.ToInput(), ct), "added"));
        admin.MapPost("/milestones/{id}", async (string id, [FromForm] MilestoneForm form, MilestoneEditor editor, CancellationToken ct) =>
            Back("/milestones", await editor.UpdateAsync(id, form.ToInput(), ct), "saved"));
        admin.MapPost("/milestones/{id}/delete", async (string id, [FromForm] string? confirm, MilestoneEditor editor, CancellationToken ct) =>
            Back("/milestones", await editor.DeleteAsync(id, ct), "deleted"));
        admin.MapPost("/collect", async ([FromForm] string? project, ICollectionTrigger trigger, CancellationToken ct) =>
        {
            var started = await trigger.TriggerAsync(new CollectionRequest(string.IsNullOrEmpty(project) ? [] : [project]), ct);
            return Results.LocalRedirect(started ? "/collection?notice=started" : "/collection?notice=busy");
        });
        admin.MapPost("/projects/{id}/repositories", async (string id, [FromForm] string forge, [FromForm] string repository, [FromForm] string? role,
            RepositoryEditor editor, CancellationToken ct) =>
        {
            var error = !Enum.TryParse<Forge>(forge, true, out var f) ? "Unknown forge." : await editor.AddAsync(id,
                f, repository, Enum.TryParse<RepositoryRole>(role, true, out var r) ? r : RepositoryRole.Related, ct);
            return Results.LocalRedirect($"/projects/{Uri.EscapeDataString(id)}" + (error is null ? "?notice=tracked" : "?error=" + Uri.EscapeDataString(error)));
        });
        admin.MapPost("/repositories/{repositoryId:int}/tracking", async (int repositoryId, [FromForm] bool tracked, [FromForm] string project,
            RepositoryEditor editor, CancellationToken ct) =>
        {
            await editor.SetTrackedAsync(repositoryId, tracked, ct);
            return Results.LocalRedirect($"/projects/{Uri.EscapeDataString(project)}?notice={(tracked ? "tracked" : "untracked")}");
        });
        return app;
    }

    private static async Task<IResult> LoginAsync([FromForm] string password, [FromForm] string? returnUrl, HttpContext http, IOptionsMonitor<AdminOptions> options)
    {
        var hash = options.CurrentValue.PasswordHash;
        if (string.IsNullOrWhiteSpace(hash) || !AdminPassword.Verify(hash, password))
        {
            return Results.LocalRedirect("/admin/login?failed=1");
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "admin"), new Claim(ClaimTypes.Role, AdminRequirement.Role)],
            CookieAuthenticationDefaults.AuthenticationScheme);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return Results.LocalRedirect(returnUrl is { Length: > 0 } url && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) ? url : "/");
    }

    private static IResult Back(string page, MilestoneEditResult result, string done) => Results.LocalRedirect(result.Succeeded
        ? $"{page}?notice={done}#milestone-{Uri.EscapeDataString(result.MilestoneId!)}"
        : $"{page}?error={Uri.EscapeDataString(string.Join(" ", result.Errors))}");
}

/// <summary>The milestone form's fields, as posted.</summary>
internal sealed class MilestoneForm
{
    public string Title { get; set; } = "";
    public string Date { get; set; } = "";
    public DatePrecision Precision { get; set; }
    public string? Act { get; set; }
    public string? Description { get; set; }
    public string[]? Projects { get; set; }

    public MilestoneInput ToInput() => new(Title, Date, Precision, Act ?? "", Description ?? "", Projects ?? []);
}
