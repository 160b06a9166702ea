using System.Globalization;
using OncoTrial.Clinical.Study;

using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Exposure;

/// <summary>Reads the EX domain of a study folder into <see cref="Administration"/> records.</summary>
public static class ExposureReader
{
    /// <summary>EPOCH of the induction phase.</summary>
    public const string InductionEpoch = "INITIAL THERAPY";

    /// <summary>EPOCH of the maintenance phase.</summary>
    public const string MaintenanceEpoch = "MAINTENANCE THERAPY";

    /// <summary>
    /// The administrations of the study's EX. A record that cannot be used (no subject or drug, a dose, cycle or start
    /// date that is not a number or a complete date, a unit different from the drug's first one) is left out with an
    /// error; an end date before the start, or an unknown phase, is a warning. Never throws for bad content.
    /// </summary>
    /// <param name="study">A loaded study folder.</param>
    public static ExposureData Read(StudyFolder study)
    {
        ArgumentNullException.ThrowIfNull(study);
        var ex = study.Domain("EX");
        if (ex is null)
        {
            string file = study.FileNameOf("EX");
            return new ExposureData([], [new Problem(file, null, null, null, "EX_MISSING", "the EX domain (one record per administration)", "no EX domain", $"Add {file}; see docs/data-format.md.")]);
        }

        return Read(ex);
    }

    /// <summary>
    /// The administrations of an EX domain; see <see cref="Read(StudyFolder)"/>. An EX without an EXCYCLE column (a
    /// study that does not give treatment in cycles) has no administrations for the cycle-based exposure (cycles, RDI,
    /// ADEX), and one note says so.
    /// </summary>
    /// <param name="ex">The EX domain.</param>
    public static ExposureData Read(StudyDomain ex)
    {
        ArgumentNullException.ThrowIfNull(ex);
        if (!HasCycles(ex))
        {
            return new ExposureData([], [new Problem(ex.FileName, 1, null, "EXCYCLE", "EX_NO_CYCLES", "an EXCYCLE column (the cycle of each administration) for the cycle-based exposure", "no such column", "None needed unless the study gives treatment in cycles: cycles, relative dose intensity and ADEX are not derived; the safety set, first and last dose come from EX as it is.", ProblemSeverity.Note)]);
        }

        var problems = new List<Problem>();
        var parsed = new List<Administration>();
        string file = ex.FileName;
        foreach (var record in ex.Table.Records)
        {
            void Report(string column, string code, string expected, string found, string fix, ProblemSeverity severity = ProblemSeverity.Error) =>
                problems.Add(new Problem(file, record.Line, record.Row, column, code, expected, found, fix, severity));

            string subject = ex.Value(record, "USUBJID").Trim();
            string drug = ex.Value(record, "EXTRT").Trim();
            if (subject.Length == 0 || drug.Length == 0)
            {
                Report(subject.Length == 0 ? "USUBJID" : "EXTRT", "EX_KEY_MISSING", "a subject and a drug", "an empty value", "Fill USUBJID and EXTRT.");
                continue;
            }

            string doseText = ex.Value(record, "EXDOSE");
            if (!double.TryParse(doseText, NumberStyles.Float, CultureInfo.InvariantCulture, out double dose) || !double.IsFinite(dose) || dose < 0)
            {
                Report("EXDOSE", "EX_DOSE", "a dose >= 0 with a dot as the decimal separator", Problem.Quote(doseText), "Correct EXDOSE; the record is left out of the exposure.");
                continue;
            }

            string cycleText = ex.Value(record, "EXCYCLE");
            if (!int.TryParse(cycleText, NumberStyles.Integer, CultureInfo.InvariantCulture, out int cycle) || cycle < 1)
            {
                Report("EXCYCLE", "EX_CYCLE", "a cycle number >= 1", Problem.Quote(cycleText), "Correct EXCYCLE; the record is left out of the exposure.");
                continue;
            }

            string startText = ex.Value(record, "EXSTDTC");
            if (!PartialDate.TryParse(startText, out var startDate) || !startDate.IsCompleteDate)
            {
                Report("EXSTDTC", "EX_START_DATE", "a complete ISO 8601 date YYYY-MM-DD", Problem.Quote(startText), "Complete the start date; partial dates are not imputed for exposure. The record is left out.");
                continue;
            }

            DateOnly start = startDate.Earliest;
            DateOnly end = start;
            string endText = ex.Value(record, "EXENDTC");
            if (endText.Length > 0)
            {
                if (!PartialDate.TryParse(endText, out var endDate) || !endDate.IsCompleteDate)
                {
                    Report("EXENDTC", "EX_END_DATE", "a complete ISO 8601 date or an empty value", Problem.Quote(endText), "Complete the end date; the start date is used.", ProblemSeverity.Warning);
                }
                else if (endDate.Earliest < start)
                {
                    Report("EXENDTC", "EX_END_BEFORE_START", "an end on or after the start " + start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Problem.Quote(endText), "Correct the dates; the start date is used as the end.", ProblemSeverity.Warning);
                }
                else
                {
                    end = endDate.Earliest;
                }
            }

            int perDay = DosesPerDay(ex.Value(record, "EXDOSFRQ").Trim());
            int administrations = perDay == 0 ? 1 : perDay * (end.DayNumber - start.DayNumber + 1);
            if (perDay == 0 && end > start)
            {
                Report("EXDOSFRQ", "EX_PERIOD_ONCE", "QD, BID, TID or QID for a record that spans several days", Problem.Quote(ex.Value(record, "EXDOSFRQ")), "Set EXDOSFRQ; the record counts as one administration.", ProblemSeverity.Warning);
            }

            double? planned = null;
            string plannedText = ex.Value(record, "EXPDOSE");
            if (plannedText.Length > 0)
            {
                if (double.TryParse(plannedText, NumberStyles.Float, CultureInfo.InvariantCulture, out double p) && double.IsFinite(p) && p > 0)
                {
                    planned = p;
                }
                else
                {
                    Report("EXPDOSE", "EX_PLANNED_DOSE", "a planned dose > 0 or an empty value", Problem.Quote(plannedText), "Correct EXPDOSE; it is treated as missing.", ProblemSeverity.Warning);
                }
            }

            TreatmentPhase? phase = ex.Value(record, "EPOCH").Trim() switch
            {
                InductionEpoch => TreatmentPhase.Induction,
                MaintenanceEpoch => TreatmentPhase.Maintenance,
                _ => null,
            };
            parsed.Add(new Administration(subject, drug, start, end, dose, ex.Value(record, "EXDOSU").Trim(), administrations, cycle, phase, planned, record.Row));
        }

        return new ExposureData(Complete(parsed, file, problems), problems.AsReadOnly());
    }

    /// <summary>Whether the EX domain records the cycle of each administration (an EXCYCLE column), which the cycle-based exposure (RDI, ADEX) needs.</summary>
    /// <param name="ex">The EX domain.</param>
    public static bool HasCycles(StudyDomain ex)
    {
        ArgumentNullException.ThrowIfNull(ex);
        return ex.Has("EXCYCLE");
    }

    /// <summary>Doses a day for a daily frequency, 0 for a single administration (ONCE, empty or any other code).</summary>
    private static int DosesPerDay(string frequency) => frequency switch
    {
        "QD" => 1,
        "BID" => 2,
        "TID" => 3,
        "QID" => 4,
        _ => 0,
    };

    /// <summary>Fills unknown phases from the subject's cycle, checks one unit per drug, and orders the records.</summary>
    private static Administration[] Complete(List<Administration> parsed, string file, List<Problem> problems)
    {
        var cyclePhase = new Dictionary<(string, int), TreatmentPhase>();
        foreach (var a in parsed)
        {
            if (a.Phase is { } p)
            {
                cyclePhase.TryAdd((a.Subject, a.Cycle), p);
            }
        }

        var units = new Dictionary<(string, string), string>();
        var kept = new List<Administration>(parsed.Count);
        foreach (var a0 in parsed.OrderBy(a => a.Subject, StringComparer.Ordinal).ThenBy(a => a.Drug, StringComparer.Ordinal).ThenBy(a => a.Start).ThenBy(a => a.Row))
        {
            var a = a0;
            if (a.Phase is null)
            {
                if (cyclePhase.TryGetValue((a.Subject, a.Cycle), out var p))
                {
                    a = a with { Phase = p };
                }
                else
                {
                    problems.Add(new Problem(file, null, a.Row, "EPOCH", "EX_PHASE_UNKNOWN", $"{InductionEpoch} or {MaintenanceEpoch}", "no phase for cycle " + a.Cycle.ToString(CultureInfo.InvariantCulture) + " of " + a.Subject, "Fill EPOCH; the record counts in the whole treatment only.", ProblemSeverity.Warning));
                }
            }

            var key = (a.Subject, a.Drug);
            if (units.TryGetValue(key, out string? unit) && !string.Equals(unit, a.Unit, StringComparison.Ordinal))
            {
                problems.Add(new Problem(file, null, a.Row, "EXDOSU", "EX_UNIT_MIXED", $"the unit of the subject's first {a.Drug} record ({unit})", Problem.Quote(a.Unit), "Convert the dose to one unit; the record is left out of the exposure."));
                continue;
            }

            units.TryAdd(key, a.Unit);
            kept.Add(a);
        }

        return [.. kept];
    }
}
