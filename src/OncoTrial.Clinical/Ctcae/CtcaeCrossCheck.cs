using System.Globalization;
using OncoTrial.Clinical.Study;

using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Ctcae;

/// <summary>What a cross-check flag says.</summary>
public enum CrossCheckFlagKind
{
    /// <summary>The AE's reported grade (AETOXGR) is lower than the worst graded lab of its term in the AE's window.</summary>
    AeGradeBelowLab,

    /// <summary>A post-baseline lab (or vital sign) graded 3 or more with no AE of its term whose window covers it.</summary>
    LabGradeWithoutAe,
}

/// <summary>One disagreement between the reported AEs and the graded labs.</summary>
/// <param name="Kind">What disagrees.</param>
/// <param name="Usubjid">Subject.</param>
/// <param name="Term">CTCAE term.</param>
/// <param name="AeRow">AE data row (null for <see cref="CrossCheckFlagKind.LabGradeWithoutAe"/>).</param>
/// <param name="AeTerm">AEDECOD as reported.</param>
/// <param name="AeGrade">AETOXGR.</param>
/// <param name="Lab">The lab record with the worst grade in the window (or the lab without an AE).</param>
/// <param name="LabGrade">Its grade.</param>
/// <param name="Message">A sentence for the report.</param>
public sealed record CrossCheckFlag(
    CrossCheckFlagKind Kind,
    string Usubjid,
    string Term,
    int? AeRow,
    string? AeTerm,
    CtcaeGrade? AeGrade,
    GradedRecord Lab,
    CtcaeGrade LabGrade,
    string Message);

/// <summary>
/// Compares the investigator's AE grades with the graded labs. Lab grades and AE grades stay separate sources
/// (docs/reference/ctcae-conventions.md §2.4.12); this only reports where they disagree.
/// </summary>
public static class CtcaeCrossCheck
{
    /// <summary>
    /// Flags AEs reported lower than the labs say and labs of grade 3 or more with no AE. An AE's window runs from
    /// AESTDTC to AEENDTC (open while ongoing), widened by <see cref="CtcaeOptions.CrossCheckToleranceDays"/>; a
    /// partial date widens it to the whole month or year. AEDECOD is matched to a CTCAE term through the embedded AE
    /// term map (so Neutropenia is checked against Neutrophil count decreased). AEs without a usable start date or
    /// grade are not checked.
    /// </summary>
    public static IReadOnlyList<CrossCheckFlag> Run(StudyFolder study, IEnumerable<GradedRecord> graded, CtcaeOptions? options = null, CtcaeCriteria? criteria = null)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(graded);
        options ??= CtcaeOptions.Default;
        criteria ??= CtcaeCriteria.V5;
        OptionProblems.ThrowIfAny(options.Validate(), nameof(options));
        int tol = options.CrossCheckToleranceDays;
        var labs = graded.Where(g => g.Result.IsGradable && g.Date is not null).ToList();
        var flags = new List<CrossCheckFlag>();
        var aes = new List<(string Subject, string Term, string AeTerm, int Row, CtcaeGrade Grade, DateOnly From, DateOnly? To)>();
        if (study.Domain("AE") is { } ae)
        {
            foreach (var r in ae.Table.Records)
            {
                string decod = ae.Value(r, "AEDECOD").Trim();
                if (criteria.TermForAe(decod) is not { } term || !CtcaeGrade.TryParse(ae.Value(r, "AETOXGR"), out var grade)
                    || !PartialDate.TryParse(ae.Value(r, "AESTDTC"), out var start))
                {
                    continue;
                }

                DateOnly? end = PartialDate.TryParse(ae.Value(r, "AEENDTC"), out var e) ? e.Latest.AddDays(tol) : null;
                aes.Add((ae.Value(r, "USUBJID").Trim(), term, decod, r.Row, grade, start.Earliest.AddDays(-tol), end));
            }
        }

        foreach (var a in aes)
        {
            var worst = labs.Where(l => l.Usubjid == a.Subject && string.Equals(l.Term, a.Term, StringComparison.OrdinalIgnoreCase)
                    && l.Date >= a.From && (a.To is null || l.Date <= a.To))
                .OrderByDescending(l => l.Result.Grade!.Value.Value).ThenBy(l => l.Date).ThenBy(l => l.Row).FirstOrDefault();
            if (worst is not null && worst.Result.Grade!.Value > a.Grade)
            {
                var lg = worst.Result.Grade.Value;
                flags.Add(new CrossCheckFlag(CrossCheckFlagKind.AeGradeBelowLab, a.Subject, a.Term, a.Row, a.AeTerm, a.Grade, worst, lg,
                    string.Create(CultureInfo.InvariantCulture, $"{a.Subject}: AE row {a.Row} ({a.AeTerm}) is reported as grade {a.Grade}, but {worst.Describe()} is grade {lg} for {a.Term}.")));
            }
        }

        foreach (var l in labs.Where(l => l.Timing == RecordTiming.PostBaseline && l.Result.Grade!.Value.Value >= 3))
        {
            bool covered = aes.Any(a => a.Subject == l.Usubjid && string.Equals(a.Term, l.Term, StringComparison.OrdinalIgnoreCase)
                && l.Date >= a.From && (a.To is null || l.Date <= a.To));
            if (!covered)
            {
                var lg = l.Result.Grade!.Value;
                flags.Add(new CrossCheckFlag(CrossCheckFlagKind.LabGradeWithoutAe, l.Usubjid, l.Term, null, null, null, l, lg,
                    string.Create(CultureInfo.InvariantCulture, $"{l.Usubjid}: {l.Describe()} is grade {lg} for {l.Term}, and no AE of that term covers the date.")));
            }
        }

        return flags;
    }
}
