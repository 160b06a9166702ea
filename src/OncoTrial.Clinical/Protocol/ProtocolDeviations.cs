using System.Globalization;
using OncoTrial.Clinical.Study;

namespace OncoTrial.Clinical.Protocol;

/// <summary>One EX record as the deviation checks need it.</summary>
/// <param name="SubjectId">USUBJID.</param>
/// <param name="Sequence">EXSEQ.</param>
/// <param name="Drug">EXTRT.</param>
/// <param name="Dose">EXDOSE, in <paramref name="Unit"/>.</param>
/// <param name="Unit">EXDOSU.</param>
/// <param name="Frequency">EXDOSFRQ (ONCE, QD, ...), or "".</param>
/// <param name="Start">EXSTDTC.</param>
/// <param name="End">EXENDTC, or the start when absent.</param>
/// <param name="Cycle">EXCYCLE.</param>
/// <param name="Line">The record's line in the EX file (0 when not from a file).</param>
public sealed record ExposureRecord(string SubjectId, int Sequence, string Drug, double Dose, string Unit, string Frequency, DateOnly Start, DateOnly End, int Cycle, int Line = 0)
{
    /// <summary>
    /// Reads the EX domain of a study folder. Records whose dates, dose, sequence or cycle cannot be read are left out
    /// and returned as problems; <c>oncotrial validate</c> reports them in full.
    /// </summary>
    public static (IReadOnlyList<ExposureRecord> Records, IReadOnlyList<string> Problems) Read(StudyDomain ex)
    {
        ArgumentNullException.ThrowIfNull(ex);
        var records = new List<ExposureRecord>();
        var problems = new List<string>();
        foreach (var r in ex.Table.Records)
        {
            string subject = ex.Value(r, "USUBJID");
            bool ok = int.TryParse(ex.Value(r, "EXSEQ"), NumberStyles.Integer, CultureInfo.InvariantCulture, out int seq);
            ok &= double.TryParse(ex.Value(r, "EXDOSE"), NumberStyles.Float, CultureInfo.InvariantCulture, out double dose);
            ok &= int.TryParse(ex.Value(r, "EXCYCLE"), NumberStyles.Integer, CultureInfo.InvariantCulture, out int cycle);
            ok &= PartialDate.TryParse(ex.Value(r, "EXSTDTC"), out var start) && start.IsCompleteDate;
            string endText = ex.Value(r, "EXENDTC");
            var end = start;
            ok &= endText.Length == 0 || (PartialDate.TryParse(endText, out end) && end.IsCompleteDate);
            if (!ok || subject.Length == 0)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{ex.FileName}, line {r.Line}: expected USUBJID, EXSEQ, EXDOSE, EXCYCLE and complete EXSTDTC/EXENDTC dates, found a record missing one of them. The record is left out of the deviation checks; run 'oncotrial validate'."));
                continue;
            }

            records.Add(new ExposureRecord(subject, seq, ex.Value(r, "EXTRT").ToUpperInvariant(), dose, ex.Value(r, "EXDOSU"), ex.Value(r, "EXDOSFRQ").ToUpperInvariant(), start.Earliest, end.Earliest, cycle, r.Line));
        }

        return (records.AsReadOnly(), problems.AsReadOnly());
    }
}

/// <summary>The protocol rules that the EX data can break.</summary>
public enum DeviationRule
{
    /// <summary>A drug's first administration in a cycle came later than its planned date by more than one delay episode allows (<see cref="DelayRules.MaxDaysPerEpisode"/>, or the drug's own <see cref="RegimenDrug.MaxDelayDays"/>).</summary>
    LateCycleStart,

    /// <summary>An interruption within a cycle (a gap between a drug's EX records) longer than one delay episode allows.</summary>
    DelayTooLong,

    /// <summary>More delay episodes in one cycle (a late start plus interruptions) than <see cref="DelayRules.MaxEpisodesPerCycle"/>.</summary>
    TooManyDelays,

    /// <summary>The total given in a cycle exceeds the planned amount per cycle (the range's upper bound) by more than <see cref="Regimen.DoseTolerance"/>.</summary>
    DoseAbovePlanned,
}

/// <summary>One protocol deviation found in the EX data.</summary>
/// <param name="SubjectId">USUBJID.</param>
/// <param name="Drug">EXTRT.</param>
/// <param name="Cycle">EXCYCLE.</param>
/// <param name="Sequence">EXSEQ of the record that shows it (the first of the cycle for totals).</param>
/// <param name="Line">Its line in the EX file, or 0.</param>
/// <param name="Rule">The rule broken.</param>
/// <param name="Observed">What the data show (days of delay, episodes, or the dose given in the drug's unit).</param>
/// <param name="Limit">What the protocol allows, in the same unit.</param>
/// <param name="Message">The deviation in words, with the numbers.</param>
public sealed record ProtocolDeviation(string SubjectId, string Drug, int Cycle, int Sequence, int Line, DeviationRule Rule, double Observed, double Limit, string Message);

/// <summary>Protocol deviations found in exposure records.</summary>
public static class ProtocolDeviations
{
    /// <summary>
    /// Checks each subject's EX records against the regimen. For cycle k ≥ 2 the planned date of a drug is the
    /// previous cycle's actual day 1 (its earliest EX start) plus the cycle length plus the drug's first dosing day − 1;
    /// a start later than planned by more than <see cref="DelayRules.StartToleranceDays"/> is a delay episode. Gaps
    /// between a drug's consecutive records within a cycle are interruption episodes. Doses are compared per cycle in
    /// the drug's own unit (EXDOSU must equal the regimen unit; other records are not compared); a QD record counts
    /// EXDOSE on each day from EXSTDTC to EXENDTC. Drugs not in the regimen are ignored.
    /// </summary>
    public static IReadOnlyList<ProtocolDeviation> Derive(Regimen regimen, IEnumerable<ExposureRecord> records)
    {
        ArgumentNullException.ThrowIfNull(regimen);
        ArgumentNullException.ThrowIfNull(records);
        var result = new List<ProtocolDeviation>();
        foreach (var subject in records.GroupBy(r => r.SubjectId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var byCycle = subject.GroupBy(r => r.Cycle).OrderBy(g => g.Key).ToList();
            var day1 = byCycle.ToDictionary(g => g.Key, g => g.Min(r => r.Start));
            foreach (var cycle in byCycle)
            {
                foreach (var drugRecords in cycle.GroupBy(r => r.Drug, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
                {
                    var drug = regimen.FindDrug(drugRecords.Key);
                    if (drug is null)
                    {
                        continue;
                    }

                    var list = drugRecords.OrderBy(r => r.Start).ThenBy(r => r.Sequence).ToList();
                    CheckDelays(regimen, drug, cycle.Key, list, day1, result);
                    CheckDose(regimen, drug, cycle.Key, list, result);
                }
            }
        }

        return result.AsReadOnly();
    }

    private static void CheckDelays(Regimen regimen, RegimenDrug drug, int cycle, List<ExposureRecord> list, Dictionary<int, DateOnly> day1, List<ProtocolDeviation> result)
    {
        var rules = regimen.Delays;
        int limit = drug.MaxDelayDays ?? rules.MaxDaysPerEpisode;
        int episodes = 0;
        var first = list[0];
        if (day1.TryGetValue(cycle - 1, out var previous))
        {
            var planned = previous.AddDays(regimen.CycleLengthDays + drug.Days[0] - 1);
            int delay = first.Start.DayNumber - planned.DayNumber;
            if (delay > rules.StartToleranceDays)
            {
                episodes++;
                if (delay > limit)
                {
                    result.Add(new ProtocolDeviation(first.SubjectId, drug.Id, cycle, first.Sequence, first.Line, DeviationRule.LateCycleStart, delay, limit, string.Create(
                        CultureInfo.InvariantCulture,
                        $"{first.SubjectId} EXSEQ {first.Sequence}: {drug.Id} cycle {cycle} started {first.Start:yyyy-MM-dd}, {delay} days after its planned date {planned:yyyy-MM-dd} (cycle {cycle - 1} day 1 {previous:yyyy-MM-dd} + {regimen.CycleLengthDays} days); a delay may last at most {limit} days.")));
                }
            }
        }

        for (int i = 1; i < list.Count; i++)
        {
            int gap = list[i].Start.DayNumber - list[i - 1].End.DayNumber - 1;
            if (gap > 0)
            {
                episodes++;
                if (gap > limit)
                {
                    result.Add(new ProtocolDeviation(list[i].SubjectId, drug.Id, cycle, list[i].Sequence, list[i].Line, DeviationRule.DelayTooLong, gap, limit, string.Create(
                        CultureInfo.InvariantCulture,
                        $"{list[i].SubjectId} EXSEQ {list[i].Sequence}: {drug.Id} cycle {cycle} was interrupted for {gap} days ({list[i - 1].End:yyyy-MM-dd} to {list[i].Start:yyyy-MM-dd}); a delay may last at most {limit} days.")));
                }
            }
        }

        if (episodes > rules.MaxEpisodesPerCycle)
        {
            result.Add(new ProtocolDeviation(first.SubjectId, drug.Id, cycle, first.Sequence, first.Line, DeviationRule.TooManyDelays, episodes, rules.MaxEpisodesPerCycle, string.Create(
                CultureInfo.InvariantCulture,
                $"{first.SubjectId}: {drug.Id} cycle {cycle} had {episodes} delay episodes (late start and interruptions); at most {rules.MaxEpisodesPerCycle} are allowed per cycle.")));
        }
    }

    private static void CheckDose(Regimen regimen, RegimenDrug drug, int cycle, List<ExposureRecord> list, List<ProtocolDeviation> result)
    {
        double total = 0;
        bool any = false;
        foreach (var r in list)
        {
            if (!string.Equals(r.Unit, drug.Dose.Unit, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            int days = r.Frequency == "QD" ? Math.Max(1, r.End.DayNumber - r.Start.DayNumber + 1) : 1;
            total += r.Dose * days;
            any = true;
        }

        double planned = drug.AmountPerCycle(drug.Dose.Highest);
        double limit = planned * (1 + regimen.DoseTolerance);
        if (any && total > limit + 1e-9)
        {
            var first = list[0];
            result.Add(new ProtocolDeviation(first.SubjectId, drug.Id, cycle, first.Sequence, first.Line, DeviationRule.DoseAbovePlanned, total, planned, string.Create(
                CultureInfo.InvariantCulture,
                $"{first.SubjectId} EXSEQ {first.Sequence}: {drug.Id} cycle {cycle} total {total:0.###} {drug.Dose.Unit} is above the planned {planned:0.###} {drug.Dose.Unit} per cycle by more than {regimen.DoseTolerance * 100:0.#}% (limit {limit:0.###}).")));
        }
    }
}
