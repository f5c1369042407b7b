using CongressPlatform.Modules.Identity.Oidc;
using Microsoft.AspNetCore.Mvc;

namespace CongressPlatform.Modules.Identity.Pages.Account;

/// <summary>The second factor: a TOTP code from the person's authenticator app. Failures count towards the lockout.</summary>
internal sealed class TwoFactorModel(SignInFlow flow) : AccountPageModel
{
    [BindProperty(Name = "code")]
    public string? Code { get; set; }

    public string? ErrorMessage { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await flow.PendingAsync(HttpContext, cancellationToken) is null ? SeeOtherLogin() : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await flow.PendingAsync(HttpContext, cancellationToken) is not { } pending)
        {
            return SeeOtherLogin();
        }
        if (!await flow.VerifySecondFactorAsync(pending.User, Code, cancellationToken))
        {
            if (await flow.IsLockedOutAsync(pending.User))
            {
                return SeeOtherLogin();
            }
            ErrorMessage = "验证码不正确或已过期,请重新输入。";
            return Page();
        }
        return Next(await flow.ContinueAsync(HttpContext, pending.User, [.. pending.Methods, "otp"], cancellationToken));
    }

    private IActionResult SeeOtherLogin() => Request.Method == "POST" ? SeeOther(WithReturn("/account/login")) : Redirect(WithReturn("/account/login"));
}
