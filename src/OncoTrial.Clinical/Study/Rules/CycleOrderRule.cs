using System.Globalization;
using OncoTrial.Clinical.Data;
using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Study.Rules;

/// <summary>OT8004 CYCLE_ORDER: an EXCYCLE lower than the cycle of a dose the subject was given on an earlier date.</summary>
internal sealed class CycleOrderRule() : ValidationRule("OT8004", "Cycles are numbered in the order they are given", "EXCYCLE sponsor extension (cycles numbered in time order)", "CYCLE_ORDER")
{
    internal override IEnumerable<Problem> Find(RuleContext context)
    {
        if (context.Domain("EX", "USUBJID", "EXCYCLE") is not { } ex)
        {
            yield break;
        }

        var doses = new List<(string Id, PartialDate Date, int Cycle, CsvRecord Record)>();
        foreach (var r in ex.Table.Records)
        {
            if (context.Date(ex, r, "EXSTDTC") is { } d && int.TryParse(ex.Value(r, "EXCYCLE"), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int cycle))
            {
                doses.Add((ex.Value(r, "USUBJID"), d, cycle, r));
            }
        }

        foreach (var subject in doses.GroupBy(x => x.Id, StringComparer.Ordinal))
        {
            (PartialDate Date, int Cycle, CsvRecord Record)? highest = null;
            foreach (var dose in subject.OrderBy(x => x.Date.Earliest).ThenBy(x => x.Cycle).ThenBy(x => x.Record.Row))
            {
                if (highest is { } h && dose.Cycle < h.Cycle && h.Date.IsCertainlyBefore(dose.Date))
                {
                    yield return At(
                        ex, dose.Record, "EXCYCLE", "CYCLE_ORDER",
                        string.Create(CultureInfo.InvariantCulture, $"cycle {h.Cycle} or later on {dose.Date} (cycle {h.Cycle} was given on {h.Date}, line {h.Record.Line})"),
                        Problem.Quote(ex.Value(dose.Record, "EXCYCLE")), "Correct EXCYCLE or EXSTDTC: cycles are numbered 1, 2, ... in the order they are given.");
                }
                else if (highest is null || dose.Cycle > highest.Value.Cycle)
                {
                    highest = (dose.Date, dose.Cycle, dose.Record);
                }
            }
        }
    }
}
