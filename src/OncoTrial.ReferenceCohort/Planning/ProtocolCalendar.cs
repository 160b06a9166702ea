using System.Globalization;

namespace OncoTrial.ReferenceCohort.Planning;

/// <summary>
/// The seed protocol's calendar as the reference cohort uses it (Li et al. 2024, Methods): 21-day cycles, 4-6 induction
/// cycles, tumour assessments every 2 cycles in induction and every 3 cycles in maintenance with a ±7 day window, all
/// counted from day 1 (first dose); enrolment September 2021 to November 2023; data cutoff 1 April 2024.
/// </summary>
public static class ProtocolCalendar
{
    /// <summary>Days per treatment cycle (every three weeks).</summary>
    public const int CycleDays = 21;

    /// <summary>Days between tumour assessments in induction (every 2 cycles).</summary>
    public const int InductionScanIntervalDays = 42;

    /// <summary>Days between tumour assessments in maintenance and in follow-up after treatment (every 3 cycles).</summary>
    public const int MaintenanceScanIntervalDays = 63;

    /// <summary>The visit window of a tumour assessment: its nominal day ± this many days.</summary>
    public const int ScanWindowDays = 7;

    /// <summary>How long before the first dose the baseline assessment may be (28 days).</summary>
    public const int BaselineWindowDays = 28;

    /// <summary>The data cutoff of the paper (1 April 2024).</summary>
    public static DateOnly DataCutoff { get; } = new(2024, 4, 1);

    /// <summary>The first day of enrolment (first dose) the paper allows: 1 September 2021.</summary>
    public static DateOnly EnrolmentStart { get; } = new(2021, 9, 1);

    /// <summary>The last day of enrolment (first dose) the paper allows: 30 November 2023.</summary>
    public static DateOnly EnrolmentEnd { get; } = new(2023, 11, 30);

    /// <summary>The COVID-19 outbreak the paper's Discussion names (October 2021 to November 2022): its first day.</summary>
    public static DateOnly CovidOutbreakStart { get; } = new(2021, 10, 1);

    /// <summary>The last day of the COVID-19 outbreak the paper's Discussion names.</summary>
    public static DateOnly CovidOutbreakEnd { get; } = new(2022, 11, 30);

    /// <summary>
    /// The nominal day of the <paramref name="index"/>-th post-baseline assessment (0 = the first). Induction assessments
    /// fall every 42 days from day 1 while the subject is in induction (days 43, 85 and, with 6 cycles, 127); maintenance
    /// assessments every 63 days from the first maintenance day (day 1 + 21 × induction cycles). A subject who stopped
    /// treatment during induction keeps the calendar of 4 induction cycles (43, 85, then every 63 days: 148, 211, ...).
    /// </summary>
    /// <param name="index">The assessment index, ≥ 0.</param>
    /// <param name="inductionCycles">Induction cycles before maintenance (4-6); ignored when <paramref name="enteredMaintenance"/> is false.</param>
    /// <param name="enteredMaintenance">Whether the subject entered maintenance.</param>
    public static int NominalScanDay(int index, int inductionCycles, bool enteredMaintenance)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        int cycles = enteredMaintenance ? Math.Clamp(inductionCycles, 4, 6) : 4;
        int maintenanceStart = 1 + (CycleDays * cycles);
        int inductionScans = (maintenanceStart - 1) / InductionScanIntervalDays;
        return index < inductionScans
            ? 1 + (InductionScanIntervalDays * (index + 1))
            : maintenanceStart + (MaintenanceScanIntervalDays * (index - inductionScans + 1));
    }

    /// <summary>The visit name of a nominal assessment day: "WEEK n" with n = (day − 1) / 7.</summary>
    public static string VisitName(int nominalDay) => string.Create(CultureInfo.InvariantCulture, $"WEEK {(nominalDay - 1) / 7}");

    /// <summary>The number of 21-day cycles that start on the protocol calendar from day <paramref name="fromDay"/> up to, not including, <paramref name="endDay"/>.</summary>
    internal static int CyclesStarted(int fromDay, int endDay) => endDay <= fromDay ? 0 : ((endDay - fromDay - 1) / CycleDays) + 1;
}
