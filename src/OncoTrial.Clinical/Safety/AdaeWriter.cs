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
        int n = events.Count;
        DatasetColumn[] columns =
        [
            Text("STUDYID", "Study Identifier", [.. Enumerable.Repeat(studyId, n)]),
            Text("USUBJID", "Unique Subject Identifier", [.. events.Select(e => e.Event.Subject)]),
            Integer("AESEQ", "Sequence Number", [.. events.Select(e => (double)e.Event.Sequence)]),
            Text("AETERM", "Reported Term for the Adverse Event", [.. events.Select(e => e.Event.Term)]),
            Text("AEDECOD", "Dictionary-Derived Term", [.. events.Select(e => e.Event.DecodedTerm)]),
            Text("AEBODSYS", "Body System or Organ Class", [.. events.Select(e => e.Event.BodySystem)]),
            Date("ASTDT", "Analysis Start Date", [.. events.Select(e => SasDate(e.StartDate))]),
            Date("AENDT", "Analysis End Date", [.. events.Select(e => SasDate(e.EndDate))]),
            Integer("ASTDY", "Analysis Start Relative Day", [.. events.Select(e => Number(e.StartDay))]),
            Text("AETOXGR", "Standard Toxicity Grade", [.. events.Select(e => e.Event.Grade?.ToString(CultureInfo.InvariantCulture))]),
            Integer("ATOXGRN", "Analysis Toxicity Grade (N)", [.. events.Select(e => Number(e.Event.Grade))]),
            Text("AESER", "Serious Event", [.. events.Select(e => e.Event.IsSerious ? "Y" : "N")]),
            Text("AREL", "Analysis Causality", [.. events.Select(e => e.IsRelated ? "Y" : "N")]),
            Text("TRTEMFL", "Treatment Emergent Analysis Flag", [.. events.Select(e => Flag(e.IsTreatmentEmergent))]),
            Text("AOCCPFL", "1st Occurrence of Preferred Term Flag", [.. events.Select(e => Flag(e.IsFirstOccurrenceOfTerm))]),
            Text("AOCCPIFL", "1st Max Grade Occurrence Within PT Flag", [.. events.Select(e => Flag(e.IsFirstWorstGradeOfTerm))]),
            Text("AEIRFL", "Immune-Related Adverse Event", [.. events.Select(e => e.Event.IsImmuneRelated ? "Y" : "N")]),
        ];
        return new Dataset(DatasetName, "Adverse Events Analysis Dataset", columns);
    }
}
