using CollectiveLedger.Core.Validation;
using Microsoft.AspNetCore.Http;

namespace CollectiveLedger.Web;

/// <summary>
/// The page language of one request: Chinese unless the reader chose English (a cookie set by the
/// language switch). Pages write both texts side by side in the code: <c>L.T("凭证", "Vouchers")</c>.
/// </summary>
public sealed class Lang(IHttpContextAccessor accessor)
{
    public const string Cookie = "cledger-lang";

    public Language Language { get; } = accessor.HttpContext?.Request.Cookies[Cookie] == "en" ? Language.En : Language.ZhCN;

    public bool Chinese => Language == Language.ZhCN;

    /// <summary>The html lang attribute.</summary>
    public string Code => Chinese ? "zh-CN" : "en";

    public string T(string zh, string en) => Chinese ? zh : en;
}
