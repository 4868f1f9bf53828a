using CollectiveLedger.Web;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Playwright;

namespace CollectiveLedger.Tests.Web;

/// <summary>
/// Debian's Chromium driven by Playwright against the workspace served by Kestrel on a free local port,
/// exactly as <c>cledger serve</c> serves it. Playwright cannot download a browser here, so Chromium
/// must be installed (<c>apt-get install chromium</c>, which .ci/run does). A failure leaves a screenshot.
/// </summary>
internal static class Browser
{
    private const string Chromium = "/usr/bin/chromium";

    /// <param name="screen">The page's viewport (a phone's, say); Playwright's default when null.</param>
    public static async Task Run(WorkspaceOptions options, ViewportSize? screen, Func<IPage, string, Task> act)
    {
        Assert.That(File.Exists(Chromium), Is.True, $"{Chromium} is missing: apt-get install -y chromium (the browser tests drive Debian's Chromium; nothing can be downloaded)");
        using var host = WebWorkspace.CreateHostBuilder(options, "http://127.0.0.1:0").Build();
        await host.StartAsync();
        var url = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = screen });
        // A shared 2-core machine running the rest of the suite beside a test can take longer than
        // Playwright's 30 s default for one step (it did once, on the preview's popup).
        context.SetDefaultTimeout(90_000);
        var page = await context.NewPageAsync();
        try
        {
            await act(page, url);
        }
        catch
        {
            var shot = Path.Combine(TestContext.CurrentContext.WorkDirectory, $"browser-failure-{TestContext.CurrentContext.Test.MethodName}.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = true });
            TestContext.AddTestAttachment(shot, "the page when the browser test failed");
            throw;
        }
        finally
        {
            await host.StopAsync();
        }
    }

    /// <summary>
    /// Signs <paramref name="person"/> in through the sign-in page as a person does, and waits for the dashboard. The wait
    /// is set before the click, for the navigation the click starts: waiting after it could miss a dashboard already
    /// loaded, and did once in CI (the page shown, its load event never seen, 90 s gone).
    /// </summary>
    public static async Task SignIn(IPage page, string url, string person)
    {
        await page.GotoAsync(url + "/signin");
        await page.FillAsync("input[name='userName']", person);
        await page.FillAsync("input[name='password']", Workspace.Password);
        var dashboard = page.WaitForURLAsync(url + "/staff");
        await page.ClickAsync("form.card button[type='submit']");
        await dashboard;
    }
}
