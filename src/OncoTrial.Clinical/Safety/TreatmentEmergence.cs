using OncoTrial.Clinical.Adam;
using OncoTrial.Clinical.Study;

namespace OncoTrial.Clinical.Safety;

/// <summary>An AE record with its analysis values: the ADAE record before it becomes columns.</summary>
/// <param name="Event">The SDTM record.</param>
/// <param name="StartDate">ASTDT: AESTDTC imputed (see <see cref="TreatmentEmergence.ImputeStartDate"/>), or null.</param>
/// <param name="EndDate">AENDT: AEENDTC, a partial date imputed to its last possible day, or null.</param>
/// <param name="StartDay">ASTDY from the first dose, or null.</param>
/// <param name="IsRelated">AREL = Y: related to any study drug under the options.</param>
/// <param name="IsTreatmentEmergent">TRTEMFL = Y.</param>
/// <param name="IsFirstOccurrenceOfTerm">AOCCPFL = Y: the subject's first treatment-emergent record of the term (ASTDT, then AESEQ).</param>
/// <param name="IsFirstWorstGradeOfTerm">AOCCPIFL = Y: the subject's first treatment-emergent record of the term at its worst grade, or severity on the severity scale (intensity descending, ASTDT, AESEQ).</param>
public sealed record AnalysisAdverseEvent(
    AdverseEvent Event,
    DateOnly? StartDate,
    DateOnly? EndDate,
    int? StartDay,
    bool IsRelated,
    bool IsTreatmentEmergent,
    bool IsFirstOccurrenceOfTerm,
    bool IsFirstWorstGradeOfTerm);

/// <summary>The treatment-emergent flag and the AE date imputations.</summary>
public static class TreatmentEmergence
{
    /// <summary>
    /// Whether an AE onset is treatment-emergent: on or after the first dose and on or before the last dose + the window.
    /// </summary>
    /// <remarks>
    /// A partial start date is a span of possible days [earliest, latest]. The AE is treatment-emergent when some day of
    /// the span is in the window: latest ≥ first dose and earliest ≤ last dose + window. An uncertain start therefore never
    /// makes an AE non-emergent (admiral's highest imputation with <c>min_dates = TRTSDT</c> gives the same answer).
    /// A missing start is treatment-emergent unless the AE certainly ended before the first dose (PHUSE WP-087).
    /// </remarks>
    /// <param name="start">AESTDTC, or null when missing.</param>
    /// <param name="end">AEENDTC, or null.</param>
    /// <param name="firstDose">TRTSDT.</param>
    /// <param name="lastDose">TRTEDT (≥ first dose).</param>
    /// <param name="windowDays">Days after the last dose (≥ 0).</param>
    public static bool IsTreatmentEmergent(PartialDate? start, PartialDate? end, DateOnly firstDose, DateOnly lastDose, int windowDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(windowDays);
        return IsTreatmentEmergent(start, end, firstDose, lastDose.AddDays(windowDays));
    }

    /// <summary>
    /// Whether an AE onset is treatment-emergent: on or after the first dose and, unless <paramref name="windowEnd"/> is
    /// null (an open window, admiral <c>derive_var_trtemfl()</c> without <c>end_window</c>), on or before
    /// <paramref name="windowEnd"/>. Partial and missing starts as in
    /// <see cref="IsTreatmentEmergent(PartialDate?, PartialDate?, DateOnly, DateOnly, int)"/>.
    /// </summary>
    /// <param name="start">AESTDTC, or null when missing.</param>
    /// <param name="end">AEENDTC, or null.</param>
    /// <param name="firstDose">TRTSDT.</param>
    /// <param name="windowEnd">The last day of the window (last dose + window), or null for no upper bound.</param>
    public static bool IsTreatmentEmergent(PartialDate? start, PartialDate? end, DateOnly firstDose, DateOnly? windowEnd)
    {
        if (start is not { } s)
        {
            return end is not { } e || e.Latest >= firstDose;
        }

        return s.Latest >= firstDose && (windowEnd is not { } w || s.Earliest <= w);
    }

    /// <summary>
    /// ASTDT: a complete AESTDTC as is; a partial one at its first possible day, or at the first dose when the first dose
    /// falls within its span (admiral <c>derive_vars_dt(date_imputation = "first", min_dates = TRTSDT)</c>); null when missing.
    /// </summary>
    public static DateOnly? ImputeStartDate(PartialDate? start, DateOnly? firstDose)
    {
        if (start is not { } s)
        {
            return null;
        }

        if (firstDose is { } f && s.Earliest <= f && f <= s.Latest)
        {
            return f;
        }

        return s.Earliest;
    }

    /// <summary>
    /// Derives the analysis values of every AE record of the safety set (subjects with a dose), in USUBJID, ASTDT,
    /// AESEQ order. A treated subject without a usable first-dose date keeps its records, none treatment-emergent
    /// (admiral: TRTEMFL is missing when TRTSDT is).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The options have a problem (<see cref="SafetyOptions.Validate"/>).</exception>
    public static IReadOnlyList<AnalysisAdverseEvent> Derive(SafetyData data, SafetyOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        options.EnsureValid();
        var result = new List<AnalysisAdverseEvent>();
        var treated = data.SafetySet.ToHashSet(StringComparer.Ordinal);
        foreach (var subject in data.AdverseEvents.GroupBy(a => a.Subject, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            bool dated = data.Exposures.TryGetValue(subject.Key, out var exposure);
            if (!dated && !treated.Contains(subject.Key))
            {
                continue;
            }

            var records = subject
                .Select(a =>
                {
                    if (exposure is null)
                    {
                        return new AnalysisAdverseEvent(a, ImputeStartDate(a.Start, null), a.End?.Latest, null, a.IsRelated(options.MissingCausality), false, false, false);
                    }

                    DateOnly? astdt = ImputeStartDate(a.Start, exposure.FirstDose);
                    bool emergent = IsTreatmentEmergent(a.Start, a.End, exposure.FirstDose, options.WindowEndFor(exposure.LastDose));
                    return new AnalysisAdverseEvent(
                        a, astdt, a.End?.Latest, astdt is { } d ? StudyDays.Compute(d, exposure.FirstDose) : null,
                        a.IsRelated(options.MissingCausality), emergent, false, false);
                })
                .OrderBy(x => x.StartDate ?? DateOnly.MinValue).ThenBy(x => x.Event.Sequence)
                .ToList();

            if (exposure is not null && options.WorseningRule == TeaeWorseningRule.RequireWorseningOfOngoing)
            {
                ApplyWorseningRule(records, exposure.FirstDose);
            }

            var emergent = Enumerable.Range(0, records.Count).Where(i => records[i].IsTreatmentEmergent).ToList();
            foreach (var term in emergent.GroupBy(i => records[i].Event.DecodedTerm, StringComparer.OrdinalIgnoreCase))
            {
                int first = term.First();
                int worst = term.OrderByDescending(i => records[i].Event.Intensity ?? 0).First();
                records[first] = records[first] with { IsFirstOccurrenceOfTerm = true };
                records[worst] = records[worst] with { IsFirstWorstGradeOfTerm = true };
            }

            result.AddRange(records);
        }

        return result.AsReadOnly();
    }

    private static void ApplyWorseningRule(List<AnalysisAdverseEvent> records, DateOnly firstDose)
    {
        // Worst pre-treatment grade of each term still ongoing at the first dose.
        var ongoing = records
            .Where(x => x.Event.Start is { } s && s.Latest < firstDose && (x.Event.End is not { } e || e.Latest >= firstDose))
            .GroupBy(x => x.Event.DecodedTerm, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Max(x => x.Event.Intensity ?? 0), StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < records.Count; i++)
        {
            var x = records[i];
            if (x.IsTreatmentEmergent && ongoing.TryGetValue(x.Event.DecodedTerm, out int before) && (x.Event.Intensity ?? 0) <= before)
            {
                records[i] = x with { IsTreatmentEmergent = false };
            }
        }
    }
}
