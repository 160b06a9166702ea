using OncoTrial.Clinical.Data;
using OncoTrial.Clinical.Pipeline;
using OncoTrial.Clinical.Study;
using OncoTrial.Statistics;
using static OncoTrial.Clinical.Tests.Adam.AdamRows;

namespace OncoTrial.Clinical.Tests.Pipeline;

/// <summary>
/// <c>derive</c>'s efficacy side on the public pharmaverse sets read as shipped (DM, TU, TR, RS only: no TS, EX, AE, DS);
/// skipped without ../shared/data. The expected counts are read from the raw records, not typed.
/// </summary>
public class PublicSdtmDeriveTests
{
    private static (StudyAnalysis Analysis, StudyFolder Study) Analyse(string set, StudyAnalysisOptions? options = null)
    {
        using var source = FileSource.FromMemory(set, PublicSdtm.Files(set));
        var study = StudyFolder.Load(source);
        return (StudyAnalysis.Create(study, options), study);
    }

    private static StudyDatasets Derived(StudyAnalysis analysis)
    {
        var datasets = analysis.Datasets;
        Assert.False(datasets.HasErrors, string.Join(Environment.NewLine, datasets.Problems.Take(10)));
        return datasets;
    }

    private static HashSet<string> Treated(StudyFolder study)
    {
        var dm = study.Domain("DM")!;
        return [.. dm.Table.Records.Where(r => dm.Value(r, "RFXSTDTC").Length > 0).Select(r => dm.Value(r, "USUBJID"))];
    }

    private static int Subjects(Dataset adrs, string paramcd) =>
        Enumerable.Range(0, adrs.RowCount).Count(i => V(adrs, i, "PARAMCD") == paramcd);

    [Fact]
    public void Pharmaverse_onco_derives_from_its_lesions_with_every_treated_subject_and_one_note_for_the_missing_cutoff()
    {
        var (analysis, study) = Analyse(PublicSdtm.PharmaverseOnco);
        var datasets = Derived(analysis);
        var efficacy = datasets.Efficacy!;
        Assert.Equal(["ADRS", "ADTR", "ADTTE"], efficacy.Datasets.Select(d => d.Name));
        var treated = Treated(study);
        Assert.Equal(treated.Count, Subjects(efficacy.Adrs!, "BOR"));
        // Every subject without a dose is a screen failure (ARMCD Scrnfail): one note names them all, no per-subject warning.
        int untreated = study.Domain("DM")!.Table.Records.Count - treated.Count;
        Assert.Single(datasets.Problems, p => p.Code == "ADAM_NOT_ASSIGNED" && p.Found.StartsWith($"{untreated} never assigned", StringComparison.Ordinal));
        Assert.DoesNotContain(datasets.Problems, p => p.Code == "ADAM_NOT_DOSED");
        Assert.Single(datasets.Problems, p => p.Code == "ADAM_NO_CUTOFF");
        Assert.DoesNotContain(datasets.Problems, p => p.Code is "RECIST_LESION_NOT_IDENTIFIED" or "VALUE_NOT_ALLOWED" or "RECIST_NO_BASELINE" or "FILE_MISSING");

        // 01-701-1015's baseline targets have TRDTC 2014-01 (its RFSTDTC is 2014-01-02), its non-targets 2014-01-02: the
        // targets are found as baseline, the time point is dated by the complete date, and the sum is the shipped SUMDIAM.
        int baseline = Row(efficacy.Adtr!, "01-701-1015", "SDIAM");
        var tr = study.Domain("TR")!;
        var shipped = tr.Table.Records.Single(r => tr.Value(r, "USUBJID") == "01-701-1015" && tr.Value(r, "TREVAL") == "INVESTIGATOR"
            && tr.Value(r, "TRTESTCD") == "SUMDIAM" && tr.Value(r, "VISIT") == "BASELINE");
        string sumdiam = tr.Value(shipped, "TRSTRESN");
        Assert.Equal([sumdiam, "2014-01-02", "", "Y"], new[] { "AVAL", "ADT", "ADTF", "ABLFL" }.Select(c => V(efficacy.Adtr!, baseline, c)));
        Assert.Contains(datasets.Problems, p => p.Code == "DATE_IMPUTED" && p.Found.Contains("01-701-1015, visit BASELINE", StringComparison.Ordinal));

        // UNSCHEDULED 9.2 of 01-711-1143 holds two scans (2013-06-22 and 2013-09-22): two time points.
        Assert.Equal("01-711-1143", Assert.Single(datasets.Problems, p => p.Code == "TIMEPOINT_SPLIT").Expected.Split(',')[0].Split(' ')[^1]);
    }

    [Fact]
    public void Pharmaverse_onco_derives_from_its_recorded_responses_leaving_out_only_the_CHECK_record_of_the_investigator()
    {
        var (analysis, study) = Analyse(PublicSdtm.PharmaverseOnco, StudyAnalysisOptions.Default with { Responses = ResponseSource.Rs });
        var datasets = Derived(analysis);
        var rs = study.Domain("RS")!;
        var treated = Treated(study);
        var investigator = rs.Table.Records.Where(r => rs.Value(r, "RSTESTCD") == "OVRLRESP" && rs.Value(r, "RSEVAL") == "INVESTIGATOR" && treated.Contains(rs.Value(r, "USUBJID"))).ToList();
        int check = investigator.Count(r => rs.Value(r, "RSSTRESC") == "CHECK");
        Assert.True(check > 0);
        Assert.Equal(check, datasets.Problems.Count(p => p.Code == "ADAM_RESPONSE_UNKNOWN" && p.Severity == ProblemSeverity.Warning));
        Assert.Equal(investigator.Count - check, Subjects(datasets.Efficacy!.Adrs!, "OVR"));
        Assert.Null(datasets.Efficacy.Adtr);
    }

    [Fact]
    public void Pharmaverse_onco_derives_for_one_independent_radiologist_and_refuses_two_at_once()
    {
        var one = Derived(Analyse(PublicSdtm.PharmaverseOnco, StudyAnalysisOptions.Default with { Evaluator = "RADIOLOGIST 1" }).Analysis);
        Assert.Equal("Overall Response by OncoTrial RECIST 1.1", V(one.Efficacy!.Adrs!, 0, "PARAM"));

        var both = Analyse(PublicSdtm.PharmaverseOnco, StudyAnalysisOptions.Default with { Evaluator = "INDEPENDENT ASSESSOR" }).Analysis.Datasets;
        Assert.True(both.HasErrors);
        Assert.Contains(both.Problems, p => p.Code == "EVALUATOR_AMBIGUOUS" && p.Found.Contains("RADIOLOGIST 2", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(ResponseSource.Lesions)]
    [InlineData(ResponseSource.Rs)]
    public void The_pharmaverse_RECIST_set_derives_and_flags_the_imputed_WEEK_6_date_of_01_701_1015(ResponseSource responses)
    {
        var (analysis, _) = Analyse(PublicSdtm.PharmaverseRecist, StudyAnalysisOptions.Default with { Responses = responses });
        var adrs = Derived(analysis).Efficacy!.Adrs!;
        int week6 = Row(adrs, "01-701-1015", "OVR", 1);
        Assert.Equal(["NE", "2014-02-28", "D"], new[] { "AVALC", "ADT", "ADTF" }.Select(c => V(adrs, week6, c)));
        Assert.Equal(responses == ResponseSource.Lesions, analysis.Datasets.Efficacy!.Adtr is not null);
    }
}
