using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CollectiveLedger.Web.Pages;

/// <summary>The page shown for 403, 404, 429 and other status codes without a body.</summary>
[IgnoreAntiforgeryToken]
public sealed class StatusModel(Lang lang) : PageModel
{
    public int Code { get; private set; }
    public string Title { get; private set; } = "";
    public string Text { get; private set; } = "";

    public void OnGet(int code) => Describe(code);

    public void OnPost(int code) => Describe(code);

    private void Describe(int code)
    {
        Code = code;
        (Title, Text) = code switch
        {
            403 => (lang.T("没有权限", "Not allowed"), lang.T("您担任的角色不能打开此页或做此操作。角色由管理员在“用户与设置”中授予。",
                "None of your roles opens this page or takes this action. The administrator grants roles under Users & settings.")),
            404 => (lang.T("找不到", "Not found"), lang.T("没有这个页面。", "There is no such page.")),
            429 => (lang.T("请稍候", "Please wait"), lang.T("一分钟内提交太多次，请稍后再试。", "Too many attempts in a minute; try again shortly.")),
            400 => (lang.T("请求无效", "Bad request"), lang.T("表单已过期或不完整，请返回重新填写。", "The form expired or was incomplete; go back and fill it in again.")),
            _ => (code.ToString(System.Globalization.CultureInfo.InvariantCulture), lang.T("请求未能完成。", "The request could not be completed.")),
        };
    }
}
