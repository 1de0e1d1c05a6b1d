using Metrics.Core.Collection;
using Metrics.Core.Localization;
using Metrics.Core.Milestones;
using Metrics.Core.Series;
using Metrics.Core.Storage.Entities;
using Metrics.Web.Collection;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
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
        app.MapPost("/admin/login", LoginAsync).RequireRateLimiting(AdminExtensions.LoginRateLimit);
        app.MapPost("/admin/logout", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.LocalRedirect("/");
        });

        var admin = app.MapGroup("/admin").RequireAuthorization(AdminRequirement.Policy);
        admin.MapPost("/milestones", async ([FromForm] MilestoneForm form, MilestoneEditor editor, IStringLocalizerFactory text, CancellationToken ct) =>
            Back("/milestones", await editor.AddAsync(form.ToInput(), ct), "added", text));
        admin.MapPost("/milestones/{id}", async (string id, [FromForm] MilestoneForm form, MilestoneEditor editor, IStringLocalizerFactory text, CancellationToken ct) =>
            Back("/milestones", await editor.UpdateAsync(id, form.ToInput(), ct), "saved", text));
        admin.MapPost("/milestones/{id}/delete", async (string id, [FromForm] string? confirm, MilestoneEditor editor, IStringLocalizerFactory text, CancellationToken ct) =>
            Back("/milestones", await editor.DeleteAsync(id, ct), "deleted", text));
        admin.MapPost("/collect", async ([FromForm] string? project, ICollectionTrigger trigger, CancellationToken ct) =>
        {
            var started = await trigger.TriggerAsync(new CollectionRequest(string.IsNullOrEmpty(project) ? [] : [project]), ct);
            return Results.LocalRedirect(started ? "/collection?notice=started" : "/collection?notice=busy");
        });
        admin.MapPost("/projects/{id}/repositories", async (string id, [FromForm] string? forge, [FromForm] string? repository, [FromForm] string? role,
            RepositoryEditor editor, IStringLocalizerFactory text, CancellationToken ct) =>
        {
            var error = await editor.AddAsync(id, forge, repository, role, ct);
            return Results.LocalRedirect($"/projects/{Uri.EscapeDataString(id)}" + (error is null ? "?notice=tracked" : "?error=" + Uri.EscapeDataString(Say(error, text))));
        });
        admin.MapPost("/repositories/{repositoryId:int}/tracking", async (int repositoryId, [FromForm] bool tracked, [FromForm] string project,
            RepositoryEditor editor, IStringLocalizerFactory text, CancellationToken ct) =>
        {
            if (!await editor.SetTrackedAsync(repositoryId, tracked, ct))
            {
                return Results.Text(Say(new Phrase("There is no repository {0}: nothing was changed.", repositoryId), text), statusCode: StatusCodes.Status404NotFound);
            }

            return Results.LocalRedirect($"/projects/{Uri.EscapeDataString(project)}?notice={(tracked ? "tracked" : "untracked")}");
        });
        return app;
    }

    private static async Task<IResult> LoginAsync([FromForm] string password, [FromForm] string? returnUrl, HttpContext http,
        IOptionsMonitor<AdminOptions> options, AdminSession session, LoginLockout lockout)
    {
        var address = LoginLockout.KeyOf(http);
        if (lockout.IsLocked(address))
        {
            return Results.LocalRedirect("/admin/login?locked=1");
        }

        var hash = options.CurrentValue.PasswordHash;
        if (string.IsNullOrWhiteSpace(hash) || !AdminPassword.Verify(hash, password))
        {
            lockout.Failed(address);
            return Results.LocalRedirect(lockout.IsLocked(address) ? "/admin/login?locked=1" : "/admin/login?failed=1");
        }

        lockout.Succeeded(address);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, session.Principal());
        return Results.LocalRedirect(IsLocalUrl(returnUrl) ? returnUrl! : "/");
    }

    /// <summary>
    /// A path on this site: "/x", never "//host" or "/\host" (which browsers read as another host), nor an absolute
    /// URL or control characters. Anything else goes to the overview instead of failing the sign-in.
    /// </summary>
    internal static bool IsLocalUrl(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);

    /// <summary>A refusal in the language of the request: the English template is the key, forges by their names.</summary>
    private static string Say(Phrase phrase, IStringLocalizerFactory text) => text.Create(typeof(AdminEndpoints))[phrase.Template,
        [.. phrase.Args.Select(a => a is Forge forge ? ForgeNames.Display(forge) : a ?? "")]].Value;

    /// <summary>Back to the page, with the problems in the language of the request (the page shows the text it is given).</summary>
    private static IResult Back(string page, MilestoneEditResult result, string done, IStringLocalizerFactory text)
    {
        if (result.Succeeded)
        {
            return Results.LocalRedirect($"{page}?notice={done}#milestone-{Uri.EscapeDataString(result.MilestoneId!)}");
        }

        var localizer = text.Create(typeof(AdminEndpoints));
        var errors = result.Problems.Select(p => localizer[p.Format, p.Arguments].Value);
        return Results.LocalRedirect($"{page}?error={Uri.EscapeDataString(string.Join(" ", errors))}");
    }
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
    public string? TitleZh { get; set; }
    public string? DescriptionZh { get; set; }

    public MilestoneInput ToInput() => new(Title, Date, Precision, Act ?? "", Description ?? "", Projects ?? [], TitleZh, DescriptionZh);
}
