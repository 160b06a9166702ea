using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OncoTrial.Statistics;

namespace OncoTrial.Server;

/// <summary>
/// Serves a study's report page on 127.0.0.1 (never on another interface) and rebuilds it when a file of the study
/// folder changes: the analysis runs again once the folder has been quiet for <see cref="ReportServerOptions.Debounce"/>,
/// and a study that stops validating is shown as its validation problems, never as the last good report. The page is
/// built in memory (nothing is written) and reloads itself in the browser when a new build is served.
/// </summary>
/// <remarks>
/// Paths: <c>/</c> and <c>/report.html</c> serve the page (<c>Cache-Control: no-store</c>);
/// <c>/_oncotrial/version</c> serves the number of the current build, which the page polls. The server writes no
/// console and no log; <see cref="PageBuilt"/> tells a front end about each build. It does not listen for Ctrl+C
/// itself: the front end stops it with <see cref="StopAsync"/> or <see cref="DisposeAsync"/>.
/// </remarks>
public sealed class ReportServer : IAsyncDisposable
{
    /// <summary>The path that serves the current build number.</summary>
    public const string VersionPath = "/_oncotrial/version";

    private readonly ReportServerOptions _options;
    private readonly StudyWatcher _watcher;
    private readonly CancellationTokenSource _stopping = new();
    private WebApplication? _app;
    private Task _watching = Task.CompletedTask;
    private ServedPage _page;
    private int _stopped;

    private ReportServer(ReportServerOptions options, StudyWatcher watcher, ServedPage first)
    {
        _options = options;
        _watcher = watcher;
        _page = first;
        Address = new Uri("http://127.0.0.1/");
    }

    /// <summary>Raised after each rebuild (not the first build, which <see cref="StartAsync"/> waits for), on a background thread.</summary>
    public event EventHandler<ServedPageEventArgs>? PageBuilt;

    /// <summary>The address the page is served at, <c>http://127.0.0.1:PORT/</c>, with the port the system chose when 0 was asked for.</summary>
    public Uri Address { get; private set; }

    /// <summary>The page served now.</summary>
    public ServedPage Page => Volatile.Read(ref _page);

    /// <summary>The options the server runs with.</summary>
    public ReportServerOptions Options => _options;

    /// <summary>Builds the page once, starts watching the study and starts listening on 127.0.0.1.</summary>
    /// <exception cref="ProblemException">The options are out of range (usage problems), or the port cannot be bound (in use, or not allowed).</exception>
    public static async Task<ReportServer> StartAsync(ReportServerOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ProblemException.ThrowIfAnyError(options.Validate());
        cancellationToken.ThrowIfCancellationRequested();

        // Watch before the first build, so that a change during it gives a rebuild.
        var watcher = Directory.Exists(options.Study) || File.Exists(options.Study)
            ? new StudyWatcher(options.Study, options.Debounce)
            : throw new ProblemException(Problem.ForOption("study", "PATH_MISSING", "an existing study folder or .zip archive", "nothing at " + Problem.Quote(options.Study), "Check the path."));
        ReportServer? server = null;
        try
        {
            var first = await Task.Run(() => StudyPages.Build(options.Study, options.Analysis, version: 1), cancellationToken).ConfigureAwait(false);
            server = new ReportServer(options, watcher, first);
            await server.ListenAsync(cancellationToken).ConfigureAwait(false);
            server._watching = server.WatchAsync(server._stopping.Token);
            return server;
        }
        catch
        {
            if (server is not null)
            {
                await server.DisposeAsync().ConfigureAwait(false);
            }
            else
            {
                watcher.Dispose();
            }

            throw;
        }
    }

    /// <summary>Stops watching and listening; a request in flight is finished first. Safe to call more than once.</summary>
    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        await _watching.ConfigureAwait(false);
        if (_app is not null)
        {
            await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>Stops the server (<see cref="StopAsync"/>) and frees it.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        if (_app is not null)
        {
            await _app.DisposeAsync().ConfigureAwait(false);
        }

        _watcher.Dispose();
        _stopping.Dispose();
    }

    private async Task ListenAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ApplicationName = typeof(ReportServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, FrontEndLifetime>();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, _options.Port));
        var app = builder.Build();
        app.MapGet("/", ServePage);
        app.MapGet("/report.html", ServePage);
        app.MapGet(VersionPath, (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "no-store";
            return Results.Text(Page.Version.ToString(CultureInfo.InvariantCulture), "text/plain; charset=utf-8");
        });
        _app = app;
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            throw new ProblemException(
                [Problem.ForOption("port", "PORT_UNAVAILABLE", "a free TCP port on 127.0.0.1", Problem.Quote(ex.Message), "Choose another port, or --port 0 for any free one.")],
                ex);
        }

        string bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel started without an address.");
        Address = new Uri(new Uri(bound), "/");
    }

    private IResult ServePage(HttpContext context)
    {
        context.Response.Headers.CacheControl = "no-store";
        return Results.Content(LiveReload.Inject(Page), "text/html; charset=utf-8");
    }

    private async Task WatchAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                await _watcher.WaitForChangeAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var page = StudyPages.Build(_options.Study, _options.Analysis, Page.Version + 1);
            Volatile.Write(ref _page, page);
            PageBuilt?.Invoke(this, new ServedPageEventArgs(page));
        }
    }

    /// <summary>The host's lifetime without the console's: Ctrl+C and SIGTERM belong to the front end.</summary>
    private sealed class FrontEndLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
