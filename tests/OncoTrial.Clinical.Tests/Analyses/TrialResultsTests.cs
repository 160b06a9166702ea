using OncoTrial.Clinical.Analyses;
using OncoTrial.Clinical.Disposition;
using OncoTrial.Clinical.Pipeline;
using OncoTrial.Clinical.Recist;
using OncoTrial.Clinical.Study;
using OncoTrial.Clinical.Tests.Study;
using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Tests.Analyses;

public class TrialResultsTests
{
    private const string S1001 = "NCT05013697-01-1001";
    private const string S1002 = "NCT05013697-01-1002";
    private const string S2001 = "NCT05013697-02-2001";

    [Fact]
    public void The_minimal_study_gives_every_table_from_its_derived_datasets()
    {
        var results = StudyAnalysis.Create(StudyFolder.Load(StudyFolders.ValidMinimal)).Results;

        // RECIST from TU/TR: 1001 -41% on day 43 unconfirmed (confirmed BOR SD), 1002 a new lesion (PD), 2001 -4% (SD).
        var response = results.Response!;
        Assert.Equal([[], [], [S1001, S2001], [S1002], []], response.BestResponse.Select(r => r.Total.Subjects));
        Assert.Equal((0, 3), (response.ObjectiveResponse[0].Count.Count, response.ObjectiveResponse[0].Count.Denominator));
        Assert.Equal(BinomialInterval.Compute(2, 3), response.DiseaseControl[0].Estimate);

        // 1002 progresses on 2021-11-19 (day 43) and dies on 2022-03-15 (day 159); the others are censored.
        var efficacy = results.Efficacy!;
        Assert.Equal([S1002], efficacy.Endpoint("PFS")!.Total.Events.Subjects);
        Assert.Equal(43 / 30.4375, efficacy.Endpoint("PFS")!.Total.Median.Lower);
        Assert.Equal(159 / 30.4375, efficacy.Endpoint("OS")!.Total.Median.Estimate);

        var details = results.ResponseDetails!;
        Assert.Equal([S1001, S2001], details.TargetLesionDecrease[0].Subjects);
        Assert.Equal([S1001, S2001], details.StableDiseaseWithShrinkage[0].Subjects);
        var progression = Assert.Single(details.Progressions);
        Assert.Equal((S1002, 43, ProgressionPattern.Oligoprogression), (progression.Subject, progression.Day!.Value, progression.Pattern!.Value));
        Assert.Equal(["LIVER", "LUNG"], progression.Sites);

        // 1002's docetaxel from 2021-12 is subsequent therapy after progression.
        var therapy = results.SubsequentTherapy!;
        Assert.Equal([S1002], therapy.Received[0].Subjects);
        Assert.Equal(1, therapy.Received[0].Denominator);
        Assert.Equal(0, therapy.AntiPd1[0].Count);

        var safety = results.Safety;
        Assert.Equal([S2001], safety.ImmuneRelated.AnyGrade[0].Subjects);
        Assert.Equal([S1002], safety.Deaths.Total[0].Subjects);
        Assert.Equal([S1001], safety.Term("White blood cell decreased")!.Grade3To4[0].Subjects);
    }

    [Fact]
    public void Each_part_is_computed_once_and_the_analysis_keeps_one_results_object()
    {
        var analysis = StudyAnalysis.Create(StudyFolder.Load(StudyFolders.ValidMinimal));
        Assert.Same(analysis.Results, analysis.Results);
        var results = analysis.Results;
        Assert.Same(results.Baseline, results.Baseline);
        Assert.Same(results.Efficacy, results.Efficacy);
        Assert.Same(results.Subgroups, results.Subgroups);
        Assert.Same(results.Safety, results.Safety);
        Assert.Same(TrialResultsOptions.Default, results.Options);
    }

    [Fact]
    public void Every_result_carries_the_options_and_population_that_made_it()
    {
        var options = TrialResultsOptions.Default with { ConfidenceLevel = ConfidenceLevel.Create(0.9) };
        var results = StudyAnalysis.Create(StudyFolder.Load(StudyFolders.ValidMinimal), StudyAnalysisOptions.Default with { Results = options }).Results;
        Assert.Same(options, results.Baseline.Options);
        Assert.Same(options, results.Response!.Options);
        Assert.Same(options, results.Efficacy!.Options);
        Assert.Equal(0.9, results.Response.DiseaseControl[0].Estimate!.ConfidenceLevel.Value);
        Assert.Equal(BinomialInterval.Compute(2, 3, BinomialCiMethod.ClopperPearson, ConfidenceLevel.Create(0.9)), results.Response.DiseaseControl[0].Estimate);
        Assert.Contains("90% CI", results.Efficacy.Describe(), StringComparison.Ordinal);
        Assert.StartsWith("Efficacy analysis set (subjects who received at least one dose), N = 3", results.Response.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_paper_s_defaults_are_printed_with_every_result()
    {
        string text = TrialResultsOptions.Default.Describe();
        foreach (string word in new[] { "clopper-pearson", "log-log", "sas quantile rule", "30.4375", "6, 12, 18, 24", "efron", "logrank", "age 65", "CPS 1, 10", "> 6 months", "1-2 sites" })
        {
            Assert.Contains(word, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Invalid_options_are_refused_with_every_problem_named_by_its_option()
    {
        var options = TrialResultsOptions.Default with { DaysPerMonth = 0, CpsCutoffs = [10, 1], OligoprogressionMaxSites = 0, LandmarkMonths = [-1] };
        var problems = options.Validate();
        Assert.Equal(["days-per-month", "landmarks", "cps-cutoffs", "oligo-max-sites"], problems.Select(p => p.Option));
        var analysis = StudyAnalysis.Create(StudyFolder.Load(StudyFolders.ValidMinimal));
        Assert.Throws<ArgumentOutOfRangeException>(() => TrialResults.Create(analysis, options));
        Assert.Empty(TrialResultsOptions.Default.Validate());
    }

    [Fact]
    public void An_unusable_study_throws_its_problems()
    {
        var results = StudyAnalysis.Create(StudyFolder.Load(StudyFolders.Broken("missing-dm"))).Results;
        var ex = Assert.Throws<ProblemException>(() => results.Baseline);
        Assert.Contains(ex.Problems, p => p.Code == "FILE_MISSING");
    }

    [Fact]
    public void A_study_without_tumour_data_has_baseline_and_safety_but_no_response_and_says_so()
    {
        var results = new TestStudy().Subject("A").Baseline("A").AdverseEvent("A", "Nausea", 5, 1).Analyse().Results;
        Assert.Null(results.Response);
        Assert.Null(results.Efficacy);
        Assert.Empty(results.Subgroups);
        Assert.Null(results.ResponseDetails);
        Assert.Equal(["A"], results.Baseline.Row("ecog/1")!.Total.Subjects);
        Assert.Equal(["A"], results.Safety.Term("Nausea")!.AnyGrade[0].Subjects);
        Assert.Contains(results.Problems, p => p.Code == "ANALYSIS_NO_RESPONSE" && p.Severity == ProblemSeverity.Note);
    }

    [Fact]
    public void The_enrolled_set_is_the_analysis_set_when_the_disposition_options_say_so()
    {
        var study = StudyFolder.Load(StudyFolders.ValidMinimal);
        var options = StudyAnalysisOptions.Default with { Disposition = new DispositionOptions { EfficacySet = EfficacySetDefinition.Enrolled } };
        var results = StudyAnalysis.Create(study, options).Results;
        Assert.Equal([S1001, S1002, S2001], results.Population.Subjects);
        Assert.Contains("every enrolled subject", results.Population.Describe(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void The_order_of_the_rows_of_the_source_files_changes_no_result(int seed)
    {
        static string Fingerprint(TrialResults r)
        {
            static string F(IEnumerable<Frequency> values) => string.Join("|", values.Select(v => v.Count + "/" + v.Denominator + ":" + string.Join(",", v.Subjects)));
            var parts = new List<string>();
            parts.AddRange(r.Baseline.Sections.SelectMany(s => s.Rows).Select(x => x.Key + F(x.Values)));
            parts.AddRange(r.Response!.BestResponse.Select(x => x.Key + F(x.Values)));
            parts.AddRange(r.Efficacy!.Endpoints.SelectMany(e => e.Columns.Select(c => $"{e.ParamCode}{c.N}{F([c.Events])}{c.Median}{string.Join(",", c.Landmarks)}")));
            parts.AddRange(r.Subgroups.SelectMany(s => s.Variables.Select(v => $"{s.ParamCode}{v.Key}{string.Join(",", v.LevelComparison?.HazardRatios.Select(h => h.ToString()) ?? [])}{v.LevelComparison?.LogRankPValue}")));
            var d = r.ResponseDetails!;
            parts.Add(string.Join(",", d.Waterfall.Select(w => w.Subject + w.PercentChange)) + F(d.DurableResponses) + F(d.Oligoprogression) + F(d.SystemicProgression));
            parts.Add(string.Join(",", d.Progressions.Select(p => p.Subject + string.Join("+", p.Sites ?? []))));
            parts.Add(F(r.SubsequentTherapy!.ThirdLine) + F(r.SubsequentTherapy.AntiPd1));
            parts.AddRange(r.Safety.Terms.Select(t => t.Term + F(t.AnyGrade) + F(t.Grade5)));
            return string.Join("\n", parts);
        }

        var study = ResponseDetailsTests.NineSubjects()
            .Baseline("Q1", cps: 3, liver: true).Baseline("Q6", cps: 20).Baseline("Q7", ecog: 0)
            .Subject("D1", deathDay: 70).Target("D1", "T1", "LUNG", (-7, 30), (43, 28))
            .Therapy("Q1", "Nivolumab", 60).Therapy("Q1", "Docetaxel", 90)
            .AdverseEvent("Q2", "Nausea", 5, 2).AdverseEvent("Q3", "Nausea", 6, 3);
        Assert.Equal(Fingerprint(study.Analyse().Results), Fingerprint(study.Analyse(shuffleSeed: seed).Results));
    }
}
