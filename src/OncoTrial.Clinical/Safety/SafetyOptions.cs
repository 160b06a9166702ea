using System.Collections.ObjectModel;
using System.Globalization;

using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Safety;

/// <summary>How a record that continues a pre-treatment adverse event is judged for the treatment-emergent flag.</summary>
public enum TeaeWorseningRule
{
    /// <summary>
    /// Each AE record is judged on its own onset date. SDTM records a change of grade as a new record with its own start
    /// date, so a pre-treatment AE that worsens after the first dose appears as a new, treatment-emergent record.
    /// admiral <c>derive_var_trtemfl()</c> without <c>initial_intensity</c>/<c>intensity</c>.
    /// </summary>
    OnsetOnly,

    /// <summary>
    /// As <see cref="OnsetOnly"/>, but a record that starts in the window while a pre-treatment record of the same term
    /// (AEDECOD) was still ongoing at the first dose is treatment-emergent only when its grade is above the worst
    /// pre-treatment grade of that term. PHUSE WP-087; admiral <c>derive_var_trtemfl(initial_intensity, intensity)</c>.
    /// </summary>
    RequireWorseningOfOngoing,
}

/// <summary>What a missing causality (AEREL and every per-drug AEREL... column empty) counts as.</summary>
public enum MissingCausalityRule
{
    /// <summary>Related: the conservative convention of most SAPs (docs/reference/ctcae-conventions.md §4).</summary>
    Related,

    /// <summary>Not related.</summary>
    NotRelated,
}

/// <summary>Where the treatment-emergent window ends.</summary>
public enum TeaeWindowEnd
{
    /// <summary>
    /// On or before the last dose + <see cref="SafetyOptions.TreatmentEmergentWindowDays"/> days: admiral
    /// <c>derive_var_trtemfl(trt_end_date = TRTEDT, end_window = 30)</c>, the protocol's follow-up window.
    /// </summary>
    LastDosePlusWindow,

    /// <summary>
    /// No upper bound: every onset on or after the first dose is treatment-emergent. admiral
    /// <c>derive_var_trtemfl()</c> without <c>trt_end_date</c>/<c>end_window</c>; the CDISC pilot's ADAE TRTEMFL
    /// (ASTDT ≥ TRTSDT).
    /// </summary>
    Open,
}

/// <summary>Which DM variable gives the treatment arm of the safety tables and of ADAE TRTA.</summary>
public enum TreatmentArmVariable
{
    /// <summary>
    /// DM ARM, the planned arm (ADSL TRT01P). The CDISC pilot's ADaM sets TRT01A = TRT01P = ARM and tabulates its
    /// safety tables by it (ADAE TRTA); the default.
    /// </summary>
    Planned,

    /// <summary>DM ACTARM, the arm actually received (ADSL TRT01A in admiral's ADSL template).</summary>
    Actual,
}

/// <summary>
/// The causality table: how each AEREL value (and each per-drug causality column) maps to related / not related.
/// </summary>
public static class CausalityScale
{
    /// <summary>
    /// The default table, matched ignoring case and surrounding blanks. Related: Y, RELATED, POSSIBLE, POSSIBLY
    /// RELATED, PROBABLE, PROBABLY RELATED, LIKELY, DEFINITE, DEFINITELY RELATED, CERTAIN. Not related: N, NOT RELATED,
    /// UNRELATED, NONE, REMOTE, UNLIKELY, UNLIKELY RELATED. Sources and reasoning in
    /// docs/decisions/0011-safety-on-any-study.md: a "reasonable possibility" of a causal relationship (ICH E2A) is
    /// related, so POSSIBLE is related and UNLIKELY/REMOTE are not.
    /// </summary>
    public static IReadOnlyDictionary<string, bool> Default { get; } = new ReadOnlyDictionary<string, bool>(new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase)
    {
        ["Y"] = true,
        ["RELATED"] = true,
        ["POSSIBLE"] = true,
        ["POSSIBLY RELATED"] = true,
        ["PROBABLE"] = true,
        ["PROBABLY RELATED"] = true,
        ["LIKELY"] = true,
        ["DEFINITE"] = true,
        ["DEFINITELY RELATED"] = true,
        ["CERTAIN"] = true,
        ["N"] = false,
        ["NOT RELATED"] = false,
        ["UNRELATED"] = false,
        ["NONE"] = false,
        ["REMOTE"] = false,
        ["UNLIKELY"] = false,
        ["UNLIKELY RELATED"] = false,
    });

    /// <summary>
    /// Whether a causality value is related under <paramref name="table"/>: true or false for a value in the table
    /// (ignoring case and surrounding blanks), null for an empty value or one the table does not know.
    /// </summary>
    public static bool? Map(IReadOnlyDictionary<string, bool> table, string? value)
    {
        ArgumentNullException.ThrowIfNull(table);
        string v = value?.Trim() ?? string.Empty;
        if (v.Length == 0)
        {
            return null;
        }

        if (table.TryGetValue(v, out bool related))
        {
            return related;
        }

        foreach (var (key, rel) in table)
        {
            if (string.Equals(key.Trim(), v, StringComparison.OrdinalIgnoreCase))
            {
                return rel;
            }
        }

        return null;
    }
}

/// <summary>Options of the treatment-emergent flag and the AE summary. Every result carries the options that made it.</summary>
public sealed record SafetyOptions
{
    /// <summary>The defaults: 30-day window, onset-only rule, missing causality related, 20% threshold, whole percentages.</summary>
    public static SafetyOptions Default { get; } = new();

    /// <summary>Days after the last dose during which an AE onset is treatment-emergent (protocol: 30; ≥ 0).</summary>
    public int TreatmentEmergentWindowDays { get; init; } = 30;

    /// <summary>Where the treatment-emergent window ends: last dose + <see cref="TreatmentEmergentWindowDays"/> (default) or open.</summary>
    public TeaeWindowEnd WindowEnd { get; init; } = TeaeWindowEnd.LastDosePlusWindow;

    /// <summary>The DM variable that gives each subject's arm in the AE table: ARM (planned, default) or ACTARM.</summary>
    public TreatmentArmVariable Arm { get; init; } = TreatmentArmVariable.Planned;

    /// <summary>
    /// How each causality value (AEREL and the per-drug columns) maps to related (true) or not related (false);
    /// default <see cref="CausalityScale.Default"/>. A value the table does not know is a warning and counts as
    /// <see cref="MissingCausality"/> says.
    /// </summary>
    public IReadOnlyDictionary<string, bool> Causality { get; init; } = CausalityScale.Default;

    /// <summary>How a record continuing a pre-treatment AE is judged.</summary>
    public TeaeWorseningRule WorseningRule { get; init; } = TeaeWorseningRule.OnsetOnly;

    /// <summary>What a missing causality counts as.</summary>
    public MissingCausalityRule MissingCausality { get; init; } = MissingCausalityRule.Related;

    /// <summary>Terms are listed when their all-cause any-grade frequency is at least this percentage (paper: 20; 0 lists every term).</summary>
    public decimal FrequencyThresholdPercent { get; init; } = 20m;

    /// <summary>Decimals of printed percentages (paper: 0). Rounded half away from zero, as SAS ROUND (R's round() rounds half to even).</summary>
    public int PercentDecimals { get; init; }

    /// <summary>Grouped terms (custom queries) tabulated as one row each; default <see cref="AeGroups.Default"/> (bleeding events).</summary>
    public IReadOnlyList<AeGroup> Groups { get; init; } = AeGroups.Default;

    /// <summary>Most decimals of printed percentages.</summary>
    public const int MaxPercentDecimals = 4;

    /// <summary>
    /// Every problem with the options (empty when valid), each named by its option: <c>threshold</c> a percentage
    /// from 0 to 100, <c>teae-window-days</c> ≥ 0, <c>percent-decimals</c> from 0 to <see cref="MaxPercentDecimals"/>,
    /// defined <c>worsening-rule</c> and <c>missing-causality</c>, and <c>groups</c> each with a name and terms.
    /// </summary>
    public IReadOnlyList<Problem> Validate()
    {
        var problems = new List<Problem>();
        if (!(FrequencyThresholdPercent >= 0 && FrequencyThresholdPercent <= 100))
        {
            problems.Add(Problem.ForOption("threshold", OptionProblems.Range, "a percentage from 0 to 100", FrequencyThresholdPercent.ToString(CultureInfo.InvariantCulture)));
        }

        if (TreatmentEmergentWindowDays < 0)
        {
            problems.Add(OptionProblems.WholeNumber("teae-window-days", "a number of days >= 0 after the last dose", TreatmentEmergentWindowDays, "The protocol's window is usually 30 days."));
        }

        if (PercentDecimals is < 0 or > MaxPercentDecimals)
        {
            problems.Add(OptionProblems.WholeNumber("percent-decimals", string.Create(CultureInfo.InvariantCulture, $"0 to {MaxPercentDecimals} decimals"), PercentDecimals));
        }

        OptionProblems.CheckDefined(problems, "worsening-rule", WorseningRule);
        OptionProblems.CheckDefined(problems, "missing-causality", MissingCausality);
        OptionProblems.CheckDefined(problems, "teae-window-end", WindowEnd);
        OptionProblems.CheckDefined(problems, "arm", Arm);
        if (Causality is null || Causality.Keys.Any(string.IsNullOrWhiteSpace))
        {
            problems.Add(Problem.ForOption("causality", OptionProblems.Range, "a table of causality values (AEREL) to related / not related", Causality is null ? "null" : "an empty value", "Map each AEREL value the study uses; see docs/decisions/0011-safety-on-any-study.md."));
        }

        if (Groups is null)
        {
            problems.Add(Problem.ForOption("groups", OptionProblems.Range, "a list of grouped terms (empty for none)", "null"));
        }
        else
        {
            for (int i = 0; i < Groups.Count; i++)
            {
                if (Groups[i] is not { } g || string.IsNullOrWhiteSpace(g.Name) || g.Terms is null || g.Terms.Count == 0)
                {
                    problems.Add(Problem.ForOption(
                        "groups",
                        OptionProblems.Range,
                        "grouped terms with a name and at least one term",
                        string.Create(CultureInfo.InvariantCulture, $"group {i + 1} without one"),
                        "Name every group and list its AEDECOD terms."));
                }
            }
        }

        return problems.AsReadOnly();
    }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> listing every problem of <see cref="Validate"/>, one per line.</summary>
    public void EnsureValid() => OptionProblems.ThrowIfAny(Validate(), "options");

    /// <summary>A one-line statement of the options, printed with every table.</summary>
    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"Treatment-emergent: onset on or after the first dose {(WindowEnd == TeaeWindowEnd.Open ? "with no upper bound" : $"and on or before the last dose + {TreatmentEmergentWindowDays} days")} ({Vocabulary.Token(WorseningRule)}); missing causality counts as {(MissingCausality == MissingCausalityRule.Related ? "related" : "not related")}; terms with all-cause frequency >= {FrequencyThresholdPercent}%; percentages rounded half away from zero to {PercentDecimals} decimals.");

    /// <summary>The last day of the treatment-emergent window for a last dose, or null when the window is open.</summary>
    public DateOnly? WindowEndFor(DateOnly lastDose) =>
        WindowEnd == TeaeWindowEnd.Open ? null : lastDose.AddDays(TreatmentEmergentWindowDays);

    /// <summary>100 n / N rounded as the options say; null when N is 0.</summary>
    public decimal? Percent(int n, int denominator) =>
        denominator <= 0 ? null : Math.Round(100m * n / denominator, PercentDecimals, MidpointRounding.AwayFromZero);

    /// <summary>"n (p)" as the paper prints it: "0" for zero, else n and the rounded percentage.</summary>
    public string FormatCount(int n, int denominator)
    {
        if (n == 0 || Percent(n, denominator) is not { } p)
        {
            return n.ToString(CultureInfo.InvariantCulture);
        }

        string format = PercentDecimals == 0 ? "0" : "0." + new string('0', PercentDecimals);
        return n.ToString(CultureInfo.InvariantCulture) + " (" + p.ToString(format, CultureInfo.InvariantCulture) + ")";
    }
}

/// <summary>A grouped term: a named list of AEDECOD values counted as one row (a custom query, CQzzNAM in ADaM).</summary>
/// <param name="Name">Row label, e.g. "Bleeding events".</param>
/// <param name="Terms">AEDECOD values, matched ignoring case.</param>
public sealed record AeGroup(string Name, IReadOnlyList<string> Terms)
{
    /// <summary>True when the term belongs to the group.</summary>
    public bool Contains(string term) => Terms.Any(t => string.Equals(t, term?.Trim(), StringComparison.OrdinalIgnoreCase));
}

/// <summary>The built-in grouped terms.</summary>
public static class AeGroups
{
    /// <summary>
    /// Bleeding events: every CTCAE v5.0 haemorrhage term of the gastrointestinal, respiratory, nervous-system, renal and
    /// vascular SOCs that a VEGFR-TKI trial reports, in CTCAE (US) spelling and the MedDRA PT (UK) spelling of the paper's
    /// three events. The list is a sponsor choice, not MedDRA's SMQ "Haemorrhages"; pass your own in
    /// <see cref="SafetyOptions.Groups"/>. docs/methods/safety.md lists it.
    /// </summary>
    public static AeGroup Bleeding { get; } = new("Bleeding events",
    [
        "Intracranial hemorrhage", "Haemorrhage intracranial", "Epistaxis", "Lower gastrointestinal hemorrhage",
        "Lower gastrointestinal haemorrhage", "Upper gastrointestinal hemorrhage", "Upper gastrointestinal haemorrhage",
        "Gastrointestinal haemorrhage", "Esophageal hemorrhage", "Oesophageal haemorrhage", "Gastric hemorrhage",
        "Duodenal hemorrhage", "Rectal hemorrhage", "Hemorrhoidal hemorrhage", "Oral hemorrhage", "Intra-abdominal hemorrhage",
        "Bronchopulmonary hemorrhage", "Pulmonary haemorrhage", "Haemoptysis", "Hemoptysis", "Mediastinal hemorrhage",
        "Tracheal hemorrhage", "Hematuria", "Haematuria", "Tumor hemorrhage", "Tumour haemorrhage", "Haematemesis",
    ]);

    /// <summary>The default groups: <see cref="Bleeding"/>.</summary>
    public static IReadOnlyList<AeGroup> Default { get; } = [Bleeding];
}
