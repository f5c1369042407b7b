using CongressPlatform.Modules.Identity.Oidc;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace CongressPlatform.Modules.Identity.Pages.Account;

/// <summary>What every sign-in page shares: the return address (local only — no open redirect) and 303 redirects after a POST.</summary>
internal abstract class AccountPageModel : PageModel
{
    [BindProperty(SupportsGet = true, Name = "returnUrl")]
    public string? ReturnUrl { get; set; }

    /// <summary>The return address if it is local to this site; otherwise the home page.</summary>
    protected string SafeReturnUrl => ReturnUrl is { Length: > 0 and <= 4000 } url && Url.IsLocalUrl(url) && !url.Contains('\\', StringComparison.Ordinal) ? url : "/";

    /// <summary>The local return address, for links on the pages.</summary>
    public string ReturnPath => SafeReturnUrl;

    /// <summary>After a form POST, the browser follows with a GET (IDENTITY.md rule 4).</summary>
    protected IActionResult SeeOther(string url)
    {
        Response.Headers.Location = url;
        Response.Headers.CacheControl = "no-store";
        return StatusCode(StatusCodes.Status303SeeOther);
    }

    protected IActionResult Next(SignInStep step) => step switch
    {
        SignInStep.SignedIn => SeeOther(SafeReturnUrl),
        SignInStep.TwoFactor => SeeOther(WithReturn("/account/two-factor")),
        SignInStep.EnrolAuthenticator => SeeOther(WithReturn("/account/authenticator")),
        SignInStep.ChangePassword => SeeOther(WithReturn("/account/change-password")),
        _ => SeeOther(WithReturn("/account/login")),
    };

    protected string WithReturn(string path) => QueryHelpers.AddQueryString(path, "returnUrl", SafeReturnUrl);
}
