using System.Globalization;
using OncoTrial.Clinical.Data;
using static OncoTrial.Clinical.Adam.AdamColumns;

namespace OncoTrial.Clinical.Safety;

/// <summary>The ADaM OCCDS dataset ADAE: one record per AE of a subject in the safety set. XPT-safe names and labels.</summary>
public static class AdaeWriter
{
    /// <summary>The dataset name, ADAE.</summary>
    public const string DatasetName = "ADAE";

    /// <summary>
    /// ADAE from the analysis records of <see cref="AeSummary.Events"/> (or <see cref="TreatmentEmergence.Derive"/>).
    /// Columns STUDYID, USUBJID, AESEQ, AETERM, AEDECOD, AEBODSYS, ASTDT, AENDT, ASTDY, AETOXGR, ATOXGRN, AESER, AREL,
    /// TRTEMFL, AOCCPFL, AOCCPIFL, AEIRFL.
    /// </summary>
    /// <remarks>
    /// Flags are "Y" or null (ADaM). AREL is "Y"/"N" (related to any study drug, missing causality per the options).
    /// AOCCPFL: the subject's first treatment-emergent record of the term by ASTDT then AESEQ (ADaM OCCDS). AOCCPIFL: the
    /// first record at the worst grade of the term, the record a worst-grade table counts (admiral
    /// <c>derive_var_extreme_flag(order = desc(ATOXGRN), ASTDT, AESEQ)</c>). AEIRFL is copied from SDTM (Y/N).
    /// </remarks>
    public static Dataset ToDataset(string studyId, IReadOnlyList<AnalysisAdverseEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        return Build(studyId, events, IntensityScale.CtcaeGrade, null);
    }

    /// <summary>
    /// ADAE of a study's safety data: as <see cref="ToDataset(string, IReadOnlyList{AnalysisAdverseEvent})"/>, with
    /// TRTP (DM ARM) and TRTA (DM ACTARM) after USUBJID, and, on the <see cref="IntensityScale.Severity"/> scale,
    /// AESEV, ASEV and ASEVN (1 MILD, 2 MODERATE, 3 SEVERE) in place of AETOXGR and ATOXGRN.
    /// </summary>
    /// <param name="data">The safety data the events were derived from (STUDYID, arms, scale).</param>
    /// <param name="events">From <see cref="TreatmentEmergence.Derive"/>.</param>
    public static Dataset ToDataset(SafetyData data, IReadOnlyList<AnalysisAdverseEvent> events)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(events);
        return Build(data.StudyId, events, data.Scale, data.Arms);
    }

    private static Dataset Build(string studyId, IReadOnlyList<AnalysisAdverseEvent> events, IntensityScale scale, IReadOnlyDictionary<string, SubjectArm>? arms)
    {
        int n = events.Count;
        string? Arm(AnalysisAdverseEvent e, bool actual) =>
            arms!.TryGetValue(e.Event.Subject, out var a) && (actual ? a.ActualArm : a.Arm) is { Length: > 0 } name ? name : null;
        DatasetColumn[] treatment = arms is null
            ? []
            :
            [
                Text("TRTP", "Planned Treatment", [.. events.Select(e => Arm(e, actual: false))]),
                Text("TRTA", "Actual Treatment", [.. events.Select(e => Arm(e, actual: true))]),
            ];
        DatasetColumn[] intensity = scale == IntensityScale.Severity
            ?
            [
                Text("AESEV", "Severity/Intensity", [.. events.Select(e => e.Event.Severity.Length > 0 ? e.Event.Severity : null)]),
                Text("ASEV", "Analysis Severity/Intensity", [.. events.Select(e => e.Event.SeverityLevel is { } l ? SafetyData.SeverityLevels[l - 1] : null)]),
                Integer("ASEVN", "Analysis Severity/Intensity (N)", [.. events.Select(e => Number(e.Event.SeverityLevel))]),
            ]
            :
            [
                Text("AETOXGR", "Standard Toxicity Grade", [.. events.Select(e => e.Event.Grade?.ToString(CultureInfo.InvariantCulture))]),
                Integer("ATOXGRN", "Analysis Toxicity Grade (N)", [.. events.Select(e => Number(e.Event.Grade))]),
            ];
        DatasetColumn[] columns =
        [
            Text("STUDYID", "Study Identifier", [.. Enumerable.Repeat(studyId, n)]),
            Text("USUBJID", "Unique Subject Identifier", [.. events.Select(e => e.Event.Subject)]),
            .. treatment,
            Integer("AESEQ", "Sequence Number", [.. events.Select(e => (double)e.Event.Sequence)]),
            Text("AETERM", "Reported Term for the Adverse Event", [.. events.Select(e => e.Event.Term)]),
            Text("AEDECOD", "Dictionary-Derived Term", [.. events.Select(e => e.Event.DecodedTerm)]),
            Text("AEBODSYS", "Body System or Organ Class", [.. events.Select(e => e.Event.BodySystem)]),
            Date("ASTDT", "Analysis Start Date", [.. events.Select(e => SasDate(e.StartDate))]),
            Date("AENDT", "Analysis End Date", [.. events.Select(e => SasDate(e.EndDate))]),
            Integer("ASTDY", "Analysis Start Relative Day", [.. events.Select(e => Number(e.StartDay))]),
            .. intensity,
            Text("AESER", "Serious Event", [.. events.Select(e => e.Event.IsSerious ? "Y" : "N")]),
            Text("AREL", "Analysis Causality", [.. events.Select(e => e.IsRelated ? "Y" : "N")]),
            Text("TRTEMFL", "Treatment Emergent Analysis Flag", [.. events.Select(e => Flag(e.IsTreatmentEmergent))]),
            Text("AOCCPFL", "1st Occurrence of Preferred Term Flag", [.. events.Select(e => Flag(e.IsFirstOccurrenceOfTerm))]),
            Text("AOCCPIFL", scale == IntensityScale.Severity ? "1st Max Sev./Int. Occurrence Within PT" : "1st Max Grade Occurrence Within PT Flag", [.. events.Select(e => Flag(e.IsFirstWorstGradeOfTerm))]),
            Text("AEIRFL", "Immune-Related Adverse Event", [.. events.Select(e => e.Event.IsImmuneRelated ? "Y" : "N")]),
        ];
        return new Dataset(DatasetName, "Adverse Events Analysis Dataset", columns);
    }
}
