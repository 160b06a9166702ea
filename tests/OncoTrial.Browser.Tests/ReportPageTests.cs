using Microsoft.Playwright;
using OncoTrial.Clinical.Pipeline;
using OncoTrial.Clinical.Study;
using OncoTrial.Reporting.Html;
using OncoTrial.Reporting.Report;

namespace OncoTrial.Browser.Tests;

/// <summary>
/// The report page in headless Chromium, opened as report.html from disk (as <c>oncotrial report</c> writes it) and
/// served by <c>oncotrial serve</c>'s server (in-process, port 0): every table and figure of the report visible, no
/// console error and no failed request, the drill-down, the page following the study folder, and screenshots under
/// the test output (screenshots/).
/// </summary>
public sealed class ReportPageTests(Chromium chromium) : IClassFixture<Chromium>
{
    /// <summary>The folder the screenshots are saved in.</summary>
    public static string ScreenshotFolder => Path.Combine(AppContext.BaseDirectory, "screenshots");

    [Fact]
    public async Task The_report_file_shows_every_table_and_figure_with_no_console_error()
    {
        var browser = chromium.Browser;
        using var output = new TempFolder("oncotrial-report");
        var report = ReportOf(ServedStudy.CommittedStudy);
        var folder = ReportWriter.Write(report, output.File("report"));
        await using var watched = await WatchedPage.OpenAsync(browser);

        await watched.Page.GotoAsync(new Uri(Path.Combine(folder.Folder, "report.html")).AbsoluteUri);

        await AssertEveryTableAndFigureVisible(watched.Page, report);
        await Screenshot(watched.Page, "report-file.png");
        Assert.Empty(watched.Errors);
    }

    [Fact]
    public async Task The_served_report_shows_every_table_and_figure_with_no_console_error_or_failed_request()
    {
        var browser = chromium.Browser;
        await using var served = await ServedStudy.StartAsync();
        await using var watched = await WatchedPage.OpenAsync(browser);

        var response = await watched.Page.GotoAsync(served.Server.Address.ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.Load });

        Assert.Equal(200, response?.Status);
        await AssertEveryTableAndFigureVisible(watched.Page, ReportOf(served.Folder.Path));
        await Screenshot(watched.Page, "report-served.png");
        // Past one poll of the live-reload script: it asks for the build number without an error and does not reload.
        await watched.Page.WaitForResponseAsync(r => r.Url.EndsWith(Server.ReportServer.VersionPath, StringComparison.Ordinal), new() { Timeout = 10_000 });
        Assert.Equal(served.Server.Address.ToString(), watched.Page.Url);
        Assert.Empty(watched.Errors);
    }

    [Fact]
    public async Task Clicking_a_table_cell_lists_the_subjects_behind_it()
    {
        var browser = chromium.Browser;
        await using var served = await ServedStudy.StartAsync();
        await using var watched = await WatchedPage.OpenAsync(browser);
        await watched.Page.GotoAsync(served.Server.Address.ToString());
        var dialog = watched.Page.Locator("#subject-dialog");
        await Assertions.Expect(dialog).ToBeHiddenAsync();

        // Table 1, Male: of the three enrolled subjects of valid-minimal (dm.csv) 1001 and 2001 are men; 2002, also a
        // man, failed screening and is in no analysis set.
        var male = watched.Page.Locator("#table-1-baseline tr[data-row='sex/M'] td[data-subjects]").First;
        await Assertions.Expect(male).ToHaveTextAsync("2 (67)");
        await male.ClickAsync();

        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await Assertions.Expect(watched.Page.Locator("#subject-list li")).ToHaveTextAsync(["NCT05013697-01-1001", "NCT05013697-02-2001"]);
        await Screenshot(watched.Page, "drill-down.png", fullPage: false);
        await watched.Page.Locator("#subject-close").ClickAsync();
        await Assertions.Expect(dialog).ToBeHiddenAsync();

        // The keyboard too: Enter on the focused Female cell.
        var female = watched.Page.Locator("#table-1-baseline tr[data-row='sex/F'] td[data-subjects]").First;
        await female.FocusAsync();
        await watched.Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await Assertions.Expect(watched.Page.Locator("#subject-list li")).ToHaveTextAsync(["NCT05013697-01-1002"]);
        Assert.Empty(watched.Errors);
    }

    [Fact]
    public async Task The_open_page_follows_the_study_to_its_problems_and_back_to_the_report()
    {
        var browser = chromium.Browser;
        await using var served = await ServedStudy.StartAsync();
        await using var watched = await WatchedPage.OpenAsync(browser);
        await watched.Page.GotoAsync(served.Server.Address.ToString());
        await Assertions.Expect(watched.Page.Locator("#table-1-baseline")).ToBeVisibleAsync();
        string dm = served.Read("dm.csv");

        served.Write("dm.csv", dm.Replace("2021-09-03", "2021-02-30", StringComparison.Ordinal));

        var problems = watched.Page.Locator("#problems");
        await Assertions.Expect(problems).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(watched.Page.Locator("#problems li[data-severity='error']")).ToContainTextAsync("2021-02-30");
        await Assertions.Expect(watched.Page.Locator("#table-1-baseline")).ToHaveCountAsync(0);
        await Screenshot(watched.Page, "problems-served.png");

        served.Write("dm.csv", dm);

        await Assertions.Expect(watched.Page.Locator("#table-1-baseline")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(problems).ToHaveCountAsync(0);
        Assert.Empty(watched.Errors);
    }

    /// <summary>The report of a study folder with the server's analysis options (the defaults).</summary>
    private static TrialReport ReportOf(string study) => TrialReport.Create(StudyAnalysis.Create(StudyFolder.Load(study)));

    /// <summary>Each table and figure of the report is on the page with its id, visible, and there are no others; each figure has its SVG.</summary>
    private static async Task AssertEveryTableAndFigureVisible(IPage page, TrialReport report)
    {
        Assert.NotEmpty(report.Tables);
        Assert.NotEmpty(report.Figures);
        foreach (var table in report.Tables)
        {
            Assert.NotNull(table.Id);
            await Assertions.Expect(page.Locator($"table#{table.Id}")).ToBeVisibleAsync();
        }

        foreach (string id in report.Figures.Select(f => f.Id))
        {
            await Assertions.Expect(page.Locator($"figure#{id} svg")).ToBeVisibleAsync();
        }

        await Assertions.Expect(page.Locator("table[id^='table-']")).ToHaveCountAsync(report.Tables.Count);
        await Assertions.Expect(page.Locator("figure[id^='figure-']")).ToHaveCountAsync(report.Figures.Count);
    }

    private static async Task Screenshot(IPage page, string name, bool fullPage = true)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        string path = Path.Combine(ScreenshotFolder, name);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = fullPage });
        Assert.True(new FileInfo(path).Length > 1000, $"{path} is too small to be a screenshot of the page.");
    }
}
