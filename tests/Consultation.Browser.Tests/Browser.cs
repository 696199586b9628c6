using Consultation.Web.Tests.Support;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Consultation.Browser.Tests;

/// <summary>
/// Debian's Chromium driven by Playwright against the platform on a real port (SQLite). Playwright never downloads a
/// browser here: it launches /usr/bin/chromium, or CONSULTATION_TEST_CHROMIUM. Without one the tests are skipped.
/// </summary>
public sealed class Browser : IAsyncDisposable
{
    static readonly string ChromiumPath = Environment.GetEnvironmentVariable("CONSULTATION_TEST_CHROMIUM") ?? "/usr/bin/chromium";
    IPlaywright? playwright;
    IBrowser? chromium;

    public static string? MissingReason => File.Exists(ChromiumPath) ? null : $"no Chromium at {ChromiumPath} (apt-get install chromium)";

    public TestApp App { get; } = new(Engine.Sqlite);

    public async Task<IBrowserContext> NewContextAsync(string locale = "en-GB")
    {
        Assert.SkipWhen(MissingReason is not null, MissingReason ?? "");
        if (chromium is null)
        {
            playwright = await Playwright.CreateAsync();
            chromium = await playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                // This machine has no network beyond loopback: keep Chromium from reaching out at start.
                Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            });
        }
        var context = await chromium.NewContextAsync(new() { BaseURL = App.BaseAddress.ToString(), Locale = locale });
        NetworkLog.Attach(context);
        // Safety nets, not assertions: CI runs every suite at once on two cores.
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(90_000);
        Assertions.SetDefaultExpectTimeout(30_000);
        return context;
    }

    public async ValueTask DisposeAsync()
    {
        if (chromium is not null)
        {
            await chromium.DisposeAsync();
        }
        playwright?.Dispose();
        await App.DisposeAsync();
    }
}

public static class Accessibility
{
    /// <summary>Runs axe on the page and fails on any serious or critical WCAG violation, naming each.</summary>
    public static async Task ShouldHaveNoSeriousViolationsAsync(this IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
        });
        var serious = result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}) on {page.Url}: {v.Help} — {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")
            .ToList();
        serious.ShouldBeEmpty();
    }
}
