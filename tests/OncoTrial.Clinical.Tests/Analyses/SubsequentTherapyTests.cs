using OncoTrial.Clinical.Analyses;
using OncoTrial.Clinical.Pipeline;

namespace OncoTrial.Clinical.Tests.Analyses;

/// <summary>
/// Subsequent therapy on six subjects, five of whom progress on day 43 (a new lung lesion): R1 docetaxel from day 60 and
/// sintilimab from day 120 (two lines: third-line; anti-PD-1 by name); R2 paclitaxel and carboplatin both from day 60
/// (one regimen, one line); R3 an unlisted agent whose CMCLAS is PD-1 INHIBITOR; R4 nothing; R6 atezolizumab (CMCLAS
/// PD-L1 INHIBITOR: not anti-PD-1). R5 has stable disease and camrelizumab from day 100.
/// </summary>
public class SubsequentTherapyTests
{
    private static TestStudy Study()
    {
        var study = new TestStudy();
        foreach (string id in new[] { "R1", "R2", "R3", "R4", "R6" })
        {
            study.Subject(id).Target(id, "T1", "LIVER", (-7, 50), (43, 50)).New(id, "N1", "LUNG", 43);
        }

        return study
            .Subject("R5").Target("R5", "T1", "LIVER", (-7, 50), (43, 45))
            .Therapy("R1", "Docetaxel", 60).Therapy("R1", "Sintilimab", 120)
            .Therapy("R2", "Paclitaxel", 60).Therapy("R2", "Carboplatin", 60)
            .Therapy("R3", "XYZ-101", 60, cls: "PD-1 INHIBITOR")
            .Therapy("R6", "Atezolizumab", 60, cls: "PD-L1 INHIBITOR")
            .Therapy("R5", "Camrelizumab", 100)
            .Therapy("R4", "Ondansetron", 50, category: "CONCOMITANT MEDICATION");
    }

    [Fact]
    public void The_denominator_is_the_subjects_who_progressed()
    {
        var therapy = Study().Analyse().Results.SubsequentTherapy!;
        Assert.Equal(["R1", "R2", "R3", "R4", "R6"], therapy.Progressed[0].Subjects);
        Assert.Equal(6, therapy.Progressed[0].Denominator);
        Assert.Equal(["R1", "R2", "R3", "R6"], therapy.Received[0].Subjects);
        Assert.Equal(5, therapy.Received[0].Denominator);
        Assert.Equal(80m, therapy.Received[0].Percent);
    }

    [Fact]
    public void A_line_is_a_regimen_by_start_date_and_two_lines_are_third_line_therapy()
    {
        var therapy = Study().Analyse().Results.SubsequentTherapy!;
        Assert.Equal(["R1"], therapy.ThirdLine[0].Subjects);
        Assert.Equal([1, 2], therapy.Records.Where(r => r.Subject == "R1").Select(r => r.Line));
        Assert.Equal([1, 1], therapy.Records.Where(r => r.Subject == "R2").Select(r => r.Line));
    }

    [Fact]
    public void Anti_PD_1_is_a_listed_agent_or_a_PD_1_class_and_never_a_PD_L1_one()
    {
        var therapy = Study().Analyse().Results.SubsequentTherapy!;
        Assert.Equal(["R1", "R3"], therapy.AntiPd1[0].Subjects);
        Assert.False(therapy.Records.Single(r => r.Subject == "R6").IsAntiPd1);
        Assert.True(therapy.Records.Single(r => r.Subject == "R5").IsAntiPd1);
    }

    [Fact]
    public void Subsequent_therapy_without_progression_counts_only_over_the_whole_set_and_concomitant_medication_never()
    {
        var therapy = Study().Analyse().Results.SubsequentTherapy!;
        Assert.Equal(["R1", "R2", "R3", "R5", "R6"], therapy.ReceivedAny[0].Subjects);
        Assert.DoesNotContain(therapy.Records, r => r.Treatment == "ONDANSETRON");
    }

    [Fact]
    public void The_anti_PD_1_list_is_an_option()
    {
        var options = StudyAnalysisOptions.Default with { Results = TrialResultsOptions.Default with { AntiPd1Agents = ["docetaxel"] } };
        var therapy = Study().Analyse(options).Results.SubsequentTherapy!;
        Assert.Equal(["R1", "R3"], therapy.AntiPd1[0].Subjects);
        Assert.False(therapy.Records.Single(r => r.Treatment == "SINTILIMAB").IsAntiPd1);
    }

    [Fact]
    public void A_study_without_CM_has_no_subsequent_therapy_and_a_note()
    {
        var therapy = TumourResponseTests.FiveSubjects().Analyse().Results.SubsequentTherapy!;
        Assert.Empty(therapy.Records);
        Assert.Equal(["P3"], therapy.Progressed[0].Subjects);
        Assert.Equal(0, therapy.Received[0].Count);
        Assert.Contains(therapy.Problems, p => p.Code == "ANALYSIS_NO_CM");
    }
}
