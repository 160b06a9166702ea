using System.Collections.ObjectModel;
using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Study.Rules;

/// <summary>
/// Every validation rule, in id order (<see cref="StudyValidator.Rules"/>), and the ids of the problems found while
/// loading a study (by code). Ids are stable: a rule that is dropped keeps its id unused; a new rule takes the next
/// free id of its area.
/// </summary>
internal static class RuleCatalogue
{
    private const string Layout = "OncoTrial study folder (docs/data-format.md)";

    /// <summary>The rules, in id order.</summary>
    public static ReadOnlyCollection<ValidationRule> All { get; } = new ValidationRule[]
    {
        new LoadingRule("OT1001", "The study folder exists", Layout, "FOLDER_MISSING"),
        new LoadingRule("OT1002", "The study folder or .zip can be read", Layout, "FOLDER_UNREADABLE"),
        new RequiredDomainRule(),
        new LoadingRule("OT1004", "Every domain file can be opened", Layout, "FILE_UNREADABLE"),
        new LoadingRule("OT1005", "A Dataset-JSON or XPT domain file can be read", "CDISC Dataset-JSON v1.1; SAS XPT version 5", "FORMAT"),
        new LoadingRule("OT1006", "Files are UTF-8 text", "OncoTrial study folder (docs/data-format.md: UTF-8 CSV)", "ENCODING"),
        new LoadingRule("OT1007", "CSV records are well formed", "RFC 4180", "CSV_STRUCTURE"),
        new RequiredColumnRule(),
        new LoadingRule("OT1009", "No column repeats", Layout, "COLUMN_DUPLICATE"),
        new ValueMissingRule(),
        new MissingCodeRule(),
        new NotANumberRule(),
        new ValueNotAllowedRule(),
        new UnitUnknownRule(),
        new ExpectedColumnsRule(),
        new CodelistTermRule(),
        new MissingTextCodeRule(),
        new DuplicateSubjectRule(),
        new DuplicateSeqRule(),
        new DuplicateRecordRule(),
        new UnknownSubjectRule(),
        new StudyIdMismatchRule(),
        new DuplicateKeyRule(),
        new DateFormatRule(),
        new DateImpossibleRule(),
        new DeathDateMissingRule(),
        new DeathFlagMissingRule(),
        new DeathBeforeFirstDoseRule(),
        new BeforeConsentRule(),
        new EndBeforeStartRule(),
        new AfterDeathRule(),
        new TargetCountRule(),
        new TargetsPerOrganRule(),
        new LesionTooSmallRule(),
        new NodeTooSmallRule(),
        new NodeLongAxisRule(),
        new LesionNotIdentifiedRule(),
        new TargetAfterBaselineRule(),
        new CtcaeGradeNotAllowedRule(),
        new Grade5NotFatalRule(),
        new UnitMissingRule(),
        new RangeInvertedRule(),
        new TrialSummaryParameterRule(),
        new CutoffDateRule(),
        new AfterCutoffRule(),
        new NoCutoffRule(),
        new ProfileUnknownRule(),
        new DeathDispositionMissingRule(),
        new DispositionPhaseTwiceRule(),
        new DoseToScreenFailureRule(),
        new CycleOrderRule(),
        new CharacteristicValueRule(),
    }.OrderBy(r => r.Id, StringComparer.Ordinal).ToList().AsReadOnly();

    /// <summary>
    /// The rule id of each problem code that loading reports: the file-level rules, and the two checks that decide
    /// whether a study is usable at all (DM missing: OT1003; DM without USUBJID: OT1008).
    /// </summary>
    private static readonly Dictionary<string, string> LoadingRuleIds = All.OfType<LoadingRule>().Select(r => (r.Codes[0], r.Id))
        .Append(("FILE_MISSING", "OT1003")).Append(("COLUMN_MISSING", "OT1008"))
        .ToDictionary(x => x.Item1, x => x.Item2, StringComparer.Ordinal);

    /// <summary>The rules by id.</summary>
    public static IReadOnlyDictionary<string, ValidationRule> ById { get; } = All.ToDictionary(r => r.Id, StringComparer.Ordinal);

    /// <summary>The problem with the id of the file-level rule of its code (FOLDER_MISSING, ENCODING, ...); unchanged for other codes.</summary>
    public static Problem WithRuleId(Problem problem) =>
        LoadingRuleIds.TryGetValue(problem.Code, out string? id) ? problem with { RuleId = id } : problem;
}
