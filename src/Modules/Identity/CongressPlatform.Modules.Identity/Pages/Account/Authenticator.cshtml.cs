using System.Text;
using CongressPlatform.Modules.Identity.Audit;
using CongressPlatform.Modules.Identity.Contracts;
using CongressPlatform.Modules.Identity.Domain;
using CongressPlatform.Modules.Identity.Oidc;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using QRCoder;

namespace CongressPlatform.Modules.Identity.Pages.Account;

/// <summary>
/// Enrols a TOTP authenticator during sign-in (required for the privileged roles): a QR code of the
/// <c>otpauth://</c> address, drawn on the server (QRCoder) and sent as a data URI — no third party sees the secret.
/// </summary>
internal sealed class AuthenticatorModel(SignInFlow flow, UserManager<UserAccount> users, IIdentityAudit audit) : AccountPageModel
{
    [BindProperty(Name = "code")]
    public string? Code { get; set; }

    public string? ErrorMessage { get; private set; }

    public string QrCodeDataUri { get; private set; } = string.Empty;

    public bool AlreadyEnrolled { get; private set; }

    public string FormattedKey { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await flow.PendingOrSignedInAsync(HttpContext, cancellationToken) is not { } pending)
        {
            return Redirect(WithReturn("/account/login"));
        }
        if (pending.User.TwoFactorEnabled)
        {
            if (pending.Voluntary)
            {
                // Already enrolled: replacing it (a new phone) is the security administrator's reset, not a self-service step.
                AlreadyEnrolled = true;
                return Page();
            }
            return Redirect(WithReturn("/account/two-factor"));
        }
        await ShowKeyAsync(pending.User, renew: true);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await flow.PendingOrSignedInAsync(HttpContext, cancellationToken) is not { } pending || pending.User.TwoFactorEnabled)
        {
            return SeeOther(WithReturn("/account/login"));
        }
        var code = (Code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal);
        if (code.Length != 6 || !await users.VerifyTwoFactorTokenAsync(pending.User, TokenOptions.DefaultAuthenticatorProvider, code))
        {
            ErrorMessage = "验证码不正确,请确认手机时间准确后重新输入。";
            await ShowKeyAsync(pending.User, renew: false);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(pending.User, true);
        await audit.RecordAsync(new IdentityAuditRecord(IdentityAuditKinds.AuthenticatorEnrolled, true, pending.User.Id, pending.User.UserName), cancellationToken);
        if (pending.Voluntary)
        {
            // Enrolled from the profile: the session goes on; the code is asked at every sign-in from now on.
            return SeeOther(SafeReturnUrl);
        }
        return Next(await flow.ContinueAsync(HttpContext, pending.User, [.. pending.Methods, "otp"], cancellationToken));
    }

    private async Task ShowKeyAsync(UserAccount user, bool renew)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (renew || string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }
        FormattedKey = string.Join(' ', Enumerable.Range(0, (key!.Length + 3) / 4).Select(i => key.Substring(i * 4, Math.Min(4, key.Length - (i * 4)))));
        var label = Uri.EscapeDataString($"基层人大工作平台:{user.UserName}");
        var uri = $"otpauth://totp/{label}?secret={key}&issuer={Uri.EscapeDataString("基层人大工作平台")}&digits=6&period=30";
        using var data = QRCodeGenerator.GenerateQrCode(Encoding.UTF8.GetBytes(uri), QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(5);
        QrCodeDataUri = "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
