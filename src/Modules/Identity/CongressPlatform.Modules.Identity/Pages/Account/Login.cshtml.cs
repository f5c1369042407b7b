using CongressPlatform.Modules.Identity.Oidc;
using Microsoft.AspNetCore.Mvc;

namespace CongressPlatform.Modules.Identity.Pages.Account;

/// <summary>Sign in by user name or mobile phone and password. One message for every refusal (no account enumeration).</summary>
internal sealed class LoginModel(SignInFlow flow) : AccountPageModel
{
    [BindProperty(Name = "login")]
    public string? Login { get; set; }

    [BindProperty(Name = "password")]
    public string? Password { get; set; }

    public string? ErrorMessage { get; private set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (step, _) = await flow.PasswordAsync(HttpContext, Login, Password, cancellationToken);
        if (step == SignInStep.Failed)
        {
            ErrorMessage = "账号或密码不正确,或账号已被锁定、停用。";
            return Page();
        }
        return Next(step);
    }
}
