using System.Collections.ObjectModel;
using OncoTrial.Clinical.Study.Rules;
using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Study;

/// <summary>Which set of expectations a study is validated against.</summary>
public enum ValidationProfileName
{
    /// <summary>
    /// SDTMIG 3.4 and CDISC controlled terminology: what any conformant SDTM study satisfies. Only DM is a required
    /// file, Required variables are never null, Expected ones are present (a note when not), controlled terms come from
    /// their codelists. The default.
    /// </summary>
    Sdtm,

    /// <summary>
    /// The seed trial's protocol on top of <see cref="Sdtm"/>: the domains and variables its analyses need (SC, EX
    /// cycles, CTCAE grades, TS DCUTDTC and REGIMEN, ...), its sponsor codelists, and RECIST, cutoff and disposition
    /// rules as errors. The reference cohort and the project's test studies declare it (TS VALPROF = seed).
    /// </summary>
    Seed,
}

/// <summary>
/// A validation profile: the domains and variables it requires beyond SDTMIG's Required ones, the codelists it
/// replaces (a sponsor's own lists), the TS parameters it needs, and the severity it gives each rule. A study names its
/// profile in TS (<see cref="TrialSummaryParameter"/>); a front end may choose another. docs/decisions/0009 explains
/// both profiles.
/// </summary>
public sealed class ValidationProfile
{
    /// <summary>The TS parameter that names a study's profile (TSPARMCD VALPROF, TSVAL <c>sdtm</c> or <c>seed</c>).</summary>
    public const string TrialSummaryParameter = "VALPROF";

    private readonly HashSet<(string Domain, string Variable)> _requiredVariables;
    private readonly Dictionary<(string Domain, string Variable), Codelist> _codelists;
    private readonly Dictionary<string, ProblemSeverity> _severities;

    private ValidationProfile(
        ValidationProfileName name,
        string source,
        IEnumerable<string> requiredDomains,
        IEnumerable<(string Domain, string Variable)> requiredVariables,
        IEnumerable<((string Domain, string Variable) Variable, Codelist Codelist)> codelists,
        IEnumerable<string> requiredParameters,
        IEnumerable<(string RuleId, ProblemSeverity Severity)> severities)
    {
        Name = name;
        Source = source;
        RequiredDomains = new ReadOnlyCollection<string>([.. requiredDomains]);
        _requiredVariables = [.. requiredVariables];
        _codelists = codelists.ToDictionary(c => c.Variable, c => c.Codelist);
        RequiredParameters = new ReadOnlyCollection<string>([.. requiredParameters]);
        _severities = severities.ToDictionary(s => s.RuleId, s => s.Severity, StringComparer.Ordinal);
    }

    /// <summary>SDTMIG 3.4 and CDISC CT (<see cref="ValidationProfileName.Sdtm"/>).</summary>
    public static ValidationProfile Sdtm { get; } = new(ValidationProfileName.Sdtm, "SDTMIG 3.4 and CDISC SDTM controlled terminology", ["DM"], [], [], [], []);

    /// <summary>The seed protocol (<see cref="ValidationProfileName.Seed"/>).</summary>
    public static ValidationProfile Seed { get; } = new(
        ValidationProfileName.Seed,
        "seed protocol (docs/data-format.md) on top of SDTMIG 3.4",
        ["DM", "SC", "DS", "EX", "TU", "TR", "AE", "TS"],
        [
            ("DM", "RFICDTC"), ("DM", "AGE"), ("DM", "AGEU"), ("DM", "ARMCD"), ("DM", "ARM"),
            ("SC", "SCSTRESC"),
            ("DS", "DSCAT"), ("DS", "DSSTDTC"),
            ("EX", "EXDOSE"), ("EX", "EXDOSU"), ("EX", "EXSTDTC"), ("EX", "EXCYCLE"),
            ("TU", "TULNKID"), ("TU", "TUORRES"), ("TU", "TULOC"), ("TU", "TUDTC"),
            ("TR", "TRLNKID"), ("TR", "VISIT"), ("TR", "TRDTC"),
            ("RS", "RSSTRESC"), ("RS", "RSEVAL"), ("RS", "RSDTC"),
            ("AE", "AEBODSYS"), ("AE", "AESTDTC"), ("AE", "AETOXGR"), ("AE", "AESER"),
            ("LB", "LBDTC"),
            ("VS", "VSSTRESN"), ("VS", "VSSTRESU"), ("VS", "VSDTC"),
            ("CM", "CMCAT"),
            ("TS", "TSVAL"),
        ],
        [
            (("SC", "SCTESTCD"), Codelist.Sponsor("seed protocol: SCTESTCD", "ECOG", "STAGE", "PDL1CPS", "METSITE", "NMETSITE", "PRSURG", "PRRADIO")),
            (("DS", "DSDECOD"), Codelists.DispositionTerm.ExtendedWith("seed protocol", "ENROLLED", "ONGOING", "SURVIVAL FOLLOW-UP")),
            (("DS", "DSSCAT"), Codelist.Sponsor("seed protocol: DSSCAT", "STUDY", "INITIAL THERAPY", "MAINTENANCE THERAPY", "SCREENING")),
            (("DS", "EPOCH"), Codelist.Sponsor("seed protocol: EPOCH", "SCREENING", "INITIAL THERAPY", "MAINTENANCE THERAPY", "FOLLOW-UP")),
            (("EX", "EPOCH"), Codelist.Sponsor("seed protocol: EPOCH of a dose", "INITIAL THERAPY", "MAINTENANCE THERAPY")),
            (("EX", "EXDOSU"), Codelist.Sponsor("seed protocol: dose units", "mg", "mg/m2", "mg/kg", "AUC")),
            (("EX", "EXROUTE"), Codelist.Sponsor("seed protocol: routes", "INTRAVENOUS", "ORAL")),
            (("TU", "TUORRES"), Codelist.Sponsor("seed protocol: lesion types", "TARGET", "NON-TARGET", "NEW")),
            (("TR", "TRTESTCD"), Codelist.Sponsor("seed protocol: TRTESTCD", "LDIAM", "LPERP", "TUMSTATE")),
            (("TR", "TRSTRESU"), Codelist.Sponsor("seed protocol: tumour units", "mm")),
            (("RS", "RSTESTCD"), Codelist.Sponsor("seed protocol: RSTESTCD", "OVRLRESP", "TRGRESP", "NTRGRESP", "NEWLIND")),
            (("RS", "RSCAT"), Codelist.Sponsor("seed protocol: RSCAT", "RECIST 1.1")),
            (("RS", "RSSTRESC"), Codelist.Sponsor("seed protocol: RECIST 1.1 responses", "CR", "PR", "SD", "NON-CR/NON-PD", "PD", "NE", "Y", "N")),
            (("RS", "RSEVAL"), Codelist.Sponsor("seed protocol: evaluators", "INVESTIGATOR", "INDEPENDENT ASSESSOR")),
            (("AE", "AEREL"), Codelist.Sponsor("seed protocol: causality", "Y", "N")),
            (("AE", "AESER"), Codelist.Sponsor("seed protocol: Y or N", "Y", "N")),
            (("AE", "AESDTH"), Codelist.Sponsor("seed protocol: Y or N", "Y", "N")),
            (("VS", "VSTESTCD"), Codelist.Sponsor("seed protocol: vital signs", "HEIGHT", "WEIGHT", "SYSBP", "DIABP", "PULSE", "TEMP", "BSA")),
            (("VS", "VSSTRESU"), Codelist.Sponsor("seed protocol: vital-sign units", "cm", "kg", "mmHg", "beats/min", "C", "m2")),
            (("CM", "CMCAT"), Codelist.Sponsor("seed protocol: CMCAT", "PRIOR ANTICANCER THERAPY", "SUBSEQUENT ANTICANCER THERAPY", "CONCOMITANT MEDICATION")),
        ],
        ["DCUTDTC", "REGIMEN"],
        [
            ("OT1014", ProblemSeverity.Error), ("OT1016", ProblemSeverity.Error), ("OT1017", ProblemSeverity.Error),
            ("OT2003", ProblemSeverity.Error), ("OT2006", ProblemSeverity.Error),
            ("OT3003", ProblemSeverity.Error), ("OT3006", ProblemSeverity.Error),
            ("OT4001", ProblemSeverity.Error), ("OT4002", ProblemSeverity.Error), ("OT4003", ProblemSeverity.Error), ("OT4004", ProblemSeverity.Error),
            ("OT4005", ProblemSeverity.Error), ("OT4007", ProblemSeverity.Error),
            ("OT7003", ProblemSeverity.Error), ("OT8001", ProblemSeverity.Error),
        ]);

    /// <summary>Every profile, in declaration order of <see cref="ValidationProfileName"/>.</summary>
    public static IReadOnlyList<ValidationProfile> All { get; } = [Sdtm, Seed];

    /// <summary>The profile's name (its token is what <c>--profile</c> and TS VALPROF take).</summary>
    public ValidationProfileName Name { get; }

    /// <summary>Where its expectations come from, for rule sources and messages.</summary>
    public string Source { get; }

    /// <summary>The domains a study must have.</summary>
    public IReadOnlyList<string> RequiredDomains { get; }

    /// <summary>The TS parameters (TSPARMCD) a study must have.</summary>
    public IReadOnlyList<string> RequiredParameters { get; }

    /// <summary>The profile with that name.</summary>
    public static ValidationProfile Of(ValidationProfileName name) => name switch
    {
        ValidationProfileName.Sdtm => Sdtm,
        ValidationProfileName.Seed => Seed,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "name: expected a ValidationProfileName member."),
    };

    /// <summary>
    /// The profile a study names in TS (TSPARMCD <see cref="TrialSummaryParameter"/>, TSVAL a profile token), or
    /// <see cref="Sdtm"/> when it names none or one that is not known (rule OT7005 reports that).
    /// </summary>
    public static ValidationProfile For(StudyFolder study)
    {
        ArgumentNullException.ThrowIfNull(study);
        return NamedIn(study) is { } token && Vocabulary.TryParse(token, out ValidationProfileName name) ? Of(name) : Sdtm;
    }

    /// <summary>The TSVAL of the study's first VALPROF record, or null when TS has none.</summary>
    public static string? NamedIn(StudyFolder study)
    {
        ArgumentNullException.ThrowIfNull(study);
        if (study.Domain("TS") is not { } ts || !ts.Has("TSPARMCD") || !ts.Has("TSVAL"))
        {
            return null;
        }

        var record = ts.Table.Records.FirstOrDefault(r => ts.Value(r, "TSPARMCD") == TrialSummaryParameter);
        return record is null ? null : ts.Value(record, "TSVAL").Trim();
    }

    /// <summary>True when the profile requires the domain's file.</summary>
    public bool RequiresDomain(string domain) => RequiredDomains.Contains(domain, StringComparer.Ordinal);

    /// <summary>True when the variable must be present with a value in every record: SDTMIG Req, or required by the profile.</summary>
    public bool Requires(DomainSpec domain, VariableSpec variable)
    {
        ArgumentNullException.ThrowIfNull(domain);
        ArgumentNullException.ThrowIfNull(variable);
        return variable.IsRequired || _requiredVariables.Contains((domain.Name, variable.Name));
    }

    /// <summary>The codelist a variable's values come from under this profile: the profile's own, else the variable's, else null.</summary>
    public Codelist? CodelistOf(DomainSpec domain, VariableSpec variable)
    {
        ArgumentNullException.ThrowIfNull(domain);
        ArgumentNullException.ThrowIfNull(variable);
        return _codelists.TryGetValue((domain.Name, variable.Name), out var own) ? own : variable.Codelist;
    }

    /// <summary>The severity of a rule's problems under this profile (its default unless the profile says otherwise).</summary>
    public ProblemSeverity SeverityOf(ValidationRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return _severities.TryGetValue(rule.Id, out var severity) ? severity : rule.DefaultSeverity;
    }

    /// <summary>The profile's token: <c>sdtm</c> or <c>seed</c>.</summary>
    public override string ToString() => Vocabulary.Token(Name);
}
