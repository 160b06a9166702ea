using System.Collections.ObjectModel;
using System.Globalization;
using OncoTrial.Clinical.Data;
using OncoTrial.Clinical.Safety;
using OncoTrial.Clinical.Study;
using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Exposure;

/// <summary>
/// The subjects who received study treatment, by the one rule that decides whether an EX record is an exposure:
/// the safety set (ADSL SAFFL = Y) and each subject's first and last dose (TRTSDT, TRTEDT).
/// </summary>
/// <param name="Subjects">Every subject with at least one exposure record (<see cref="TreatmentExposure.IsExposure(double?, string?)"/>), in USUBJID order: SAFFL = Y.</param>
/// <param name="Periods">First and last dose of each subject whose exposure records have a usable EXSTDTC; a treated subject without one has none (TRTSDT missing).</param>
/// <param name="FirstLines">The line in the EX file of each treated subject's first exposure record, for locating problems.</param>
/// <param name="Problems">Exposure records without a usable start date (warnings: the subject is treated, with no TRTSDT from that record).</param>
public sealed record TreatedSubjects(
    IReadOnlyList<string> Subjects,
    IReadOnlyDictionary<string, SubjectExposure> Periods,
    IReadOnlyDictionary<string, int> FirstLines,
    IReadOnlyList<Problem> Problems)
{
    /// <summary>No subject treated (a study without EX).</summary>
    public static TreatedSubjects None { get; } = new([], new ReadOnlyDictionary<string, SubjectExposure>(new Dictionary<string, SubjectExposure>()), new ReadOnlyDictionary<string, int>(new Dictionary<string, int>()), []);

    /// <summary>Whether the subject received study treatment (SAFFL = Y).</summary>
    public bool IsTreated(string subject) => FirstLines.ContainsKey(subject);
}

/// <summary>
/// Which EX records count as exposure to study treatment. One place decides it for the safety set, TRTSDT/TRTEDT,
/// the disposition's safety set and ADSL.
/// </summary>
public static class TreatmentExposure
{
    /// <summary>The word in EXTRT that marks a placebo administration (EXDOSE 0 by convention).</summary>
    public const string Placebo = "PLACEBO";

    /// <summary>
    /// Whether an EX record is an exposure: EXDOSE above 0, or EXDOSE 0 with an EXTRT that contains PLACEBO (ignoring
    /// case). A missing or non-numeric EXDOSE is not an exposure.
    /// </summary>
    /// <remarks>
    /// admiral's ADSL template (<c>inst/templates/ad_adsl.R</c>) derives TRTSDTM, TRTEDTM and SAFFL from the EX records
    /// with <c>EXDOSE &gt; 0 | (EXDOSE == 0 &amp; str_detect(EXTRT, "PLACEBO"))</c>: a placebo subject is dosed, a
    /// documented skipped administration (EXDOSE 0 of an active drug) is not. admiral's <c>str_detect</c> is
    /// case-sensitive; this rule ignores case, so an EXTRT "Placebo" is a placebo too. In R an <c>NA</c> EXDOSE fails
    /// the filter, as a missing dose does here.
    /// </remarks>
    /// <param name="dose">EXDOSE, or null when missing or not a number.</param>
    /// <param name="treatment">EXTRT.</param>
    public static bool IsExposure(double? dose, string? treatment) =>
        dose is { } d && double.IsFinite(d) && (d > 0 || (d == 0 && treatment is not null && treatment.Contains(Placebo, StringComparison.OrdinalIgnoreCase)));

    /// <summary>Whether a record of an EX domain is an exposure (<see cref="IsExposure(double?, string?)"/> on its EXDOSE and EXTRT).</summary>
    public static bool IsExposure(StudyDomain ex, CsvRecord record)
    {
        ArgumentNullException.ThrowIfNull(ex);
        ArgumentNullException.ThrowIfNull(record);
        return IsExposure(Dose(ex.Value(record, "EXDOSE")), ex.Value(record, "EXTRT"));
    }

    /// <summary>
    /// The treated subjects of a study: every subject with an exposure record, and for each its first dose (earliest
    /// EXSTDTC, earliest possible day of a partial date) and last dose (latest EXENDTC, or EXSTDTC when EXENDTC is
    /// empty; latest possible day of a partial date). An exposure record whose EXSTDTC is missing or not a date still
    /// makes the subject treated and gives no dates (warning <c>EX_START_UNUSABLE</c>). Never throws for bad content.
    /// </summary>
    /// <param name="study">A loaded study folder; without EX nobody is treated.</param>
    public static TreatedSubjects Derive(StudyFolder study)
    {
        ArgumentNullException.ThrowIfNull(study);
        if (study.Domain("EX") is not { } ex)
        {
            return TreatedSubjects.None;
        }

        var problems = new List<Problem>();
        var periods = new SortedDictionary<string, SubjectExposure>(StringComparer.Ordinal);
        var lines = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var r in ex.Table.Records)
        {
            string id = ex.Value(r, "USUBJID").Trim();
            if (id.Length == 0 || !IsExposure(ex, r))
            {
                continue;
            }

            lines.TryAdd(id, r.Line);
            string startText = ex.Value(r, "EXSTDTC");
            if (!PartialDate.TryParse(startText, out var start))
            {
                problems.Add(new Problem(ex.FileName, r.Line, r.Row, "EXSTDTC", "EX_START_UNUSABLE", "an ISO 8601 start date of the dose", Problem.Quote(startText), "Correct EXSTDTC; the subject is treated (safety set) but this record gives no first or last dose date.", ProblemSeverity.Warning));
                continue;
            }

            DateOnly last = PartialDate.TryParse(ex.Value(r, "EXENDTC"), out var end) ? end.Latest : start.Latest;
            periods[id] = periods.TryGetValue(id, out var cur)
                ? new SubjectExposure(id, Min(cur.FirstDose, start.Earliest), Max(cur.LastDose, last))
                : new SubjectExposure(id, start.Earliest, Max(start.Earliest, last));
        }

        return new TreatedSubjects(
            [.. lines.Keys],
            new ReadOnlyDictionary<string, SubjectExposure>(periods),
            new ReadOnlyDictionary<string, int>(lines),
            problems.AsReadOnly());
    }

    private static double? Dose(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) ? d : null;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
