using OncoTrial.Clinical.Data;
using OncoTrial.Clinical.Pipeline;
using OncoTrial.Clinical.Recist;
using OncoTrial.Clinical.Safety;
using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Analyses;

/// <summary>An ADSL record as the analyses read it back from the dataset.</summary>
internal sealed record AdslSubject(string Subject, double? Age, string Sex, string Arm, string ArmCode, string ActualArm, string ActualArmCode, DateOnly? FirstDose, DateOnly? LastDose, bool IsDead, DateOnly? DeathDate);

/// <summary>An ADRS OVR record.</summary>
internal sealed record OvrRecord(DateOnly Date, int? Day, string Response, bool IsAnalysis);

/// <summary>An ADRS subject-level record (BOR, CBOR, PD, ...).</summary>
internal sealed record AdrsParameter(string? Value, DateOnly? Date, int? Day);

/// <summary>An ADTTE record.</summary>
internal sealed record AdtteRecord(string Subject, string ParamCode, double Days, bool IsCensored, DateOnly? StartDate, DateOnly? Date);

/// <summary>An ADTR SDIAM record.</summary>
internal sealed record AdtrRecord(string Subject, DateOnly? Date, int? Day, double? PercentChange, bool IsBaseline, bool IsAnalysis, bool IsBest);

/// <summary>An ADEX record's drug, phase and dates.</summary>
internal sealed record AdexSpan(string Subject, string Drug, string Phase, DateOnly? Start, DateOnly? End);

/// <summary>
/// What every analysis reads, once, from the pipeline's own outputs: the ADaM datasets of <see cref="StudyAnalysis.Datasets"/>
/// read back by column (so an analysis sees exactly what <c>derive</c> writes), the lesion time points the efficacy
/// datasets were derived from, the safety summaries, and SC and CM.
/// </summary>
internal sealed class AnalysisInputs
{
    private readonly Lazy<IReadOnlyDictionary<string, AdslSubject>> _adsl;
    private readonly Lazy<(IReadOnlyDictionary<string, SubjectCharacteristics> Subjects, IReadOnlyList<Problem> Problems)> _characteristics;
    private readonly Lazy<AnalysisPopulation> _efficacy;
    private readonly Lazy<(Dictionary<(string, string), AdrsParameter> Parameters, Dictionary<string, List<OvrRecord>> Ovr)> _adrs;
    private readonly Lazy<ILookup<string, AdtteRecord>> _adtte;
    private readonly Lazy<ILookup<string, AdtrRecord>> _adtr;
    private readonly Lazy<ILookup<string, AdexSpan>> _adex;

    public AnalysisInputs(StudyAnalysis analysis, TrialResultsOptions options)
    {
        Analysis = analysis;
        Options = options;
        _adsl = new(ReadAdsl);
        _characteristics = new(() => SubjectCharacteristics.Read(analysis.Study));
        _efficacy = new(CreateEfficacyPopulation);
        _adrs = new(ReadAdrs);
        _adtte = new(() => ReadAdtte(Analysis.Datasets.Efficacy?.Adtte));
        _adtr = new(() => ReadAdtr(Analysis.Datasets.Efficacy?.Adtr));
        _adex = new(() => ReadAdex(Analysis.Datasets.Safety?.Adex));
    }

    public StudyAnalysis Analysis { get; }

    public TrialResultsOptions Options { get; }

    public IReadOnlyDictionary<string, AdslSubject> Adsl => _adsl.Value;

    public IReadOnlyDictionary<string, SubjectCharacteristics> Characteristics => _characteristics.Value.Subjects;

    public IReadOnlyList<Problem> CharacteristicProblems => _characteristics.Value.Problems;

    /// <summary>The efficacy analysis set (DispositionSummary.EfficacySet) by arm.</summary>
    public AnalysisPopulation Efficacy => _efficacy.Value;

    public bool HasAdrs => Analysis.Datasets.Efficacy?.Adrs is not null;

    public bool HasAdtte => Analysis.Datasets.Efficacy?.Adtte is not null;

    public bool HasAdtr => Analysis.Datasets.Efficacy?.Adtr is not null;

    /// <summary>The lesion time points the efficacy datasets were derived from; null when they came from RS.</summary>
    public IReadOnlyList<TimePointResponse>? TimePoints => Analysis.Datasets.Efficacy?.Options.TimePoints;

    public ILookup<string, AdtteRecord> Adtte => _adtte.Value;

    public ILookup<string, AdtrRecord> Adtr => _adtr.Value;

    public ILookup<string, AdexSpan> Adex => _adex.Value;

    public bool HasAdex => Analysis.Datasets.Safety?.Adex is not null;

    /// <summary>The ADRS subject-level record of a parameter (BOR, CBOR, PD, ...), or null.</summary>
    public AdrsParameter? Parameter(string subject, string paramCode) => _adrs.Value.Parameters.GetValueOrDefault((subject, paramCode));

    /// <summary>The ADRS OVR records of a subject, by date.</summary>
    public IReadOnlyList<OvrRecord> Ovr(string subject) => _adrs.Value.Ovr.TryGetValue(subject, out var list) ? list : [];

    /// <summary>The (confirmed, or by the options unconfirmed) best overall response of a subject: ADRS CBOR (BOR) AVALC, MISSING without one.</summary>
    public string BestResponse(string subject) =>
        Parameter(subject, Options.ResponseBasis == ResponseBasis.Confirmed ? "CBOR" : "BOR")?.Value is { Length: > 0 } v ? v : "MISSING";

    /// <summary>The arm of a subject by the safety options' arm variable (ARM or ACTARM), as the AE table.</summary>
    public (string Name, string Code) ArmOf(string subject) =>
        Adsl.TryGetValue(subject, out var s)
            ? (Analysis.Options.Safety.Arm == TreatmentArmVariable.Actual ? (s.ActualArm, s.ActualArmCode) : (s.Arm, s.ArmCode))
            : (string.Empty, string.Empty);

    private AnalysisPopulation CreateEfficacyPopulation()
    {
        var disposition = Analysis.Safety.Disposition;
        string definition = disposition.Options.EfficacySet == Disposition.EfficacySetDefinition.Treated
            ? "subjects who received at least one dose"
            : "every enrolled subject";
        return AnalysisPopulation.Create("Efficacy analysis set", definition, disposition.EfficacySet.Subjects, ArmOf);
    }

    private Dictionary<string, AdslSubject> ReadAdsl()
    {
        var result = new Dictionary<string, AdslSubject>(StringComparer.Ordinal);
        if (Analysis.Datasets.Safety?.Adsl is not { } adsl)
        {
            return result;
        }

        var r = new Columns(adsl);
        for (int i = 0; i < adsl.RowCount; i++)
        {
            string id = r.Text("USUBJID", i);
            result.TryAdd(id, new AdslSubject(
                id, r.Number("AGE", i), r.Text("SEX", i), r.Text("ARM", i), r.Text("ARMCD", i), r.Text("ACTARM", i), r.Text("ACTARMCD", i),
                r.Date("TRTSDT", i), r.Date("TRTEDT", i), r.Text("DTHFL", i) == "Y", r.Date("DTHDT", i)));
        }

        return result;
    }

    private (Dictionary<(string, string), AdrsParameter>, Dictionary<string, List<OvrRecord>>) ReadAdrs()
    {
        var parameters = new Dictionary<(string, string), AdrsParameter>();
        var ovr = new Dictionary<string, List<OvrRecord>>(StringComparer.Ordinal);
        if (Analysis.Datasets.Efficacy?.Adrs is not { } adrs)
        {
            return (parameters, ovr);
        }

        var r = new Columns(adrs);
        for (int i = 0; i < adrs.RowCount; i++)
        {
            string id = r.Text("USUBJID", i);
            string code = r.Text("PARAMCD", i);
            var date = r.Date("ADT", i);
            int? day = r.Number("ADY", i) is { } d ? (int)d : null;
            if (code == "OVR")
            {
                if (date is { } dt)
                {
                    if (!ovr.TryGetValue(id, out var list))
                    {
                        ovr[id] = list = [];
                    }

                    list.Add(new OvrRecord(dt, day, r.Text("AVALC", i), r.Text("ANL01FL", i) == "Y"));
                }
            }
            else
            {
                parameters.TryAdd((id, code), new AdrsParameter(r.Text("AVALC", i), date, day));
            }
        }

        foreach (var list in ovr.Values)
        {
            list.Sort((a, b) => a.Date.CompareTo(b.Date));
        }

        return (parameters, ovr);
    }

    private static ILookup<string, AdtteRecord> ReadAdtte(Dataset? adtte)
    {
        var rows = new List<AdtteRecord>();
        if (adtte is not null)
        {
            var r = new Columns(adtte);
            for (int i = 0; i < adtte.RowCount; i++)
            {
                if (r.Number("AVAL", i) is { } aval && r.Number("CNSR", i) is { } cnsr)
                {
                    rows.Add(new AdtteRecord(r.Text("USUBJID", i), r.Text("PARAMCD", i), aval, cnsr > 0, r.Date("STARTDT", i), r.Date("ADT", i)));
                }
            }
        }

        return rows.ToLookup(x => x.ParamCode, StringComparer.Ordinal);
    }

    private static ILookup<string, AdtrRecord> ReadAdtr(Dataset? adtr)
    {
        var rows = new List<AdtrRecord>();
        if (adtr is not null)
        {
            var r = new Columns(adtr);
            for (int i = 0; i < adtr.RowCount; i++)
            {
                rows.Add(new AdtrRecord(
                    r.Text("USUBJID", i), r.Date("ADT", i), r.Number("ADY", i) is { } d ? (int)d : null, r.Number("PCHG", i),
                    r.Text("ABLFL", i) == "Y", r.Text("ANL01FL", i) == "Y", r.Text("ANL02FL", i) == "Y"));
            }
        }

        return rows.ToLookup(x => x.Subject, StringComparer.Ordinal);
    }

    private static ILookup<string, AdexSpan> ReadAdex(Dataset? adex)
    {
        var rows = new List<AdexSpan>();
        if (adex is not null)
        {
            var r = new Columns(adex);
            var seen = new HashSet<(string, string, string)>();
            for (int i = 0; i < adex.RowCount; i++)
            {
                var key = (r.Text("USUBJID", i), r.Text("PARCAT1", i), r.Text("PARCAT2", i));
                if (seen.Add(key))
                {
                    rows.Add(new AdexSpan(key.Item1, key.Item2, key.Item3, r.Date("ASTDT", i), r.Date("AENDT", i)));
                }
            }
        }

        return rows.ToLookup(x => x.Subject, StringComparer.Ordinal);
    }

    /// <summary>Typed access to a dataset's columns by name; an absent column reads as empty / null.</summary>
    private sealed class Columns(Dataset dataset)
    {
        public string Text(string name, int row) => dataset.Find(name) is { } c
            ? (c.IsCharacter ? c.GetString(row)?.Trim() ?? string.Empty : c.Format(row))
            : string.Empty;

        public double? Number(string name, int row)
        {
            if (dataset.Find(name) is not { } c)
            {
                return null;
            }

            double? v = c.IsCharacter
                ? double.TryParse(c.GetString(row), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double parsed) ? parsed : null
                : c.GetNumber(row);
            return v is { } x && double.IsFinite(x) ? x : null;
        }

        public DateOnly? Date(string name, int row) => Number(name, row) is { } v ? SasDates.ToDate(v) : null;
    }
}
