using System.Collections.ObjectModel;
using System.Globalization;
using System.Text;
using OncoTrial.Clinical.Data;
using OncoTrial.Clinical.Study.Rules;
using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Study;

/// <summary>One domain file of a study folder, read as text with its line and row numbers.</summary>
public sealed class StudyDomain
{
    internal StudyDomain(DomainSpec spec, string fileName, CsvTable table)
    {
        Spec = spec;
        FileName = fileName;
        Table = table;
    }

    /// <summary>What the domain should hold.</summary>
    public DomainSpec Spec { get; }

    /// <summary>The file name within the study folder, as found on disk.</summary>
    public string FileName { get; }

    /// <summary>The records, as text.</summary>
    public CsvTable Table { get; }

    /// <summary>True when the file has the column.</summary>
    public bool Has(string column) => Table.IndexOf(column) >= 0;

    /// <summary>The value of a column in a record, or "" when the column is absent.</summary>
    public string Value(CsvRecord record, string column)
    {
        ArgumentNullException.ThrowIfNull(record);
        int i = Table.IndexOf(column);
        return i >= 0 ? record.Fields[i] : string.Empty;
    }
}

/// <summary>
/// A study folder: one file per SDTM domain (see docs/data-format.md and <see cref="DomainSpecs"/>), read from a
/// <see cref="FileSource"/> (a folder, a .zip of one, or files in memory). Loading reads every file it can and
/// reports, without throwing, what it could not: a missing folder, a missing DM, files that are not UTF-8 CSV, ragged
/// records, repeated columns, a DM without USUBJID. Each of these problems carries the id of its file-level rule
/// (OT1001-OT1009, <see cref="StudyValidator.Rules"/>). Which other domains and columns a study must have depends on
/// the profile it is validated against, so loading does not judge it: the validator's rules do.
/// </summary>
public sealed class StudyFolder
{
    private StudyFolder(string name, IReadOnlyDictionary<string, StudyDomain> domains, IEnumerable<Problem> problems, bool isUsable)
    {
        Name = name;
        Domains = domains;
        Problems = problems.Select(RuleCatalogue.WithRuleId).ToList().AsReadOnly();
        IsUsable = isUsable;
    }

    /// <summary>The study as given: the folder or .zip path, or the name of the files in memory.</summary>
    public string Name { get; }

    /// <summary>The domains read, by code (DM, AE, ...).</summary>
    public IReadOnlyDictionary<string, StudyDomain> Domains { get; }

    /// <summary>Problems found while reading (file level: a missing folder or DM, encoding, CSV structure, repeated columns, DM without USUBJID), each with its rule id.</summary>
    public IReadOnlyList<Problem> Problems { get; }

    /// <summary>False when nothing can be analysed: the folder is missing, or DM is missing or unreadable.</summary>
    public bool IsUsable { get; }

    /// <summary>The domain with that code, or null when the folder lacks it.</summary>
    public StudyDomain? Domain(string name) => Domains.TryGetValue(name, out var d) ? d : null;

    /// <summary>
    /// The file name a message should give for a domain: the file the study has (<c>ae.xpt</c>), or, when it lacks the
    /// domain, the name the domain would have in the format of the study's DM file (<c>ae.xpt</c> beside <c>dm.xpt</c>;
    /// <c>ae.csv</c> when DM is CSV or absent).
    /// </summary>
    public string FileNameOf(string domain)
    {
        ArgumentNullException.ThrowIfNull(domain);
        if (Domain(domain) is { } d)
        {
            return d.FileName;
        }

        string extension = Domain("DM") is { } dm ? Path.GetExtension(dm.FileName).ToLowerInvariant() : ".csv";
        return domain.ToLowerInvariant() + (extension.Length > 0 ? extension : ".csv");
    }

    /// <summary>Reads the study folder or .zip at <paramref name="path"/>. Never throws for bad content; the problems say what is wrong.</summary>
    public static StudyFolder Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        FileSource source;
        try
        {
            source = FileSource.FromPath(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return Unreadable(path, ex);
        }

        using (source)
        {
            return Load(source);
        }
    }

    /// <summary>Reads a study from a source of named files. Never throws for bad content; the problems say what is wrong.</summary>
    public static StudyFolder Load(FileSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var problems = new List<Problem>();
        var domains = new Dictionary<string, StudyDomain>(StringComparer.Ordinal);
        if (!source.Exists)
        {
            problems.Add(new Problem(".", null, null, null, "FOLDER_MISSING", "a study folder (or a .zip of one) with one file per SDTM domain", Problem.Quote(source.Name) + " does not exist", "Check the --study path."));
            return new StudyFolder(source.Name, domains, problems, isUsable: false);
        }

        IReadOnlyList<string> files;
        try
        {
            files = source.FileNames;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Unreadable(source.Name, ex);
        }

        foreach (var spec in DomainSpecs.All)
        {
            string? csv = files.FirstOrDefault(f => string.Equals(f, spec.CsvFileName, StringComparison.OrdinalIgnoreCase));
            if (csv is null)
            {
                string? other = files.FirstOrDefault(f => string.Equals(Path.GetFileNameWithoutExtension(f), spec.Name, StringComparison.OrdinalIgnoreCase));
                if (other is not null)
                {
                    var fromDataset = ReadDataset(source, other, spec, problems);
                    if (fromDataset is not null)
                    {
                        domains.Add(spec.Name, fromDataset);
                    }
                }
                else if (spec.Name == "DM")
                {
                    problems.Add(new Problem(spec.CsvFileName, null, null, null, "FILE_MISSING", "the DM domain file (Demographics), which every study has", "no such file", "Add dm.csv (or dm.xpt, dm.json) with the columns listed in docs/data-format.md."));
                }

                continue;
            }

            var domain = Read(source, csv, spec, problems);
            if (domain is not null)
            {
                domains.Add(spec.Name, domain);
            }
        }

        bool usable = domains.TryGetValue("DM", out var dm) && dm.Has("USUBJID");
        return new StudyFolder(source.Name, new ReadOnlyDictionary<string, StudyDomain>(domains), problems, usable);
    }

    private static StudyFolder Unreadable(string name, Exception ex) =>
        new(name, new Dictionary<string, StudyDomain>(), [new Problem(".", null, null, null, "FOLDER_UNREADABLE", "a readable study folder or .zip archive", ex.Message, "Check the path and the permissions, or re-create the .zip.")], isUsable: false);

    private static StudyDomain? Read(FileSource source, string fileName, DomainSpec spec, List<Problem> problems)
    {
        byte[] bytes;
        try
        {
            bytes = source.ReadAllBytes(fileName);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            problems.Add(new Problem(fileName, null, null, null, "FILE_UNREADABLE", "a readable file", ex.Message, "Check the file's permissions."));
            return null;
        }
        if ((bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF))) || Array.IndexOf(bytes, (byte)0) >= 0)
        {
            problems.Add(new Problem(fileName, null, null, null, "ENCODING", "UTF-8 text", "UTF-16 text or binary data (zero bytes)", "Save the file as UTF-8 CSV."));
            return null;
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            problems.Add(new Problem(fileName, null, null, null, "ENCODING", "UTF-8 text", string.Create(CultureInfo.InvariantCulture, $"a byte that is not UTF-8 at offset {ex.Index}"), "Save the file as UTF-8 (Windows-1252 or Latin-1 accents are the usual cause)."));
            text = new UTF8Encoding(false, throwOnInvalidBytes: false).GetString(bytes);
        }

        var (table, csvProblems) = CsvTable.Parse(text, fileName);
        problems.AddRange(csvProblems);

        return CheckColumns(fileName, spec, table, problems);
    }

    /// <summary>A domain stored as Dataset-JSON (.json, .ndjson, .dsjc) or SAS XPT, read through <see cref="DatasetFiles"/>.</summary>
    private static StudyDomain? ReadDataset(FileSource source, string fileName, DomainSpec spec, List<Problem> problems)
    {
        Dataset dataset;
        try
        {
            dataset = DatasetFiles.Read(source, fileName);
        }
        catch (DatasetFormatException ex)
        {
            problems.Add(new Problem(fileName, null, null, null, "FORMAT", $"the {spec.Name} domain as CSV, Dataset-JSON or XPT", ex.Message, "Fix or re-export the file; see docs/data-format.md."));
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            problems.Add(new Problem(fileName, null, null, null, "FILE_UNREADABLE", "a readable file", ex.Message, "Check the file's permissions."));
            return null;
        }

        return CheckColumns(fileName, spec, CsvTable.FromDataset(dataset, fileName), problems);
    }

    private static StudyDomain CheckColumns(string fileName, DomainSpec spec, CsvTable table, List<Problem> problems)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string column in table.Columns)
        {
            if (!seen.Add(column))
            {
                problems.Add(new Problem(fileName, 1, null, column, "COLUMN_DUPLICATE", "each column once", "it twice", "Remove or rename the second column."));
            }
        }

        if (table.Columns.Count == 0)
        {
            return new StudyDomain(spec, fileName, table);
        }

        if (spec.Name == "DM" && table.IndexOf("USUBJID") < 0)
        {
            problems.Add(RequiredColumnRule.Missing(fileName, table.Columns, spec.Find("USUBJID")!, (file, column, expected, found, fix) => new Problem(file, 1, null, column, "COLUMN_MISSING", expected, found, fix)));
        }

        return new StudyDomain(spec, fileName, table);
    }
}
