using OncoTrial.Clinical.Data;
using OncoTrial.Clinical.Recist;
using OncoTrial.Clinical.Study;
using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Tests.Recist;

/// <summary>
/// SDTM TU/TR as CDISC and pharmaverse write them (issue 11): EQUIVOCAL/UNEQUIVOCAL lesion states, SUMDIAM rows without
/// a lesion link, and several evaluators. Subject S-1, first dose 2024-01-10; target T01 (liver) 50 mm at baseline
/// (2024-01-05) and 30 mm at WEEK 6 (2024-02-21) and WEEK 12 (2024-04-03), a PR; non-target NT01 (lung) present.
/// </summary>
public class SdtmLesionReadingTests
{
    private const string Dm = "STUDYID,DOMAIN,USUBJID,RFSTDTC,RFXSTDTC\nS,DM,S-1,2024-01-10,2024-01-10\n";

    private const string TuHeader = "STUDYID,DOMAIN,USUBJID,TULNKID,TUORRES,TULOC,TUEVAL,TUEVALID,VISIT\n";

    private const string TrHeader = "STUDYID,DOMAIN,USUBJID,TRLNKID,TRTESTCD,TRSTRESC,TREVAL,TREVALID,VISIT,TRDTC\n";

    private const string Tu = TuHeader +
        "S,TU,S-1,T01,TARGET,LIVER,INVESTIGATOR,,BASELINE\n" +
        "S,TU,S-1,NT01,NON-TARGET,LUNG,INVESTIGATOR,,BASELINE\n" +
        "S,TU,S-1,NEW01,NEW,BONE,INVESTIGATOR,,WEEK 6\n";

    private static string Tr(string nonTargetWeek6, string? newWeek6, string? newWeek12) => TrHeader +
        "S,TR,S-1,T01,LDIAM,50,INVESTIGATOR,,BASELINE,2024-01-05\n" +
        "S,TR,S-1,NT01,TUMSTATE,PRESENT,INVESTIGATOR,,BASELINE,2024-01-05\n" +
        "S,TR,S-1,,SUMDIAM,50,INVESTIGATOR,,BASELINE,2024-01-05\n" +
        "S,TR,S-1,T01,LDIAM,30,INVESTIGATOR,,WEEK 6,2024-02-21\n" +
        $"S,TR,S-1,NT01,TUMSTATE,{nonTargetWeek6},INVESTIGATOR,,WEEK 6,2024-02-21\n" +
        (newWeek6 is null ? string.Empty : $"S,TR,S-1,NEW01,TUMSTATE,{newWeek6},INVESTIGATOR,,WEEK 6,2024-02-21\n") +
        "S,TR,S-1,T01,LDIAM,30,INVESTIGATOR,,WEEK 12,2024-04-03\n" +
        "S,TR,S-1,NT01,TUMSTATE,PRESENT,INVESTIGATOR,,WEEK 12,2024-04-03\n" +
        (newWeek12 is null ? string.Empty : $"S,TR,S-1,NEW01,TUMSTATE,{newWeek12},INVESTIGATOR,,WEEK 12,2024-04-03\n");

    private static LesionInput Read(string tu, string tr, string? evaluator = LesionReader.DefaultEvaluator)
    {
        using var source = FileSource.FromText("study", ("dm.csv", Dm), ("tu.csv", tu), ("tr.csv", tr));
        return LesionReader.ReadStudy(StudyFolder.Load(source), evaluator);
    }

    private static IReadOnlyList<TimePointResponse> TimePoints(string tr)
    {
        var input = Read(Tu, tr);
        Assert.False(input.HasErrors, string.Join(Environment.NewLine, input.Problems));
        return RecistDerivation.DeriveTimePointResponses(input.Lesions);
    }

    [Fact]
    public void SUMDIAM_records_without_a_lesion_link_are_skipped_without_a_message()
    {
        var input = Read(Tu, Tr("PRESENT", null, null));
        Assert.Empty(input.Problems);
        Assert.DoesNotContain(input.Lesions, l => l.LesionId.Length == 0);
    }

    [Fact]
    public void An_equivocal_new_lesion_is_not_progression_at_its_time_point()
    {
        var points = TimePoints(Tr("PRESENT", "EQUIVOCAL", null));
        Assert.Equal([OverallResponse.PartialResponse, OverallResponse.PartialResponse], points.Select(p => p.Overall));
        Assert.All(points, p => Assert.False(p.HasNewLesion));
    }

    [Fact]
    public void An_unequivocal_new_lesion_is_progression()
    {
        var points = TimePoints(Tr("PRESENT", "UNEQUIVOCAL", null));
        Assert.Equal([OverallResponse.ProgressiveDisease, OverallResponse.PartialResponse], points.Select(p => p.Overall));
        Assert.Equal("new lesion", points[0].Rule);
        Assert.Equal(["BONE"], points[0].ProgressingSites);
    }

    /// <summary>RECIST 1.1 §4.3.2: an equivocal new lesion that a later scan shows unequivocally is PD from the first scan.</summary>
    [Fact]
    public void An_equivocal_new_lesion_confirmed_at_the_next_scan_dates_progression_from_the_first_scan()
    {
        var points = TimePoints(Tr("PRESENT", "EQUIVOCAL", "UNEQUIVOCAL"));
        Assert.Equal([OverallResponse.ProgressiveDisease, OverallResponse.ProgressiveDisease], points.Select(p => p.Overall));
        Assert.Equal(new DateOnly(2024, 2, 21), points[0].Date);
        Assert.Contains("equivocal at this scan and unequivocal on 2024-04-03", points[0].Rule, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("UNEQUIVOCAL", OverallResponse.ProgressiveDisease, OverallResponse.ProgressiveDisease)]
    [InlineData("EQUIVOCAL", OverallResponse.NonCRNonPD, OverallResponse.PartialResponse)]
    public void A_non_target_state_of_CDISC_TUMSTATE_is_unequivocal_progression_or_present(string state, OverallResponse nonTarget, OverallResponse overall)
    {
        var week6 = TimePoints(Tr(state, null, null))[0];
        Assert.Equal((nonTarget, overall), (week6.NonTargetResponse, week6.Overall));
    }

    private const string ThreeReadersTu = TuHeader +
        "S,TU,S-1,T01,TARGET,LIVER,INVESTIGATOR,,BASELINE\n" +
        "S,TU,S-1,T01,TARGET,LUNG,INDEPENDENT ASSESSOR,RADIOLOGIST 1,BASELINE\n" +
        "S,TU,S-1,T01,TARGET,BONE,INDEPENDENT ASSESSOR,RADIOLOGIST 2,BASELINE\n";

    private const string ThreeReadersTr = TrHeader +
        "S,TR,S-1,T01,LDIAM,50,INVESTIGATOR,,BASELINE,2024-01-05\n" +
        "S,TR,S-1,T01,LDIAM,40,INDEPENDENT ASSESSOR,RADIOLOGIST 1,BASELINE,2024-01-05\n" +
        "S,TR,S-1,T01,LDIAM,60,INDEPENDENT ASSESSOR,RADIOLOGIST 2,BASELINE,2024-01-05\n" +
        "S,TR,S-1,T01,LDIAM,30,INVESTIGATOR,,WEEK 6,2024-02-21\n" +
        "S,TR,S-1,T01,LDIAM,40,INDEPENDENT ASSESSOR,RADIOLOGIST 1,WEEK 6,2024-02-21\n" +
        "S,TR,S-1,T01,LDIAM,20,INDEPENDENT ASSESSOR,RADIOLOGIST 2,WEEK 6,2024-02-21\n";

    /// <summary>Three readers each call their lesion T01, at three sites: each reader's T01 is read alone, never merged.</summary>
    [Theory]
    [InlineData("INVESTIGATOR", "LIVER", 50.0, 30.0)]
    [InlineData("RADIOLOGIST 1", "LUNG", 40.0, 40.0)]
    [InlineData("radiologist 2", "BONE", 60.0, 20.0)]
    public void Each_of_three_evaluators_reads_its_own_lesions_without_colliding_with_the_others(string evaluator, string location, double baseline, double week6)
    {
        var input = Read(ThreeReadersTu, ThreeReadersTr, evaluator);
        Assert.Empty(input.Problems);
        Assert.All(input.Lesions, l => Assert.Equal(location, l.Location));
        Assert.Equal([baseline, week6], input.Lesions.OrderBy(l => l.Date).Select(l => l.DiameterMm!.Value));
    }

    [Theory]
    [InlineData("INDEPENDENT ASSESSOR", "2 evaluators: INDEPENDENT ASSESSOR / RADIOLOGIST 1, INDEPENDENT ASSESSOR / RADIOLOGIST 2")]
    [InlineData(null, "3 evaluators: INDEPENDENT ASSESSOR / RADIOLOGIST 1, INDEPENDENT ASSESSOR / RADIOLOGIST 2, INVESTIGATOR")]
    public void An_evaluator_that_selects_several_readers_is_an_error_that_names_them(string? evaluator, string found)
    {
        var input = Read(ThreeReadersTu, ThreeReadersTr, evaluator);
        Assert.Empty(input.Lesions);
        var problem = Assert.Single(input.Problems, p => p.File == "tu.csv");
        Assert.Equal(("EVALUATOR_AMBIGUOUS", ProblemSeverity.Error, "TUEVALID", found), (problem.Code, problem.Severity, problem.Column, problem.Found));
        Assert.Contains("--evaluator \"RADIOLOGIST 1\"", problem.Fix, StringComparison.Ordinal);
    }
}
