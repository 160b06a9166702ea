using System.Threading.Channels;

namespace OncoTrial.Server;

/// <summary>
/// Watches a study folder (every file in it, not its subfolders) or a study .zip (that one file) and signals a
/// change once the folder has been quiet for the debounce delay: saving a file, which editors do in several writes
/// and renames, or copying a whole study in, is one signal. Signals never queue up: changes during a rebuild give one
/// more rebuild after it.
/// </summary>
internal sealed class StudyWatcher : IDisposable
{
    private readonly FileSystemWatcher _watcher;
    private readonly Channel<bool> _changes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly TimeSpan _debounce;

    public StudyWatcher(string study, TimeSpan debounce)
    {
        _debounce = debounce;
        string full = Path.GetFullPath(study);
        _watcher = Directory.Exists(full)
            ? new FileSystemWatcher(full)
            : new FileSystemWatcher(Path.GetDirectoryName(full) ?? full, Path.GetFileName(full));
        _watcher.IncludeSubdirectories = false;
        _watcher.NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime;
        _watcher.Changed += (_, _) => Signal();
        _watcher.Created += (_, _) => Signal();
        _watcher.Deleted += (_, _) => Signal();
        _watcher.Renamed += (_, _) => Signal();
        // A lost event (the watcher's buffer overflowed) may have been a change: rebuild to be sure.
        _watcher.Error += (_, _) => Signal();
        _watcher.EnableRaisingEvents = true;
    }

    /// <summary>Waits for a change, then until no other change came for the debounce delay.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task WaitForChangeAsync(CancellationToken cancellationToken)
    {
        var reader = _changes.Reader;
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        while (true)
        {
            using var quiet = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            quiet.CancelAfter(_debounce);
            try
            {
                await reader.ReadAsync(quiet.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    public void Dispose() => _watcher.Dispose();

    private void Signal() => _changes.Writer.TryWrite(true);
}
