using System.Globalization;
using System.Text;
using OncoTrial.Clinical.Data;
using OncoTrial.Clinical.Study;

namespace OncoTrial.ReferenceCohort.Generation;

/// <summary>
/// The records of a generated study, domain by domain, turned into datasets with the columns of
/// <see cref="DomainSpecs"/>: every Required and Expected variable (empty where not collected), the Permissible and
/// sponsor variables that hold a value, in the documented order. Whole numbers and numbers are numeric columns (XPT
/// and Dataset-JSON carry them as numbers), the rest text. A variable that the spec does not know is a bug.
/// </summary>
internal sealed class DomainTables
{
    private readonly Dictionary<string, List<Dictionary<string, string>>> _rows = new(StringComparer.Ordinal);

    /// <summary>Adds a record to a domain (DM, AE, ...); values by variable name, empty or absent for missing.</summary>
    /// <exception cref="ArgumentException">The domain or a variable is not in <see cref="DomainSpecs"/>.</exception>
    public void Add(string domain, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var spec = DomainSpecs.Find(domain) ?? throw new ArgumentException($"domain: expected a domain of DomainSpecs, found \"{domain}\".", nameof(domain));
        foreach (string name in values.Keys)
        {
            if (spec.Find(name) is null)
            {
                throw new ArgumentException($"values: expected variables of {domain} (DomainSpecs), found \"{name}\".", nameof(values));
            }
        }

        if (!_rows.TryGetValue(domain, out var list))
        {
            _rows[domain] = list = [];
        }

        list.Add(new Dictionary<string, string>(values, StringComparer.Ordinal));
    }

    /// <summary>The records added to a domain.</summary>
    public int Count(string domain) => _rows.TryGetValue(domain, out var list) ? list.Count : 0;

    /// <summary>The SDTMIG 3.4 dataset labels (at most 40 bytes, as XPT v5 allows) of the domains the cohort writes.</summary>
    private static readonly Dictionary<string, string> DatasetLabels = new(StringComparer.Ordinal)
    {
        ["DM"] = "Demographics",
        ["SC"] = "Subject Characteristics",
        ["DS"] = "Disposition",
        ["EX"] = "Exposure",
        ["TU"] = "Tumor/Lesion Identification",
        ["TR"] = "Tumor/Lesion Results",
        ["RS"] = "Disease Response and Clin Classification",
        ["AE"] = "Adverse Events",
        ["LB"] = "Laboratory Test Results",
        ["VS"] = "Vital Signs",
        ["CM"] = "Concomitant/Prior Medications",
        ["TS"] = "Trial Summary",
    };

    /// <summary>One dataset per domain with records, in the order of <see cref="DomainSpecs.All"/>.</summary>
    public IReadOnlyList<Dataset> ToDatasets()
    {
        var result = new List<Dataset>();
        foreach (var spec in DomainSpecs.All)
        {
            if (!_rows.TryGetValue(spec.Name, out var rows))
            {
                continue;
            }

            var columns = new List<DatasetColumn>();
            foreach (var v in spec.Variables)
            {
                bool any = rows.Any(r => r.TryGetValue(v.Name, out string? x) && x.Length > 0);
                if (v.Core == VariableCore.Permissible && !any)
                {
                    continue;
                }

                string label = Label(v);
                string[] text = [.. rows.Select(r => r.GetValueOrDefault(v.Name) ?? string.Empty)];
                columns.Add(v.Type switch
                {
                    VariableType.WholeNumber => DatasetColumn.Numeric(v.Name, label, DatasetValueType.Integer, [.. text.Select(ToNumber)]),
                    VariableType.Number => DatasetColumn.Numeric(v.Name, label, DatasetValueType.Double, [.. text.Select(ToNumber)]),
                    _ => DatasetColumn.Character(v.Name, label, [.. text.Select(t => t.Length == 0 ? null : t)]),
                });
            }

            result.Add(new Dataset(spec.Name, DatasetLabels.GetValueOrDefault(spec.Name) ?? spec.Description.Split(':')[0].TrimEnd('.'), columns));
        }

        return result;
    }

    /// <summary>The study as CSV files in memory (dm.csv, ...), UTF-8 without BOM, LF line ends.</summary>
    public IReadOnlyList<KeyValuePair<string, byte[]>> ToCsvFiles() => ToCsvFiles(ToDatasets());

    /// <summary>Datasets as CSV files in memory (dm.csv, ...), UTF-8 without BOM, LF line ends.</summary>
    public static IReadOnlyList<KeyValuePair<string, byte[]>> ToCsvFiles(IEnumerable<Dataset> datasets)
    {
        ArgumentNullException.ThrowIfNull(datasets);
        var files = new List<KeyValuePair<string, byte[]>>();
        foreach (var dataset in datasets)
        {
            using var writer = new StringWriter(CultureInfo.InvariantCulture);
            CsvDataset.Write(dataset, writer);
            files.Add(KeyValuePair.Create(dataset.Name.ToLowerInvariant() + ".csv", new UTF8Encoding(false).GetBytes(writer.ToString())));
        }

        return files;
    }

    private static double ToNumber(string text) =>
        text.Length == 0 ? double.NaN : double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>An XPT-safe label (at most 40 characters): the description's first clause, cut at a word.</summary>
    private static string Label(VariableSpec v)
    {
        string text = v.Description.Split([';', '(', ':'], 2)[0].Trim().TrimEnd('.', ',');
        if (text.Length <= 40)
        {
            return text;
        }

        int cut = text.LastIndexOf(' ', 40);
        return text[..(cut > 0 ? cut : 40)];
    }
}
