using OncoTrial.Clinical.Analyses;
using OncoTrial.Clinical.Pipeline;
using OncoTrial.Clinical.Study;
using OncoTrial.Clinical.Tests.Study;

namespace OncoTrial.Clinical.Tests.Analyses;

/// <summary>
/// Safety highlights on four subjects (AEs on day 10, inside the 30-day window): S1 a grade 3 oesophageal fistula and a
/// grade 1 epistaxis; S2 a grade 5 fistula (fatal) and death on day 40 of it; S3 a grade 2 fistula; S4 immune-related
/// hypothyroidism (grade 2) and diarrhoea (grade 3).
/// </summary>
public class SafetyHighlightsTests
{
    private static TestStudy Study(bool twoArms = false) => new TestStudy()
        .Subject("S1").AdverseEvent("S1", "Esophageal fistula", 10, 3).AdverseEvent("S1", "Epistaxis", 10, 1)
        .Subject("S2", deathDay: 40, deathCause: "Esophageal fistula").AdverseEvent("S2", "Esophageal fistula", 10, 5, outcome: "FATAL")
        .Subject("S3", arm: twoArms ? "Arm B" : "Arm A").AdverseEvent("S3", "Esophageal fistula", 10, 2)
        .Subject("S4", arm: twoArms ? "Arm B" : "Arm A").AdverseEvent("S4", "Hypothyroidism", 10, 2, immune: true).AdverseEvent("S4", "Diarrhea", 10, 3, immune: true);

    [Fact]
    public void A_term_is_counted_by_worst_grade_with_grade_5_apart_from_grades_3_and_4()
    {
        var fistula = Study().Analyse().Results.Safety.Term("Esophageal fistula")!;
        Assert.Equal(["S1", "S2", "S3"], fistula.AnyGrade[0].Subjects);
        Assert.Equal(["S3"], fistula.Grade1To2[0].Subjects);
        Assert.Equal(["S1"], fistula.Grade3To4[0].Subjects);
        Assert.Equal(["S2"], fistula.Grade5[0].Subjects);
        Assert.Equal(4, fistula.Grade5[0].Denominator);
    }

    [Fact]
    public void Immune_related_events_are_counted_overall_and_by_term()
    {
        var safety = Study().Analyse().Results.Safety;
        Assert.Equal(["S4"], safety.ImmuneRelated.AnyGrade[0].Subjects);
        Assert.Equal(["S4"], safety.ImmuneRelated.Grade3OrWorse[0].Subjects);
        Assert.Equal(["Diarrhea", "Hypothyroidism"], safety.ImmuneRelatedByTerm.Select(t => t.Term));
        Assert.Equal(["S4"], safety.ImmuneRelatedTerm("diarrhea")!.Grade3OrWorse[0].Subjects);
        Assert.Empty(safety.ImmuneRelatedTerm("Hypothyroidism")!.Grade3OrWorse[0].Subjects);
    }

    [Fact]
    public void Bleeding_events_are_the_grouped_terms_with_their_member_terms()
    {
        var bleeding = Assert.Single(Study().Analyse().Results.Safety.Groups);
        Assert.Equal("Bleeding events", bleeding.Group.Term);
        Assert.Equal(["S1"], bleeding.Group.AnyGrade[0].Subjects);
        Assert.Equal("Epistaxis", Assert.Single(bleeding.Terms).Term);
    }

    [Fact]
    public void Deaths_are_counted_by_cause_with_the_fatal_AEs_and_the_others_alive()
    {
        var deaths = Study().Analyse().Results.Safety.Deaths;
        Assert.Equal(["S2"], deaths.Total[0].Subjects);
        var cause = Assert.Single(deaths.ByCause);
        Assert.Equal("death/Esophageal fistula", cause.Key);
        Assert.Equal(["S2"], cause.Total.Subjects);
        Assert.Equal(["S2"], deaths.WithFatalAdverseEvent[0].Subjects);
        Assert.Equal(["Esophageal fistula"], deaths.FatalAdverseEventTerms);
        Assert.Equal(["S1", "S3", "S4"], deaths.Alive[0].Subjects);
    }

    [Fact]
    public void Two_arms_give_the_safety_set_of_each_arm_and_a_total_as_the_AE_table()
    {
        var analysis = Study(twoArms: true).Analyse();
        var safety = analysis.Results.Safety;
        Assert.Equal(analysis.Safety.AdverseEvents.Arms.Select(a => (a.Name, a.N)).Append(("Total", 4)), safety.Population.Columns.Select(c => (c.Name, c.N)));
        var fistula = safety.Term("Esophageal fistula")!;
        Assert.Equal([(2, 2), (1, 2), (3, 4)], fistula.AnyGrade.Select(f => (f.Count, f.Denominator)));
    }

    [Fact]
    public void The_small_AE_study_gives_its_immune_related_and_bleeding_rows()
    {
        string folder = Path.Combine(StudyFolders.RepositoryRoot, "tests", "OncoTrial.Clinical.Tests", "Safety", "studies", "ae-small");
        var analysis = StudyAnalysis.Create(StudyFolder.Load(folder));
        var safety = analysis.Results.Safety;
        var summary = analysis.Safety.AdverseEvents;
        Assert.Equal(summary.AllCause.ImmuneRelated.AnyGrade.Subjects, safety.ImmuneRelated.AnyGrade[0].Subjects);
        Assert.Equal(summary.AllCause.ImmuneRelated.Grade3OrWorse.Subjects, safety.ImmuneRelated.Grade3OrWorse[0].Subjects);
        Assert.Equal(summary.AllCause.Groups[0].AnyGrade.Subjects, safety.Groups[0].Group.AnyGrade[0].Subjects);
        Assert.Equal(["Epistaxis", "Intracranial hemorrhage", "Lower gastrointestinal hemorrhage"], safety.Groups[0].Terms.Select(t => t.Term));
        foreach (var term in summary.AllCause.Terms)
        {
            Assert.Equal(term.AnyGrade.Subjects, safety.Term(term.Label)!.AnyGrade[0].Subjects);
            Assert.Equal(term.Grade3OrWorse.Subjects, safety.Term(term.Label)!.Grade3To4[0].Subjects.Concat(safety.Term(term.Label)!.Grade5[0].Subjects).Order(StringComparer.Ordinal));
        }

        Assert.Equal(summary.DeathCount, safety.Deaths.Total[0].Count);
    }
}
