using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;

namespace CongressPlatform.Modules.Identity.Oidc;

/// <summary>
/// The few pages the protocol endpoints answer with themselves (errors that must never redirect,
/// the sign-out confirmation), in the same look as the Razor sign-in pages and without any
/// third-party resource.
/// </summary>
internal static class ProviderPages
{
    public static Task ErrorAsync(HttpContext context, int status, string error, string zh, string en)
    {
        var body = $"""
            <h1>无法继续</h1>
            <p class="error">{Encode(zh)}</p>
            <p class="muted" lang="en">{Encode(en)}</p>
            <p class="muted">错误代码:<code>{Encode(error)}</code></p>
            <p class="muted">请关闭此页,从原系统重新进入;如仍有问题,请联系本单位管理员。</p>
            """;
        return WriteAsync(context, status, "无法继续 — 基层人大工作平台", body);
    }

    public static Task ConfirmSignOutAsync(HttpContext context, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var body = $"""
            <h1>退出登录</h1>
            <p>确定要退出基层人大工作平台吗?退出后,在本浏览器中打开的各个系统都需要重新登录。</p>
            <form method="post" action="/account/logout">
              <input type="hidden" name="{Encode(tokens.FormFieldName)}" value="{Encode(tokens.RequestToken ?? string.Empty)}" />
              <button type="submit" class="primary">退出登录</button>
            </form>
            """;
        return WriteAsync(context, StatusCodes.Status200OK, "退出登录 — 基层人大工作平台", body);
    }

    private static async Task WriteAsync(HttpContext context, int status, string title, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
              <meta charset="utf-8" />
              <meta name="viewport" content="width=device-width, initial-scale=1" />
              <title>{Encode(title)}</title>
              <link rel="icon" href="/account/icon.svg" type="image/svg+xml" />
              <link rel="stylesheet" href="/account/account.css" />
            </head>
            <body>
              <main class="card">
                <div class="brand">基层人大工作平台</div>
                {body}
              </main>
            </body>
            </html>
            """);
    }

    private static string Encode(string value) => HtmlEncoder.Default.Encode(value);
}
