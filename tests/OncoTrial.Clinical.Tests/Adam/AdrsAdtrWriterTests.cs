using OncoTrial.Clinical.Adam;
using OncoTrial.Clinical.Recist;
using static OncoTrial.Clinical.Tests.Adam.AdamRows;

namespace OncoTrial.Clinical.Tests.Adam;

public class AdrsAdtrWriterTests
{
    private static readonly DateOnly Day1 = new(2023, 1, 1);

    private static DateOnly D(int studyDay) => Day1.AddDays(studyDay - 1);

    private static readonly Dictionary<string, DateOnly> Reference = new(StringComparer.Ordinal) { ["A"] = Day1 };

    [Theory]
    [InlineData("CR", 1.0)]
    [InlineData("PR", 2.0)]
    [InlineData("SD", 3.0)]
    [InlineData("NON-CR/NON-PD", 4.0)]
    [InlineData("PD", 5.0)]
    [InlineData("NE", 6.0)]
    [InlineData("MISSING", 7.0)]
    [InlineData("ND", null)]
    public void Aval_codes_responses_as_admiralonco_aval_resp(string avalc, double? aval) =>
        Assert.Equal(aval, ResponseCoding.ToAval(avalc));

    [Fact]
    public void Anl01fl_keeps_the_worst_record_per_date_from_day_1_and_before_new_therapy_and_anl02fl_stops_at_the_first_pd()
    {
        AdrsAssessment[] input =
        [
            new("A", D(-5), OverallResponse.StableDisease, "SCREENING"),
            new("A", D(43), OverallResponse.NotEvaluable),
            new("A", D(43), OverallResponse.PartialResponse),
            new("A", D(85), OverallResponse.ProgressiveDisease),
            new("A", D(127), OverallResponse.PartialResponse),
            new("A", D(200), OverallResponse.CompleteResponse),
        ];
        var records = AdrsWriter.PrepareOverallResponses(input, Reference, new Dictionary<string, DateOnly> { ["A"] = D(150) });
        Assert.Equal([1, 2, 3, 4, 5, 6], records.Select(r => r.Sequence));
        Assert.Equal([-6, 43, 43, 85, 127, 200], records.Select(r => r.StudyDay));
        Assert.Equal([false, false, true, true, true, false], records.Select(r => r.IsAnalysisRecord));
        Assert.Equal([false, false, true, true, false, false], records.Select(r => r.IsUpToFirstProgression));
    }

    [Fact]
    public void A_subject_without_a_reference_date_is_refused_with_its_id()
    {
        var ex = Assert.Throws<ArgumentException>(() => AdrsWriter.PrepareOverallResponses([new AdrsAssessment("B", D(43), OverallResponse.StableDisease)], Reference));
        Assert.Contains("subject B", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_confirmed_partial_response_gives_cbor_pr_and_crsp_y_dated_at_the_first_pr()
    {
        var overall = AdrsWriter.PrepareOverallResponses(
            [new AdrsAssessment("A", D(43), OverallResponse.PartialResponse), new AdrsAssessment("A", D(85), OverallResponse.PartialResponse)], Reference);
        var best = RecistDerivation.DeriveBestOverallResponse([new SubjectResponses("A", Day1, [.. overall.Select(o => new DatedResponse(o.Date, o.Response))])]);
        var adrs = AdrsWriter.ToDataset("S", overall, best, Reference);
        Assert.Equal(["PR", "2", "2023-02-12"], new[] { "AVALC", "AVAL", "ADT" }.Select(c => V(adrs, Row(adrs, "A", "CBOR"), c)));
        Assert.Equal(["Y", "1", "2023-02-12", "43", "6"], new[] { "AVALC", "AVAL", "ADT", "ADY", "ASEQ" }.Select(c => V(adrs, Row(adrs, "A", "CRSP"), c)));
    }

    [Fact]
    public void A_subject_without_assessments_gets_missing_best_responses_and_n_responder_flags()
    {
        var best = RecistDerivation.DeriveBestOverallResponse([new SubjectResponses("A", Day1, [])]);
        var adrs = AdrsWriter.ToDataset("S", [], best, Reference);
        Assert.Equal(4, adrs.RowCount);
        Assert.Equal(["MISSING", "7", ""], new[] { "AVALC", "AVAL", "ADT" }.Select(c => V(adrs, Row(adrs, "A", "BOR"), c)));
        Assert.Equal("N", V(adrs, Row(adrs, "A", "RSP"), "AVALC"));
    }

    private static TimePointResponse Tp(int day, double sum, double nadir, bool complete = true) => new(
        "A", D(day), D(-3), sum, complete, 50, nadir, (sum - 50) * 100 / 50, nadir == 0 ? null : (sum - nadir) * 100 / nadir,
        null, null, false, OverallResponse.StableDisease, [], "test");

    /// <summary>Baseline 50 mm on day -4; 40 mm (day 43, -20%), 30 mm incomplete (day 85, not analysable), 35 mm (day 127,
    /// -30%, the best), 45 mm (day 169, nadir 35: +10 mm, +28.57%).</summary>
    [Fact]
    public void Adtr_sdiam_has_a_baseline_record_and_flags_the_smallest_complete_percent_change_for_the_waterfall()
    {
        var adtr = AdtrWriter.ToDataset("S", [Tp(43, 40, 50), Tp(85, 30, 40, complete: false), Tp(127, 35, 40), Tp(169, 45, 35)], Reference);
        Assert.Equal(5, adtr.RowCount);
        Assert.All(adtr.Columns, c => Assert.True(c.Name.Length <= 8 && c.Label.Length <= 40, c.Name));
        Assert.Equal(["50", "50", "", "", "", "2022-12-28", "-4", "Y", "Y", ""], Values(0));
        Assert.Equal(["40", "50", "-10", "-20", "50", "2023-02-12", "43", "", "Y", ""], Values(1));
        Assert.Equal("", V(adtr, 2, "ANL01FL"));
        Assert.Equal(["", "", "", "Y", ""], Enumerable.Range(0, 5).Select(i => V(adtr, i, "ANL02FL")));
        Assert.Equal(["45", "-5", "35", "10", (10 * 100 / 35.0).ToString("R", System.Globalization.CultureInfo.InvariantCulture)], new[] { "AVAL", "CHG", "NADIR", "CHGNAD", "PCHGNAD" }.Select(c => V(adtr, 4, c)));

        string[] Values(int r) => [.. new[] { "AVAL", "BASE", "CHG", "PCHG", "NADIR", "ADT", "ADY", "ABLFL", "ANL01FL", "ANL02FL" }.Select(c => V(adtr, r, c))];
    }
}
