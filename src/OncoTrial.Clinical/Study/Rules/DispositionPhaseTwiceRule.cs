using System.Globalization;
using OncoTrial.Clinical.Data;
using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Study.Rules;

/// <summary>OT8002 DISPOSITION_PHASE_TWICE: more than one DSCAT DISPOSITION EVENT record for one subject and phase (DSSCAT); reported on the second.</summary>
internal sealed class DispositionPhaseTwiceRule() : ValidationRule("OT8002", "One end per subject and phase", "SDTMIG 3.4 DS (one disposition event per subject and epoch, DSSCAT)", "DISPOSITION_PHASE_TWICE")
{
    internal override IEnumerable<Problem> Find(RuleContext context)
    {
        var first = new Dictionary<(string, string), CsvRecord>();
        foreach (var (ds, r) in context.RecordsOf("DS", "USUBJID", "DSDECOD", "DSCAT", "DSSCAT"))
        {
            string id = ds.Value(r, "USUBJID"), phase = ds.Value(r, "DSSCAT");
            if (ds.Value(r, "DSCAT") == "DISPOSITION EVENT" && id.Length > 0 && phase.Length > 0 && !first.TryAdd((id, phase), r))
            {
                var earlier = first[(id, phase)];
                yield return At(
                    ds, r, "DSSCAT", "DISPOSITION_PHASE_TWICE", "one end-of-phase record (DSCAT DISPOSITION EVENT) per subject and phase",
                    string.Create(CultureInfo.InvariantCulture, $"a second end of {Problem.Quote(phase)}: {Problem.Quote(ds.Value(r, "DSDECOD"))} after {Problem.Quote(ds.Value(earlier, "DSDECOD"))} on line {earlier.Line}"),
                    "Keep the one reason the phase ended (the primary reason); record other events as DSCAT OTHER EVENT, or correct DSSCAT.");
            }
        }
    }
}
