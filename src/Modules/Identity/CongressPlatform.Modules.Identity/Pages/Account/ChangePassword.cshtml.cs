using CongressPlatform.Modules.Identity.Audit;
using CongressPlatform.Modules.Identity.Contracts;
using CongressPlatform.Modules.Identity.Domain;
using CongressPlatform.Modules.Identity.Oidc;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CongressPlatform.Modules.Identity.Pages.Account;

/// <summary>
/// The password change: forced during sign-in (first sign-in, administrator reset, privileged password too old) or
/// chosen by a signed-in person. A new password ends every session and refresh token of the account; this browser
/// continues in a new session.
/// </summary>
internal sealed class ChangePasswordModel(SignInFlow flow, UserManager<UserAccount> users, SsoSessions sessions, TimeProvider clock, IIdentityAudit audit) : AccountPageModel
{
    [BindProperty(Name = "currentPassword")]
    public string? CurrentPassword { get; set; }

    [BindProperty(Name = "newPassword")]
    public string? NewPassword { get; set; }

    [BindProperty(Name = "confirmPassword")]
    public string? ConfirmPassword { get; set; }

    public List<string> Errors { get; } = [];

    public string Reason { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await flow.PendingOrSignedInAsync(HttpContext, cancellationToken) is not { } pending)
        {
            return Redirect(WithReturn("/account/login"));
        }
        SetReason(pending.User, pending.Voluntary);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await flow.PendingOrSignedInAsync(HttpContext, cancellationToken) is not { } pending)
        {
            return SeeOther(WithReturn("/account/login"));
        }
        SetReason(pending.User, pending.Voluntary);
        if (string.IsNullOrEmpty(NewPassword) || NewPassword != ConfirmPassword)
        {
            Errors.Add("两次输入的新密码不一致。");
            return Page();
        }
        if (NewPassword == CurrentPassword)
        {
            Errors.Add("新密码不能与当前密码相同。");
            return Page();
        }
        var result = await users.ChangePasswordAsync(pending.User, CurrentPassword ?? string.Empty, NewPassword);
        if (!result.Succeeded)
        {
            Errors.AddRange(result.Errors.Select(e => e.Description));
            return Page();
        }
        pending.User.PasswordChosen(clock.GetUtcNow().UtcDateTime);
        await users.UpdateAsync(pending.User);
        await sessions.EndAllAsync(pending.User.Id, "password_changed", cancellationToken);
        await audit.RecordAsync(new IdentityAuditRecord(IdentityAuditKinds.PasswordChanged, true, pending.User.Id, pending.User.UserName), cancellationToken);
        return Next(await flow.ContinueAsync(HttpContext, pending.User, pending.Methods, cancellationToken));
    }

    private void SetReason(UserAccount user, bool voluntary) => Reason = voluntary
        ? "修改后,您在其他浏览器和设备上的登录将全部退出。"
        : user.MustChangePassword
            ? "这是您第一次登录,或管理员刚为您重置了密码。请设置只有您自己知道的新密码。"
            : "您的密码已超过规定的使用期限(管理员账号须定期更换密码),请设置新密码。";
}
