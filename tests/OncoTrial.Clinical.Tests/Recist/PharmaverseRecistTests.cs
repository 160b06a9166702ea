using OncoTrial.Clinical.Recist;
using OncoTrial.Clinical.Tests.Data.Xpt;

namespace OncoTrial.Clinical.Tests.Recist;

/// <summary>Tier C: our investigator time-point responses against the ones recorded in pharmaversesdtm rs_onco_recist.</summary>
public class PharmaverseRecistTests(ITestOutputHelper output)
{
    /// <summary>
    /// What we found looking at the lesion records: for every disagreement (the test fails without one) and for the
    /// agreeing cases that exercise a rule worth checking by hand. Rendered into docs/validation/recist-pharmaverse.md.
    /// </summary>
    private static readonly Dictionary<(string Subject, string Visit), string> Findings = new()
    {
        [("01-701-1015", "WEEK 6")] = "Targets T02 (lymph node) and T03 (body) have no investigator record at WEEK 6, so the target response is NE even though the two measured lesions sum to 38 mm (-60%); no PD from the measured ones, so NE stands (RECIST 1.1 §4.3.1). TRDTC and RSDTC are both the partial date `2014-02`; we date the time point 2014-02-28 (last day of the month, as the admiralonco ADRS template imputes) and warn.",
        [("01-701-1015", "WEEK 9")] = "Node CR with a non-zero sum: T02 is a lymph node with short axis 7 mm (< 10 mm), the other targets are 0 mm, so the target response is CR with a sum of 7 mm. Both agree. (This uses LPERP for the node; with its LDIAM, 7.49 mm, the result is the same.)",
        [("01-701-1028", "WEEK 6")] = "PD from the nadir while below the +20% from baseline line: the sum 110 mm is 17.0% above baseline (94 mm) but 20.9% and 19 mm above the nadir of 91 mm (WEEK 3). T01 is missing, which would otherwise give NE: PD is decided on the measured lesions first (RECIST 1.1 §4.3.1). Both agree.",
        [("01-701-1028", "WEEK 9")] = "SD after PD: the data go on after the WEEK 6 PD, and with all five targets back (92 mm, 1.1% above the nadir of 91 mm) the time point is SD; the recorded SD agrees. The BOR derivation cuts the data at the first PD, so this time point never reaches BOR.",
        [("01-701-1115", "WEEK 9")] = "Node CR: T01 (7 mm) and T03 (3 mm) are lymph nodes below 10 mm short axis and T02 is 0 mm; sum 10 mm, target CR. Both agree.",
        [("01-701-1118", "WEEK 9")] = "T02 (colon, 51 mm at baseline) has no record at WEEK 9: target NE although T01 alone is 14 mm. Both agree.",
        [("01-701-1133", "WEEK 3")] = "PR exactly at the threshold: 42 mm vs 60 mm at baseline is a 30.0% decrease (42 = 0.70 × 60); the comparison is exact (decimal arithmetic), so it is PR. Both agree.",
        [("01-701-1133", "WEEK 9")] = "The 5 mm absolute rule with a nadir of 0: after a CR at 0 mm (WEEK 6), T01 reappears at 5 mm (LDIAM). The percent change from a nadir of 0 is undefined (shown as –); the increase is >= 5 mm, so target PD. Both agree.",
    };

    [Fact]
    public void Derived_investigator_responses_agree_with_RS_in_22_of_22_visits()
    {
        var folder = PharmaverseRecistComparison.RequireFolder();

        var (input, cases) = PharmaverseRecistComparison.Compare(folder);
        Assert.False(input.HasErrors, string.Join("\n", input.Problems));
        foreach (var c in cases)
        {
            output.WriteLine($"{c.Subject} {c.Visit}: ours {c.OursCode}, recorded {c.Recorded ?? "(none)"}");
        }

        Assert.Equal(22, cases.Count);
        Assert.Equal(22, cases.Count(c => c.Ours is not null && c.Recorded is not null));
        Assert.Equal(22, cases.Count(c => c.Agrees));
        Assert.Equal(8, cases.Select(c => c.Subject).Distinct().Count());
    }

    [Fact]
    public void Every_disagreement_has_a_finding()
    {
        var folder = PharmaverseRecistComparison.RequireFolder();

        var (_, cases) = PharmaverseRecistComparison.Compare(folder);
        Assert.All(cases.Where(c => !c.Agrees), c => Assert.True(Findings.ContainsKey((c.Subject, c.Visit)), $"{c.Subject} {c.Visit}: write down what the lesion data show."));
    }

    [Fact]
    public void Validation_document_is_current()
    {
        var folder = PharmaverseRecistComparison.RequireFolder();

        var (input, cases) = PharmaverseRecistComparison.Compare(folder);
        var markdown = PharmaverseRecistComparison.RenderMarkdown(input, cases, Findings);
        var dir = Path.Combine(RepositoryPaths.Root, "docs", "validation");
        var verified = Path.Combine(dir, "recist-pharmaverse.md");
        Golden.Verify(verified, markdown);
    }
}
