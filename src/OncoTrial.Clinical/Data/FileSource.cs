using System.Collections.ObjectModel;
using System.IO.Compression;

namespace OncoTrial.Clinical.Data;

/// <summary>
/// A set of named input files read as streams: a folder, a .zip of one, a few loose files, or files in memory. A
/// study folder, the validator and the readers take one, so tests and a server need no temporary files and a
/// command that takes a folder also takes a .zip. File names are the last path segment only; lookups ignore case
/// (as SAS and Windows do), and <see cref="FileNames"/> is in ordinal order.
/// </summary>
public abstract class FileSource : IDisposable
{
    /// <summary>Creates a source named <paramref name="name"/> in messages.</summary>
    protected FileSource(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        Name = name;
    }

    /// <summary>What the source is, for messages: the folder or .zip path as given, or a label for files in memory.</summary>
    public string Name { get; }

    /// <summary>False when the folder or .zip does not exist (then <see cref="FileNames"/> is empty).</summary>
    public abstract bool Exists { get; }

    /// <summary>What kind of source it is, for messages ("folder", "zip archive", "files").</summary>
    public abstract string Kind { get; }

    /// <summary>The names of the files, ordinal order.</summary>
    public abstract IReadOnlyList<string> FileNames { get; }

    /// <summary>Opens a file for reading.</summary>
    /// <exception cref="FileNotFoundException">The source has no file of that name.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public abstract Stream Open(string fileName);

    /// <summary>The file name in this source that equals <paramref name="fileName"/> ignoring case, or null.</summary>
    public string? Find(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        foreach (string name in FileNames)
        {
            if (string.Equals(name, fileName, StringComparison.OrdinalIgnoreCase))
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>Every byte of a file.</summary>
    public byte[] ReadAllBytes(string fileName)
    {
        using var stream = Open(fileName);
        if (stream is MemoryStream { Position: 0 } memory && memory.TryGetBuffer(out var segment) && segment.Offset == 0 && segment.Count == memory.Length)
        {
            return segment.Count == segment.Array!.Length ? segment.Array : segment.AsSpan().ToArray();
        }

        using var copy = new MemoryStream(stream.CanSeek ? (int)Math.Min(stream.Length, int.MaxValue) : 0);
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>A folder (its files, not its subfolders) or a .zip archive, by what <paramref name="path"/> is.</summary>
    public static FileSource FromPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return File.Exists(path) && string.Equals(Path.GetExtension(path), ".zip", StringComparison.OrdinalIgnoreCase)
            ? FromZip(path)
            : FromFolder(path);
    }

    /// <summary>The files of a folder (not its subfolders).</summary>
    public static FileSource FromFolder(string directory) => new FolderSource(directory);

    /// <summary>
    /// A .zip archive of a folder: its files at the top level, or inside its single top-level folder
    /// (<c>study.zip</c> holding <c>study/dm.csv</c>).
    /// </summary>
    /// <exception cref="InvalidDataException">The file is not a zip archive.</exception>
    public static FileSource FromZip(string zipPath)
    {
        ArgumentNullException.ThrowIfNull(zipPath);
        var stream = new FileStream(zipPath, FileMode.Open, FileAccess.Read, FileShare.Read);
        try
        {
            return new ZipSource(zipPath, stream);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>A .zip archive read from a stream, which the source owns and disposes.</summary>
    /// <exception cref="InvalidDataException">The stream is not a zip archive.</exception>
    public static FileSource FromZip(Stream zip, string name) => new ZipSource(name, zip);

    /// <summary>Files held in memory, by name.</summary>
    public static FileSource FromMemory(string name, IEnumerable<KeyValuePair<string, byte[]>> files) => new MemorySource(name, files);

    /// <summary>Text files held in memory (UTF-8), by name: <c>FileSource.FromText("study", ("dm.csv", "USUBJID\n1\n"))</c>.</summary>
    public static FileSource FromText(string name, params (string FileName, string Text)[] files)
    {
        ArgumentNullException.ThrowIfNull(files);
        return new MemorySource(name, files.Select(f => KeyValuePair.Create(f.FileName, System.Text.Encoding.UTF8.GetBytes(f.Text))));
    }

    /// <summary>Loose files given by path (each under its own file name); a missing path is simply absent.</summary>
    public static FileSource FromFiles(string name, IEnumerable<string> paths) => new LooseFilesSource(name, paths);

    /// <inheritdoc/>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases what the source holds open (a zip archive).</summary>
    protected virtual void Dispose(bool disposing)
    {
    }

    /// <summary>The exception for a name the source lacks.</summary>
    protected FileNotFoundException NotFound(string fileName) => new($"{Name}: no file {fileName} in this {Kind}.", fileName);

    private sealed class FolderSource(string directory) : FileSource(directory)
    {
        private ReadOnlyCollection<string>? _names;

        public override bool Exists => Directory.Exists(Name);

        public override string Kind => "folder";

        public override IReadOnlyList<string> FileNames => _names ??= Exists
            ? Directory.GetFiles(Name).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList().AsReadOnly()
            : new ReadOnlyCollection<string>([]);

        public override Stream Open(string fileName)
        {
            string? actual = Find(fileName) ?? throw NotFound(fileName);
            return new FileStream(Path.Combine(Name, actual), FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
    }

    private sealed class ZipSource : FileSource
    {
        private readonly ZipArchive _archive;
        private readonly Dictionary<string, ZipArchiveEntry> _entries = new(StringComparer.OrdinalIgnoreCase);
        private readonly ReadOnlyCollection<string> _names;

        public ZipSource(string name, Stream stream)
            : base(name)
        {
            _archive = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: false);
            var files = _archive.Entries.Where(e => e.Name.Length > 0 && !e.FullName.StartsWith("__MACOSX/", StringComparison.Ordinal)).ToList();
            var folders = files.Select(e => Folder(e.FullName)).Distinct(StringComparer.Ordinal).ToList();

            // Files at the top level, or all inside one folder: that folder is the study.
            string root = folders.Count == 1 ? folders[0] : string.Empty;
            foreach (var entry in files.Where(e => Folder(e.FullName) == root))
            {
                _entries.TryAdd(entry.Name, entry);
            }

            _names = _entries.Keys.Order(StringComparer.Ordinal).ToList().AsReadOnly();
        }

        public override bool Exists => true;

        public override string Kind => "zip archive";

        public override IReadOnlyList<string> FileNames => _names;

        public override Stream Open(string fileName)
        {
            if (!_entries.TryGetValue(fileName, out var entry))
            {
                throw NotFound(fileName);
            }

            // Entries are read whole: the readers want a seekable stream and an archive is not thread-safe.
            var copy = new MemoryStream((int)Math.Min(entry.Length, int.MaxValue));
            using (var compressed = entry.Open())
            {
                compressed.CopyTo(copy);
            }

            copy.Position = 0;
            return copy;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _archive.Dispose();
            }

            base.Dispose(disposing);
        }

        private static string Folder(string fullName)
        {
            int slash = fullName.Replace('\\', '/').LastIndexOf('/');
            return slash < 0 ? string.Empty : fullName[..slash];
        }
    }

    private sealed class MemorySource : FileSource
    {
        private readonly Dictionary<string, byte[]> _files = new(StringComparer.OrdinalIgnoreCase);
        private readonly ReadOnlyCollection<string> _names;

        public MemorySource(string name, IEnumerable<KeyValuePair<string, byte[]>> files)
            : base(name)
        {
            ArgumentNullException.ThrowIfNull(files);
            foreach (var (fileName, bytes) in files)
            {
                ArgumentNullException.ThrowIfNull(bytes);
                if (!_files.TryAdd(Path.GetFileName(fileName), bytes))
                {
                    throw new ArgumentException($"The file name {fileName} is given twice.", nameof(files));
                }
            }

            _names = _files.Keys.Order(StringComparer.Ordinal).ToList().AsReadOnly();
        }

        public override bool Exists => true;

        public override string Kind => "set of files";

        public override IReadOnlyList<string> FileNames => _names;

        public override Stream Open(string fileName) =>
            _files.TryGetValue(fileName, out var bytes) ? new MemoryStream(bytes, writable: false) : throw NotFound(fileName);
    }

    private sealed class LooseFilesSource : FileSource
    {
        private readonly Dictionary<string, string> _paths = new(StringComparer.OrdinalIgnoreCase);
        private readonly ReadOnlyCollection<string> _names;

        public LooseFilesSource(string name, IEnumerable<string> paths)
            : base(name)
        {
            ArgumentNullException.ThrowIfNull(paths);
            foreach (string path in paths.Where(File.Exists))
            {
                _paths.TryAdd(Path.GetFileName(path), path);
            }

            _names = _paths.Keys.Order(StringComparer.Ordinal).ToList().AsReadOnly();
        }

        public override bool Exists => true;

        public override string Kind => "set of files";

        public override IReadOnlyList<string> FileNames => _names;

        public override Stream Open(string fileName) =>
            _paths.TryGetValue(fileName, out var path)
                ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan)
                : throw NotFound(fileName);
    }
}
