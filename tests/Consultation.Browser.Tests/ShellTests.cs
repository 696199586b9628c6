[assembly: AssemblyFixture(typeof(Consultation.Browser.Tests.Browser))]

namespace Consultation.Browser.Tests;

public sealed class ShellTests(Browser browser)
{
    [Fact]
    public async Task Home_page_is_accessible_and_switches_to_arabic_right_to_left()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");
        await page.ShouldHaveNoSeriousViolationsAsync();
        (await page.GetAttributeAsync("html", "dir")).ShouldBe("ltr");

        await page.SelectOptionAsync("#language-select", "ar");
        await page.WaitForFunctionAsync("document.documentElement.lang === 'ar'");

        (await page.GetAttributeAsync("html", "dir")).ShouldBe("rtl");
        // The header lays out from the right: the brand sits right of the language switcher.
        var brand = await page.Locator(".brand").BoundingBoxAsync();
        var language = await page.Locator(".language").BoundingBoxAsync();
        brand!.X.ShouldBeGreaterThan(language!.X);
        await page.ShouldHaveNoSeriousViolationsAsync();
    }

    [Fact]
    public async Task Api_reference_renders_the_openapi_document_under_the_content_security_policy()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var blocked = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal) && message.Text.Contains("script", StringComparison.Ordinal))
            {
                blocked.Add(message.Text);
            }
        };

        await page.GotoAsync("/api-reference");

        await page.GetByText("Reference data").First.WaitForAsync();
        blocked.ShouldBeEmpty();
    }
}
