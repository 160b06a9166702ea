using Microsoft.Playwright;

namespace OncoTrial.Browser.Tests;

/// <summary>
/// Headless Chromium from Debian's package (/usr/bin/chromium), driven by Playwright through its executable path:
/// no browser download and no PLAYWRIGHT_* variables. Started once for the tests of a class; where the browser is not
/// installed, every test that asks for it is reported as skipped, never as passed.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    /// <summary>Debian's Chromium (apt-get install chromium); .ci/run installs it when it is missing.</summary>
    public const string ExecutablePath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>The browser; skips the calling test where Chromium is not installed.</summary>
    public IBrowser Browser
    {
        get
        {
            if (_browser is null)
            {
                Assert.Skip($"{ExecutablePath} is not installed (apt-get install chromium); the browser tests need it.");
            }

            return _browser!;
        }
    }

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            return;
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            // As root in a container: no sandbox; a closed network: no background connections, no QUIC, no GPU.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}

/// <summary>A page with everything that went wrong in it recorded: console errors, uncaught exceptions, failed requests and HTTP errors.</summary>
internal sealed class WatchedPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;

    private WatchedPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Errors.Add($"console error: {message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => Errors.Add("uncaught: " + error);
        page.RequestFailed += (_, request) => Errors.Add($"request failed: {request.Url} ({request.Failure})");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                Errors.Add($"HTTP {response.Status}: {response.Url}");
            }
        };
    }

    public IPage Page { get; }

    /// <summary>What went wrong, in the order it happened.</summary>
    public List<string> Errors { get; } = [];

    /// <summary>A new page in a fresh context of <paramref name="browser"/>, phone-free desktop size.</summary>
    public static async Task<WatchedPage> OpenAsync(IBrowser browser, ViewportSize? viewport = null)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 900 } });
        return new WatchedPage(context, await context.NewPageAsync());
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
