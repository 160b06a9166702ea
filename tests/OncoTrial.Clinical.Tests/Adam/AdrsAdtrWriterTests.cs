using OncoTrial.Clinical.Adam;
using OncoTrial.Clinical.Data;
using OncoTrial.Clinical.Recist;
using static OncoTrial.Clinical.Tests.Adam.AdamRows;

namespace OncoTrial.Clinical.Tests.Adam;

public class AdrsAdtrWriterTests
{
    private static readonly DateOnly Day1 = new(2023, 1, 1);

    private static DateOnly D(int studyDay) => Day1.AddDays(studyDay - 1);

    private static readonly Dictionary<string, DateOnly> Reference = new(StringComparer.Ordinal) { ["A"] = Day1 };

    private static readonly AdrsSubject[] Subjects = [new("A", Day1)];

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
        var adrs = AdrsWriter.ToDataset("S", overall, best, Subjects);
        Assert.Equal(["PR", "2", "2023-02-12"], new[] { "AVALC", "AVAL", "ADT" }.Select(c => V(adrs, Row(adrs, "A", "CBOR"), c)));
        Assert.Equal(["Y", "1", "2023-02-12", "43", "6"], new[] { "AVALC", "AVAL", "ADT", "ADY", "ASEQ" }.Select(c => V(adrs, Row(adrs, "A", "CRSP"), c)));
    }

    [Fact]
    public void A_subject_without_assessments_gets_missing_best_responses_and_n_responder_flags()
    {
        var best = RecistDerivation.DeriveBestOverallResponse([new SubjectResponses("A", Day1, [])]);
        var adrs = AdrsWriter.ToDataset("S", [], best, Subjects);
        Assert.Equal(["BOR", "CBOR", "RSP", "CRSP", "PD", "CB", "CCB", "BCP", "CBCP", "LSTA", "DEATH"], Enumerable.Range(0, adrs.RowCount).Select(i => V(adrs, i, "PARAMCD")));
        Assert.Equal(["", "", ""], new[] { "AVALC", "AVAL", "ADT" }.Select(c => V(adrs, Row(adrs, "A", "LSTA"), c)));
        Assert.Equal(["MISSING", "7", ""], new[] { "AVALC", "AVAL", "ADT" }.Select(c => V(adrs, Row(adrs, "A", "BOR"), c)));
        Assert.Equal("N", V(adrs, Row(adrs, "A", "RSP"), "AVALC"));
    }

    private static Dataset Adrs(AdrsSubject subject, params (int Day, OverallResponse Response)[] responses)
    {
        var overall = AdrsWriter.PrepareOverallResponses(
            [.. responses.Select(r => new AdrsAssessment(subject.Subject, D(r.Day), r.Response))], new Dictionary<string, DateOnly> { [subject.Subject] = Day1 });
        var best = RecistDerivation.DeriveBestOverallResponse([new SubjectResponses(subject.Subject, Day1, [.. overall.Select(o => new DatedResponse(o.Date, o.Response))])]);
        return AdrsWriter.ToDataset("S", overall, best, [subject]);
    }

    private static string[] Record(Dataset adrs, string paramcd) =>
        [.. new[] { "AVALC", "AVAL", "ADT", "ADY" }.Select(c => V(adrs, Row(adrs, "A", paramcd), c))];

    /// <summary>
    /// PR on day 20 confirmed by PR on day 50 (30 days later), SD on day 90, PD on day 130, CR on day 170 after the PD;
    /// died on day 200; a target lesion at baseline. Every admiralonco parameter is Y, dated at the first PR (day 20),
    /// except PD (day 130), LSTA (the last ANL01FL record, the CR of day 170, as admiralonco: LSTA does not stop at PD)
    /// and DEATH (day 200); MDIS has no date.
    /// </summary>
    [Fact]
    public void A_confirmed_responder_who_progressed_and_died_has_every_admiralonco_parameter_as_derived_by_hand()
    {
        var adrs = Adrs(
            new AdrsSubject("A", Day1, D(200), HasMeasurableDisease: true),
            (20, OverallResponse.PartialResponse), (50, OverallResponse.PartialResponse), (90, OverallResponse.StableDisease),
            (130, OverallResponse.ProgressiveDisease), (170, OverallResponse.CompleteResponse));
        Assert.Equal(["PR", "2", "2023-01-20", "20"], Record(adrs, "BOR"));
        Assert.Equal(["PR", "2", "2023-01-20", "20"], Record(adrs, "CBOR"));
        Assert.Equal(["Y", "1", "2023-05-10", "130"], Record(adrs, "PD"));
        Assert.Equal(["Y", "1", "2023-01-20", "20"], Record(adrs, "CB"));
        Assert.Equal(["Y", "1", "2023-01-20", "20"], Record(adrs, "CCB"));
        Assert.Equal(["Y", "1", "2023-01-20", "20"], Record(adrs, "BCP"));
        Assert.Equal(["Y", "1", "2023-01-20", "20"], Record(adrs, "CBCP"));
        Assert.Equal(["CR", "1", "2023-06-19", "170"], Record(adrs, "LSTA"));
        Assert.Equal(["Y", "1", "2023-07-19", "200"], Record(adrs, "DEATH"));
        Assert.Equal(["Y", "1", "", ""], Record(adrs, "MDIS"));
        Assert.Equal("Death", V(adrs, Row(adrs, "A", "DEATH"), "PARAM"));
        Assert.Equal("Clinical Benefit by Investigator (confirmation for response not required)", V(adrs, Row(adrs, "A", "CB"), "PARAM"));
    }

    /// <summary>
    /// SD on day 30 is before the SD minimum (day 43 = day 1 + 42 days), so it is no clinical benefit; PD on day 60. Alive,
    /// no target lesion at baseline: DEATH and MDIS are N.
    /// </summary>
    [Fact]
    public void An_early_stable_disease_then_progression_is_no_clinical_benefit()
    {
        var adrs = Adrs(new AdrsSubject("A", Day1, HasMeasurableDisease: false), (30, OverallResponse.StableDisease), (60, OverallResponse.ProgressiveDisease));
        Assert.Equal(["PD", "5", "2023-03-01", "60"], Record(adrs, "BOR"));
        Assert.Equal(["N", "0", "", ""], Record(adrs, "CB"));
        Assert.Equal(["N", "0", "", ""], Record(adrs, "CCB"));
        Assert.Equal(["N", "0", "", ""], Record(adrs, "BCP"));
        Assert.Equal(["Y", "1", "2023-03-01", "60"], Record(adrs, "PD"));
        Assert.Equal(["PD", "5", "2023-03-01", "60"], Record(adrs, "LSTA"));
        Assert.Equal(["N", "0", "", ""], Record(adrs, "DEATH"));
        Assert.Equal(["N", "0", "", ""], Record(adrs, "MDIS"));
    }

    /// <summary>
    /// An unconfirmed PR on day 20 then SD on day 50: clinical benefit from the PR (day 20, admiralonco rsp_y), confirmed
    /// clinical benefit only from the SD at or after day 43 (day 50, cb_y); BCP Y (BOR PR), CBCP N (CBOR SD). Without
    /// <see cref="AdrsSubject.HasMeasurableDisease"/> there is no MDIS record.
    /// </summary>
    [Fact]
    public void An_unconfirmed_early_response_is_clinical_benefit_at_once_and_confirmed_clinical_benefit_only_from_the_SD_minimum()
    {
        var adrs = Adrs(new AdrsSubject("A", Day1), (20, OverallResponse.PartialResponse), (50, OverallResponse.StableDisease));
        Assert.Equal(["Y", "1", "2023-01-20", "20"], Record(adrs, "CB"));
        Assert.Equal(["Y", "1", "2023-02-19", "50"], Record(adrs, "CCB"));
        Assert.Equal(["Y", "1", "2023-01-20", "20"], Record(adrs, "BCP"));
        Assert.Equal(["SD", "3", "2023-02-19", "50"], Record(adrs, "CBOR"));
        Assert.Equal(["N", "0", "", ""], Record(adrs, "CBCP"));
        Assert.Equal(0, Count(adrs, "A", "MDIS"));
    }

    [Fact]
    public void Adrs_carries_the_date_imputation_flag_of_the_OVR_record_on_the_subject_level_records_dated_by_it()
    {
        var overall = AdrsWriter.PrepareOverallResponses(
            [new AdrsAssessment("A", D(43), OverallResponse.PartialResponse) { DateFlag = DateImputationLevel.Day }, new AdrsAssessment("A", D(85), OverallResponse.StableDisease)], Reference);
        var best = RecistDerivation.DeriveBestOverallResponse([new SubjectResponses("A", Day1, [.. overall.Select(o => new DatedResponse(o.Date, o.Response))])]);
        var adrs = AdrsWriter.ToDataset("S", overall, best, Subjects);
        Assert.Equal(["D", ""], Enumerable.Range(0, 2).Select(i => V(adrs, i, "ADTF")));
        Assert.Equal("D", V(adrs, Row(adrs, "A", "BOR"), "ADTF"));
        Assert.Equal("", V(adrs, Row(adrs, "A", "LSTA"), "ADTF"));
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
