using Microsoft.Playwright;

namespace OncoTrial.Browser.Tests;

/// <summary>
/// The report page in headless Chromium, served by <c>oncotrial serve</c>'s server (in-process, port 0) and opened as
/// report.html from disk: every table and figure visible, no console error and no failed request, the drill-down,
/// and a screenshot under the test output (screenshots/).
/// </summary>
public sealed class ReportPageTests(Chromium chromium) : IClassFixture<Chromium>
{
    /// <summary>The folder the screenshots are saved in.</summary>
    public static string ScreenshotFolder => Path.Combine(AppContext.BaseDirectory, "screenshots");

    [Fact]
    public async Task The_served_report_shows_with_no_console_error_or_failed_request()
    {
        var browser = chromium.Browser;
        await using var served = await ServedStudy.StartAsync();
        await using var watched = await WatchedPage.OpenAsync(browser);

        var response = await watched.Page.GotoAsync(served.Server.Address.ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.Load });

        Assert.Equal(200, response?.Status);
        await Assertions.Expect(watched.Page.Locator("main").First).ToBeVisibleAsync();
        await Screenshot(watched.Page, "report-served.png");
        Assert.Empty(watched.Errors);
    }

    [Fact]
    public async Task The_open_page_follows_the_study_to_its_problems_and_back_to_the_report()
    {
        var browser = chromium.Browser;
        await using var served = await ServedStudy.StartAsync();
        await using var watched = await WatchedPage.OpenAsync(browser);
        await watched.Page.GotoAsync(served.Server.Address.ToString());
        string dm = served.Read("dm.csv");

        served.Write("dm.csv", dm.Replace("2021-09-03", "2021-02-30", StringComparison.Ordinal));

        var problems = watched.Page.Locator("#validation-problems");
        await Assertions.Expect(problems).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(watched.Page.Locator("#table-validation-problems")).ToContainTextAsync("2021-02-30");
        await Screenshot(watched.Page, "validation-problems-served.png");

        served.Write("dm.csv", dm);

        await Assertions.Expect(problems).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        await Assertions.Expect(watched.Page.Locator("main").First).ToBeVisibleAsync();
        Assert.Empty(watched.Errors);
    }

    private static async Task Screenshot(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        string path = Path.Combine(ScreenshotFolder, name);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        Assert.True(new FileInfo(path).Length > 1000, $"{path} is too small to be a screenshot of the page.");
    }
}
