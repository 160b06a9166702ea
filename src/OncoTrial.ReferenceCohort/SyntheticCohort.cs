using OncoTrial.Clinical.Data;
using OncoTrial.ReferenceCohort.Generation;
using OncoTrial.ReferenceCohort.Planning;

namespace OncoTrial.ReferenceCohort;

/// <summary>
/// The built-in reference cohort: synthetic SDTM source data of the seed trial's 59 screened and 50 enrolled patients
/// (Li et al. 2024), whose analysis through the pipeline reproduces the paper's published values. Made by a
/// calibrated generator, deterministic from a seed (docs/reference-cohort.md); nothing derived is written. The
/// built-in cohort is the generator's output for <see cref="DefaultSeed"/>, shipped in this assembly as the CSV files
/// of src/OncoTrial.ReferenceCohort/Cohort/ (a test regenerates it and compares every byte), so it loads in
/// milliseconds; <see cref="Generate"/> makes any other seed's cohort in tens of seconds.
/// </summary>
public sealed class SyntheticCohort
{
    /// <summary>The seed of the built-in cohort.</summary>
    public const int DefaultSeed = 1;

    /// <summary>The name the built-in cohort goes by in messages and reports.</summary>
    public const string BuiltInName = "reference-cohort";

    private const string ResourcePrefix = "OncoTrial.ReferenceCohort.Cohort.";

    private static readonly Lazy<SyntheticCohort> BuiltInCohort = new(FromAssembly);

    private readonly Lazy<IReadOnlyList<Dataset>> _datasets;

    private SyntheticCohort(int seed, IReadOnlyList<KeyValuePair<string, byte[]>> files, Func<IReadOnlyList<Dataset>> datasets)
    {
        Seed = seed;
        Files = files;
        _datasets = new(datasets);
    }

    /// <summary>The built-in cohort (seed <see cref="DefaultSeed"/>), read once per process from this assembly.</summary>
    public static SyntheticCohort BuiltIn => BuiltInCohort.Value;

    /// <summary>The seed that made the cohort.</summary>
    public int Seed { get; }

    /// <summary>The study folder's files (dm.csv, ...: UTF-8 without BOM, LF line ends), in the documented domain order.</summary>
    public IReadOnlyList<KeyValuePair<string, byte[]>> Files { get; }

    /// <summary>One SDTM dataset per domain (DM, SC, DS, EX, TU, TR, AE, LB, VS, CM, TS), in the documented order, with the DomainSpecs labels and types.</summary>
    public IReadOnlyList<Dataset> Datasets => _datasets.Value;

    /// <summary>Generates the cohort of a seed: plan the outcomes, then write the source data that give them.</summary>
    /// <exception cref="InvalidOperationException">The seed's search met no plan (not seen for the seeds tried; the message says what was missed).</exception>
    public static SyntheticCohort Generate(int seed)
    {
        return From(CohortGenerator.Generate(OutcomePlanner.Plan(seed)));
    }

    /// <summary>The cohort of a generated plan (its seed's source data).</summary>
    internal static SyntheticCohort From(GeneratedCohort cohort)
    {
        var datasets = CohortGenerator.Write(cohort).ToDatasets();
        return new SyntheticCohort(cohort.Plan.Seed, DomainTables.ToCsvFiles(datasets), () => datasets);
    }

    /// <summary>The study as CSV files in memory, for <see cref="Clinical.Study.StudyFolder.Load(FileSource)"/>.</summary>
    public FileSource ToFileSource() => FileSource.FromMemory(BuiltInName, Files);

    private static SyntheticCohort FromAssembly()
    {
        var assembly = typeof(SyntheticCohort).Assembly;
        var files = new List<KeyValuePair<string, byte[]>>();
        foreach (var spec in Clinical.Study.DomainSpecs.All)
        {
            string name = spec.Name.ToLowerInvariant() + ".csv";
            using var stream = assembly.GetManifestResourceStream(ResourcePrefix + name);
            if (stream is null)
            {
                continue;
            }

            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            files.Add(KeyValuePair.Create(name, memory.ToArray()));
        }

        if (files.Count == 0)
        {
            throw new InvalidOperationException($"The built-in reference cohort ({ResourcePrefix}*.csv) is missing from the assembly.");
        }

        return new SyntheticCohort(DefaultSeed, files.AsReadOnly(), () => ReadDatasets(files));
    }

    /// <summary>The typed datasets of CSV files written by this generator (the same columns, labels and types as generated).</summary>
    private static IReadOnlyList<Dataset> ReadDatasets(IReadOnlyList<KeyValuePair<string, byte[]>> files)
    {
        var tables = new DomainTables();
        foreach (var (name, bytes) in files)
        {
            var (table, _) = CsvTable.Parse(new System.Text.UTF8Encoding(false).GetString(bytes), name);
            string domain = Path.GetFileNameWithoutExtension(name).ToUpperInvariant();
            foreach (var record in table.Records)
            {
                var row = new Dictionary<string, string>(StringComparer.Ordinal);
                for (int i = 0; i < table.Columns.Count; i++)
                {
                    row[table.Columns[i]] = record.Fields[i];
                }

                tables.Add(domain, row);
            }
        }

        return tables.ToDatasets();
    }

    /// <summary>Writes the study folder: one file per domain, <c>dm.csv</c> (or .json, .xpt by <paramref name="extension"/>).</summary>
    /// <param name="folder">The folder; created when missing, files overwritten.</param>
    /// <param name="extension">".csv", ".json", ".ndjson" or ".xpt".</param>
    /// <returns>The paths written.</returns>
    public IReadOnlyList<string> WriteTo(string folder, string extension)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(extension);
        Directory.CreateDirectory(folder);
        var paths = new List<string>();
        foreach (var dataset in Datasets)
        {
            string path = Path.Combine(folder, dataset.Name.ToLowerInvariant() + extension);
            DatasetFiles.Write(dataset, path);
            paths.Add(path);
        }

        return paths;
    }
}
