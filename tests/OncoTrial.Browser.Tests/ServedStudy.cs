using OncoTrial.Server;

namespace OncoTrial.Browser.Tests;

/// <summary>
/// A copy of a committed test study in a temporary folder (so a test may change its files) served on 127.0.0.1 at a
/// port the system chose; the builds the server makes are awaited through <see cref="ReportServer.PageBuilt"/>.
/// </summary>
internal sealed class ServedStudy : IAsyncDisposable
{
    /// <summary>How long a test waits for a rebuild before it fails.</summary>
    public static readonly TimeSpan BuildTimeout = TimeSpan.FromSeconds(60);

    private readonly List<(int Version, TaskCompletionSource<ServedPage> Built)> _waiting = [];
    private readonly Lock _gate = new();

    private ServedStudy(TempFolder folder, ReportServer server)
    {
        Folder = folder;
        Server = server;
        server.PageBuilt += OnPageBuilt;
    }

    /// <summary>The study folder the server watches.</summary>
    public TempFolder Folder { get; }

    /// <summary>The server.</summary>
    public ReportServer Server { get; }

    /// <summary>The committed study every test here serves: small, valid, with a report worth looking at.</summary>
    public static string CommittedStudy => RepositoryPaths.File("tests", "OncoTrial.Clinical.Tests", "Study", "studies", "valid-minimal");

    /// <summary>Copies <paramref name="study"/> (the committed study by default) and serves it on port 0.</summary>
    public static async Task<ServedStudy> StartAsync(string? study = null, TimeSpan? debounce = null)
    {
        var folder = TempFolder.CopyOf(study ?? CommittedStudy);
        try
        {
            var server = await ReportServer.StartAsync(new ReportServerOptions
            {
                Study = folder.Path,
                Port = 0,
                Debounce = debounce ?? TimeSpan.FromMilliseconds(200),
            });
            return new ServedStudy(folder, server);
        }
        catch
        {
            folder.Dispose();
            throw;
        }
    }

    /// <summary>Waits until the page of build <paramref name="version"/> (or a later one) is served.</summary>
    public async Task<ServedPage> WaitForBuildAsync(int version)
    {
        TaskCompletionSource<ServedPage> built;
        lock (_gate)
        {
            if (Server.Page.Version >= version)
            {
                return Server.Page;
            }

            built = new TaskCompletionSource<ServedPage>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Add((version, built));
        }

        try
        {
            return await built.Task.WaitAsync(BuildTimeout);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"The server did not serve build {version} within {BuildTimeout.TotalSeconds} s (it serves build {Server.Page.Version}).");
            throw;
        }
    }

    /// <summary>Replaces a file of the study.</summary>
    public void Write(string name, string text) => File.WriteAllText(Folder.File(name), text);

    /// <summary>The text of a file of the study.</summary>
    public string Read(string name) => File.ReadAllText(Folder.File(name));

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Folder.Dispose();
    }

    private void OnPageBuilt(object? sender, ServedPageEventArgs e)
    {
        lock (_gate)
        {
            foreach (var (version, built) in _waiting.Where(w => w.Version <= e.Page.Version).ToList())
            {
                built.TrySetResult(e.Page);
            }

            _waiting.RemoveAll(w => w.Version <= e.Page.Version);
        }
    }
}
