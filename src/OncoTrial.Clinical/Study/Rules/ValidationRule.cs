using OncoTrial.Clinical.Data;
using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Study.Rules;

/// <summary>What a validation rule is about; the first digit of its id (OT1xxx, OT2xxx, ...).</summary>
public enum ValidationRuleArea
{
    /// <summary>OT1xxx: the folder, its files (encoding, CSV structure, columns) and single values (types, controlled terms).</summary>
    FilesAndValues = 1,

    /// <summary>OT2xxx: keys and identity (subjects, sequence numbers, natural keys, the study identifier).</summary>
    KeysAndIdentity = 2,

    /// <summary>OT3xxx: dates (ISO 8601) and the order of events (consent, dosing, assessments, death).</summary>
    DatesAndEventOrder = 3,

    /// <summary>OT4xxx: RECIST 1.1 lesions (target selection, measurements, TU/TR links).</summary>
    Recist = 4,

    /// <summary>OT5xxx: adverse events graded by CTCAE v5.0.</summary>
    AdverseEvents = 5,

    /// <summary>OT6xxx: laboratory results.</summary>
    Labs = 6,

    /// <summary>OT7xxx: the trial summary and the data cutoff.</summary>
    TrialSummaryAndCutoff = 7,

    /// <summary>OT8xxx: disposition and exposure.</summary>
    DispositionAndExposure = 8,

    /// <summary>OT9xxx: baseline characteristics.</summary>
    BaselineCharacteristics = 9,
}

/// <summary>
/// One check of a study folder, with a stable id (<c>OT1001</c>, ...), a title, its source (an SDTMIG section or CDISC
/// controlled terminology, a RECIST 1.1 section, CTCAE v5.0, or a validation profile such as the seed protocol) and its
/// default severity, which a <see cref="ValidationProfile"/> may change. Every problem it reports carries its id
/// (<see cref="Problem.RuleId"/>) and one of its <see cref="Codes"/>. The catalogue, in id order, is
/// <see cref="StudyValidator.Rules"/>; docs/validation-rules.md lists it.
/// </summary>
public abstract class ValidationRule
{
    private protected ValidationRule(string id, string title, string source, params string[] codes)
        : this(id, title, source, ProblemSeverity.Error, codes)
    {
    }

    private protected ValidationRule(string id, string title, string source, ProblemSeverity severity, params string[] codes)
    {
        Id = id;
        Title = title;
        Source = source;
        Codes = codes;
        DefaultSeverity = severity;
    }

    /// <summary>The stable id, <c>OT</c> and four digits; the first digit is the <see cref="Area"/>.</summary>
    public string Id { get; }

    /// <summary>What a valid study satisfies, in a few words (e.g. "At most 5 target lesions per subject").</summary>
    public string Title { get; }

    /// <summary>Where the rule comes from: "RECIST 1.1 §4.2", "CTCAE v5.0", "SDTMIG 3.4", "seed protocol", ...</summary>
    public string Source { get; }

    /// <summary>The problem codes it reports (e.g. <c>RECIST_TARGET_COUNT</c>); a code may belong to more than one rule.</summary>
    public IReadOnlyList<string> Codes { get; }

    /// <summary>
    /// The severity of the problems it reports under the SDTM profile (<see cref="ValidationProfile.Sdtm"/>); only errors
    /// fail a validation. <see cref="ValidationProfile.SeverityOf"/> gives it under another profile.
    /// </summary>
    public ProblemSeverity DefaultSeverity { get; }

    /// <summary>The area, from the first digit of the id.</summary>
    public ValidationRuleArea Area => (ValidationRuleArea)(Id[2] - '0');

    /// <summary>
    /// The problems this rule finds in a loaded study: those found while loading it (file-level rules), and those of
    /// its check when the study is usable, with the severity the profile gives the rule.
    /// <see cref="StudyValidator.Validate(StudyFolder, ValidationProfile?)"/> runs every rule at once.
    /// </summary>
    /// <param name="study">A loaded study.</param>
    /// <param name="profile">The profile; null uses the one the study names in TS (VALPROF), else SDTM.</param>
    public IReadOnlyList<Problem> Check(StudyFolder study, ValidationProfile? profile = null)
    {
        ArgumentNullException.ThrowIfNull(study);
        profile ??= ValidationProfile.For(study);
        var problems = study.Problems.Where(p => p.RuleId == Id).ToList();
        if (study.IsUsable)
        {
            problems.AddRange(Find(new RuleContext(study, profile: profile)));
        }

        var severity = profile.SeverityOf(this);
        return [.. problems.Select(p => p.Severity == severity ? p : p with { Severity = severity })];
    }

    /// <summary>"OT4001 At most 5 target lesions per subject".</summary>
    public override string ToString() => Id + " " + Title;

    /// <summary>The problems of a usable study; the context holds what several rules share (dates, subjects, ...).</summary>
    internal abstract IEnumerable<Problem> Find(RuleContext context);

    /// <summary>A problem of this rule about a record.</summary>
    private protected Problem At(StudyDomain domain, CsvRecord record, string? column, string code, string expected, string found, string fix) =>
        At(domain.FileName, record.Line, record.Row, column, code, expected, found, fix);

    /// <summary>A problem of this rule at a file, line and data row.</summary>
    private protected Problem At(string file, int? line, int? row, string? column, string code, string expected, string found, string fix) =>
        new(file, line, row, column, code, expected, found, fix, DefaultSeverity) { RuleId = Id };
}
