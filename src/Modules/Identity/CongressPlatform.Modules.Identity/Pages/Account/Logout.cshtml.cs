using CongressPlatform.Modules.Identity.Audit;
using CongressPlatform.Modules.Identity.Contracts;
using CongressPlatform.Modules.Identity.Oidc;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace CongressPlatform.Modules.Identity.Pages.Account;

/// <summary>Sign-out confirmed by the person (a POST with the anti-forgery token): the session and its refresh tokens end.</summary>
internal sealed class LogoutModel(SsoSessions sessions, IIdentityAudit audit) : AccountPageModel
{
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await sessions.FindAsync(HttpContext, cancellationToken) is { } session)
        {
            await sessions.EndAsync(session, "signed_out", cancellationToken);
            await audit.RecordAsync(new IdentityAuditRecord(IdentityAuditKinds.SessionEnded, true, session.UserId, Detail: "signed out"), cancellationToken);
        }
        await HttpContext.SignOutAsync(SsoCookies.Session);
        await HttpContext.SignOutAsync(SsoCookies.Pending);
        return SeeOther("/account/signed-out");
    }
}
