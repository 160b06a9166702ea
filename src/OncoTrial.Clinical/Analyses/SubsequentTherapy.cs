using System.Globalization;
using OncoTrial.Clinical.Adam;
using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Analyses;

/// <summary>The anti-PD-1 antibodies recognised in CM (CMDECOD, else CMTRT).</summary>
/// <remarks>
/// The anti-PD-1 monoclonal antibodies (not the anti-PD-L1 ones: atezolizumab, durvalumab, avelumab, sugemalimab,
/// adebrelimab, envafolimab, benmelstobart) of WHO ATC group L01FF "PD-1/PDL-1 (programmed cell death protein 1/death
/// ligand 1) inhibitors" (nivolumab, pembrolizumab, cemiplimab, dostarlimab, prolgolimab, tislelizumab, retifanlimab,
/// toripalimab, camrelizumab, sintilimab, serplulimab, penpulimab), the anti-PD-1 antibodies approved in China (NMPA) and
/// used in oesophageal cancer trials (zimberelimab, pucotenlimab), the PD-1 bispecifics cadonilimab (PD-1/CTLA-4) and
/// ivonescimab (PD-1/VEGF), and spartalizumab. docs/methods/analyses.md lists them with their sources. A study whose CM
/// has a class (CMCLAS) containing "PD-1" is recognised by it too.
/// </remarks>
public static class AntiPd1Agents
{
    /// <summary>The default list, lower case.</summary>
    public static IReadOnlyList<string> Default { get; } =
    [
        "nivolumab", "pembrolizumab", "cemiplimab", "dostarlimab", "prolgolimab", "tislelizumab", "retifanlimab", "toripalimab",
        "camrelizumab", "sintilimab", "serplulimab", "penpulimab", "zimberelimab", "pucotenlimab", "cadonilimab", "ivonescimab",
        "spartalizumab",
    ];
}

/// <summary>One subsequent anticancer therapy record (CM, CMCAT SUBSEQUENT ANTICANCER THERAPY).</summary>
/// <param name="Subject">USUBJID.</param>
/// <param name="Treatment">CMDECOD, else CMTRT.</param>
/// <param name="Class">CMCLAS, or "".</param>
/// <param name="Start">CMSTDTC as recorded ("" when missing).</param>
/// <param name="Line">The line of therapy after the study treatment: 1 for the earliest regimen (start date), 2 for the next, ...</param>
/// <param name="IsAntiPd1">CMDECOD/CMTRT names an anti-PD-1 agent of the options, or CMCLAS contains PD-1.</param>
/// <param name="FileLine">The line in the CM file.</param>
public sealed record SubsequentTherapyRecord(string Subject, string Treatment, string Class, string Start, int Line, bool IsAntiPd1, int FileLine);

/// <summary>
/// Subsequent anticancer therapy among the subjects who progressed (ADRS PD = Y: the denominator, as the paper's 7/13):
/// those with a CM record CMCAT SUBSEQUENT ANTICANCER THERAPY, those with two or more lines (third-line therapy counting
/// the study's as the first), and those given anti-PD-1 therapy. A line is a regimen: the records of a subject that start
/// on the same CMSTDTC.
/// </summary>
/// <param name="Options">The options (anti-PD-1 list).</param>
/// <param name="Population">The analysis set and its columns.</param>
/// <param name="Progressed">Per column: subjects who progressed, over N: the denominator of the next rows.</param>
/// <param name="Received">Per column: subjects who progressed with a subsequent therapy record, over those who progressed.</param>
/// <param name="ThirdLine">Per column: of those, two or more lines (third-line therapy), over those who progressed.</param>
/// <param name="AntiPd1">Per column: an anti-PD-1 record, over those who progressed.</param>
/// <param name="ReceivedAny">Per column: any subject of the set with a subsequent therapy record, over N (whether or not they progressed).</param>
/// <param name="Records">The subsequent therapy records of the analysis set, by subject and line.</param>
/// <param name="Problems">Notes and warnings.</param>
public sealed record SubsequentTherapy(
    TrialResultsOptions Options,
    AnalysisPopulation Population,
    IReadOnlyList<Frequency> Progressed,
    IReadOnlyList<Frequency> Received,
    IReadOnlyList<Frequency> ThirdLine,
    IReadOnlyList<Frequency> AntiPd1,
    IReadOnlyList<Frequency> ReceivedAny,
    IReadOnlyList<SubsequentTherapyRecord> Records,
    IReadOnlyList<Problem> Problems)
{
    /// <summary>The footnote, from the result.</summary>
    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Population.Describe()}. Among the {Progressed[^1].Count} subjects who progressed (RECIST 1.1, ADRS PD): CM records with CMCAT {StudyEndpointInputs.SubsequentTherapyCategory}; a line is the regimen started on one date; two or more lines are third-line therapy; anti-PD-1: CMDECOD one of {Options.AntiPd1Agents.Count} agents or CMCLAS containing PD-1.");

    internal static SubsequentTherapy Compute(AnalysisInputs inputs)
    {
        var options = inputs.Options;
        var population = inputs.Efficacy;
        var problems = new List<Problem>();
        var set = population.Subjects.ToHashSet(StringComparer.Ordinal);
        var records = new List<SubsequentTherapyRecord>();
        if (inputs.Analysis.Study.Domain("CM") is { } cm)
        {
            var rows = cm.Table.Records
                .Where(r => string.Equals(cm.Value(r, "CMCAT").Trim(), StudyEndpointInputs.SubsequentTherapyCategory, StringComparison.OrdinalIgnoreCase))
                .Select(r => (Record: r, Subject: cm.Value(r, "USUBJID").Trim()))
                .Where(x => set.Contains(x.Subject));
            foreach (var subject in rows.GroupBy(x => x.Subject, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                // A line per distinct start date, in date order (a partial date at its earliest day); a record without a start is a line of its own, last.
                var dated = subject.Select(x => (x.Record, Start: cm.Value(x.Record, "CMSTDTC").Trim())).ToList();
                var starts = dated.Where(x => x.Start.Length > 0).Select(x => x.Start).Distinct(StringComparer.Ordinal)
                    .OrderBy(s => Study.PartialDate.TryParse(s, out var d) ? d.Earliest : DateOnly.MaxValue).ThenBy(s => s, StringComparer.Ordinal).ToList();
                int undated = starts.Count;
                foreach (var (r, start) in dated)
                {
                    string treatment = cm.Value(r, "CMDECOD").Trim() is { Length: > 0 } d ? d : cm.Value(r, "CMTRT").Trim();
                    string cls = cm.Value(r, "CMCLAS").Trim();
                    bool antiPd1 = options.AntiPd1Agents.Any(a => treatment.Contains(a, StringComparison.OrdinalIgnoreCase)) || cls.Contains("PD-1", StringComparison.OrdinalIgnoreCase);
                    int line = start.Length > 0 ? starts.IndexOf(start) + 1 : ++undated;
                    if (start.Length == 0)
                    {
                        problems.Add(new Problem(
                            cm.FileName, r.Line, r.Row, "CMSTDTC", "ANALYSIS_THERAPY_START_MISSING", "the start date of a subsequent therapy", "none",
                            "Fill in CMSTDTC; the record counts as a line of its own.", ProblemSeverity.Warning));
                    }

                    records.Add(new SubsequentTherapyRecord(subject.Key, treatment, cls, start, line, antiPd1, r.Line));
                }
            }
        }
        else
        {
            problems.Add(new Problem(
                inputs.Analysis.Study.FileNameOf("CM"), null, null, "CMCAT", "ANALYSIS_NO_CM", "CM records with CMCAT SUBSEQUENT ANTICANCER THERAPY", "no CM domain",
                "None needed: no subject counts as having subsequent therapy.", ProblemSeverity.Note));
        }

        var progressed = population.Subjects.Where(id => inputs.Parameter(id, "PD")?.Value == "Y").ToHashSet(StringComparer.Ordinal);
        var bySubject = records.ToLookup(r => r.Subject, StringComparer.Ordinal);
        records.Sort((a, b) => string.CompareOrdinal(a.Subject, b.Subject) is var c and not 0 ? c : a.Line.CompareTo(b.Line));
        return new SubsequentTherapy(
            options,
            population,
            population.Count(progressed.Contains),
            population.Count(id => bySubject[id].Any(), progressed),
            population.Count(id => bySubject[id].Select(r => r.Line).Distinct().Count() >= 2, progressed),
            population.Count(id => bySubject[id].Any(r => r.IsAntiPd1), progressed),
            population.Count(id => bySubject[id].Any()),
            records.AsReadOnly(),
            problems.AsReadOnly());
    }
}
