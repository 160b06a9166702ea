using OncoTrial.Clinical.Ctcae;
using OncoTrial.Clinical.Safety;
using OncoTrial.Clinical.Study;
using OncoTrial.ReferenceCohort.Generation;
using OncoTrial.Statistics;

namespace OncoTrial.ReferenceCohort.Tests.Generation;

/// <summary>The 50 fixture courses, the cohort generated from them with seed 12, and the study folder around it: made once for the class.</summary>
public sealed class AdverseCohortFixture
{
    public const int Seed = 12;

    public AdverseCohortFixture()
    {
        Courses = AdverseCourses.Fifty();
        Cohort = AdverseEventGenerator.Generate(Courses, Seed);
        Study = AdverseCourses.Study(Courses, Cohort);
        Summary = AeSummary.Compute(Study);
    }

    internal IReadOnlyList<SubjectCourse> Courses { get; }

    internal AdverseCohort Cohort { get; }

    internal StudyFolder Study { get; }

    internal AeSummary Summary { get; }
}

public class AdverseEventGeneratorTests(AdverseCohortFixture fixture) : IClassFixture<AdverseCohortFixture>
{
    private static readonly PublishedValues Paper = PublishedValues.Paper;

    private static int Published(string id) => (int)Paper[id].Value.Value!.Value;

    [Fact]
    public void The_AE_summary_of_the_generated_study_gives_every_cell_of_Table_3()
    {
        var summary = fixture.Summary;
        Assert.Equal(50, summary.N);
        var rows = Paper["ae_table"].Rows!;
        Assert.Equal(16, rows.Count);
        foreach (var row in rows)
        {
            var all = summary.AllCause.Term(row.Term);
            var related = summary.Related.Term(row.Term);
            int[] computed = [all.AnyGrade.Count, all.Grade3OrWorse.Count, related.AnyGrade.Count, related.Grade3OrWorse.Count];
            Assert.True(row.Values.SequenceEqual(computed), $"{row.Term}: published {string.Join(", ", row.Values)}, computed {string.Join(", ", computed)}");
        }

        // Exactly the 16 terms reach 20% of subjects (the table's "frequent events").
        Assert.Equal(rows.Select(r => r.Term).Order(StringComparer.Ordinal), summary.FrequentTerms.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_AE_summary_gives_the_summary_rows_of_Table_3()
    {
        var summary = fixture.Summary;
        Assert.Equal(Published("ae_any"), summary.AllCause.Any.AnyGrade.Count);
        Assert.Equal(Published("ae_grade3plus"), summary.AllCause.Any.Grade3OrWorse.Count);
        Assert.Equal(Published("trae_any"), summary.Related.Any.AnyGrade.Count);
        Assert.Equal(Published("trae_grade3plus"), summary.Related.Any.Grade3OrWorse.Count);
        Assert.Equal(Published("ae_leading_to_discontinuation"), summary.AllCause.LeadingToDiscontinuation.AnyGrade.Count);
        Assert.Equal(Published("ae_leading_to_dose_reduction"), summary.AllCause.LeadingToDoseReduction.AnyGrade.Count);
        Assert.Equal(Published("irae_any"), summary.AllCause.ImmuneRelated.AnyGrade.Count);
        Assert.Equal(Published("irae_grade3plus"), summary.AllCause.ImmuneRelated.Grade3OrWorse.Count);
        Assert.Equal(Published("deaths_adverse_event"), summary.AllCause.Fatal.AnyGrade.Count);
        Assert.Equal(Published("bleeding_events"), summary.AllCause.Groups.Single(g => g.Label == AeGroups.Bleeding.Name).AnyGrade.Count);
    }

    [Fact]
    public void The_immune_related_events_by_term_are_the_papers()
    {
        var immune = fixture.Summary.Events.Where(e => e.IsTreatmentEmergent && e.Event.IsImmuneRelated).ToList();
        int Subjects(string term) => immune.Where(e => e.Event.DecodedTerm == term).Select(e => e.Event.Subject).Distinct().Count();
        Assert.Equal(Published("irae_hypothyroidism"), Subjects("Hypothyroidism"));
        Assert.Equal(Published("irae_diarrhea"), Subjects("Diarrhea"));
        Assert.Equal(Published("irae_alt_increased"), Subjects("Alanine aminotransferase increased"));
    }

    [Fact]
    public void The_bleeding_fistula_and_fatal_events_are_those_of_the_papers_prose()
    {
        var teae = fixture.Summary.Events.Where(e => e.IsTreatmentEmergent).Select(e => e.Event).ToList();
        var bleeds = teae.Where(e => AeGroups.Bleeding.Contains(e.DecodedTerm)).ToList();
        Assert.Equal(["Epistaxis 1", "Intracranial hemorrhage 5", "Lower gastrointestinal hemorrhage 1"], bleeds.Select(e => $"{e.DecodedTerm} {e.Grade}").Order(StringComparer.Ordinal));
        var gi = bleeds.Single(e => e.DecodedTerm == "Lower gastrointestinal hemorrhage");
        Assert.True(gi.RelatedByDrug["ANLOTINIB"]);
        Assert.Equal("DOSE NOT CHANGED", gi.Action);

        var fistulas = teae.Where(e => e.DecodedTerm == "Esophageal fistula").ToList();
        var severe = fistulas.Where(e => e.Grade is 3 or 4).ToList();
        Assert.Equal(Published("esophageal_fistula_grade3plus"), severe.Select(e => e.Subject).Distinct().Count());
        Assert.Single(severe, e => e.IsRelated(MissingCausalityRule.Related) == false);
        var fatalFistula = Assert.Single(fistulas, e => e.Grade == 5);
        Assert.True(fatalFistula.IsRelated(MissingCausalityRule.Related));
        Assert.True(fixture.Courses.Single(c => c.Subject == fatalFistula.Subject).PriorRadiotherapy);

        // The four AE deaths: grade 5, FATAL, AESDTH = Y, ending on the death day; no other fatal AE (COVID-19 deaths have none).
        var fatal = teae.Where(e => e.IsFatal).ToList();
        var deaths = fixture.Courses.Where(c => c.Death == DeathCause.AdverseEvent).ToList();
        Assert.Equal(deaths.Select(c => c.Subject + " " + c.FatalAdverseEvent).Order(StringComparer.Ordinal), fatal.Select(e => e.Subject + " " + e.DecodedTerm).Order(StringComparer.Ordinal));
        foreach (var e in fatal)
        {
            var course = deaths.Single(c => c.Subject == e.Subject);
            Assert.Equal((5, "FATAL", true), (e.Grade, e.Outcome, e.ResultsInDeath));
            Assert.Equal(course.FirstDose.AddDays(course.DeathDay!.Value - 1), e.End!.Value.Latest);
        }
    }

    [Fact]
    public void Every_AE_lab_and_vital_sign_falls_within_the_subjects_life_and_every_AE_is_treatment_emergent()
    {
        var courses = fixture.Courses.ToDictionary(c => c.Subject);
        foreach (var e in fixture.Cohort.AdverseEvents)
        {
            var c = courses[e.Subject];
            int last = Math.Min(c.LastKnownAliveDay, c.DeathDay ?? int.MaxValue);
            Assert.InRange(e.StartDay, 1, Math.Min(c.LastDoseDay + 30, last));
            Assert.True(e.EndDay is null || (e.EndDay >= e.StartDay && e.EndDay <= last), $"{e.Subject} {e.DecodedTerm}: {e.StartDay}-{e.EndDay}");
        }

        foreach (var (subject, day) in fixture.Cohort.Labs.Select(l => (l.Subject, l.Day)).Concat(fixture.Cohort.VitalSigns.Select(v => (v.Subject, v.Day))))
        {
            var c = courses[subject];
            Assert.InRange(day, c.ScreeningDay, Math.Min(c.LastKnownAliveDay, c.DeathDay ?? int.MaxValue));
        }

        Assert.All(fixture.Summary.Events, e => Assert.True(e.IsTreatmentEmergent));
    }

    [Fact]
    public void The_labs_and_vital_signs_graded_by_CTCAE_agree_with_the_AE_grades()
    {
        var graded = CtcaeStudyGrading.GradeLabs(fixture.Study).Concat(CtcaeStudyGrading.GradeVitals(fixture.Study)).ToList();
        Assert.All(graded, g => Assert.True(g.Result.IsGradable, g.Describe() + ": " + g.Result));
        var flags = CtcaeCrossCheck.Run(fixture.Study, graded);
        Assert.True(flags.Count == 0, string.Join("\n", flags.Take(10).Select(f => f.Message)));

        // Every lab-graded AE is shown by a record of its grade on its onset day.
        foreach (var e in fixture.Cohort.AdverseEvents.Where(e => CtcaeCriteria.V5.TermForAe(e.DecodedTerm) is not null))
        {
            string term = CtcaeCriteria.V5.TermForAe(e.DecodedTerm)!;
            string date = e.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            Assert.Contains(graded, g => g.Usubjid == e.Subject && g.Term == term && g.DateText == date && g.Result.Grade!.Value.Value == e.Grade);
        }
    }

    [Fact]
    public void The_seed_profile_finds_no_error_in_the_AE_LB_and_VS_files()
    {
        var report = StudyValidator.Validate(fixture.Study, ValidationProfile.Seed);
        var ours = report.Problems.Where(p => p.File is "ae.csv" or "lb.csv" or "vs.csv").ToList();
        Assert.True(!ours.Any(p => p.Severity == ProblemSeverity.Error), string.Join("\n", ours.Where(p => p.Severity == ProblemSeverity.Error).Take(10)));
        Assert.DoesNotContain(ours, p => p.Severity == ProblemSeverity.Warning);
    }

    [Fact]
    public void The_dose_reductions_withdrawals_and_held_cycles_fall_on_cycles_that_give_the_drug()
    {
        var cohort = fixture.Cohort;
        var courses = fixture.Courses.ToDictionary(c => c.Subject);
        Assert.Equal(Published("ae_leading_to_dose_reduction"), cohort.DoseReductions.Select(r => r.Subject).Distinct().Count());
        foreach (var r in cohort.DoseReductions)
        {
            var c = courses[r.Subject];
            Assert.InRange(r.FromCycle, 2, r.Drug == AdverseDrugs.Anlotinib ? c.CycleDays.Count : c.InductionCycles);
            Assert.Contains(cohort.AdverseEvents, e => e.Subject == r.Subject && e.Action == AdverseAction.DoseReduced && e.Cycle == r.FromCycle - 1 && e.DecodedTerm == r.DecodedTerm);
        }

        Assert.All(cohort.DoseReductions.GroupBy(r => (r.Subject, r.Drug)), g => Assert.InRange(g.Count(), 1, 2));
        Assert.Equal(Published("ae_leading_to_discontinuation"), cohort.Withdrawals.Count);
        var whole = Assert.Single(cohort.Withdrawals, w => w.Drug is null);
        Assert.True(courses[whole.Subject].StoppedForAdverseEvent);
        Assert.All(cohort.Withdrawals.Where(w => w.Drug is not null), w => Assert.InRange(w.FromCycle, 3, courses[w.Subject].CycleDays.Count));
        Assert.All(cohort.Interruptions, i => Assert.InRange(i.Cycle, 2, courses[i.Subject].CycleDays.Count));
    }

    [Fact]
    public void The_same_seed_gives_the_same_bytes_and_another_seed_other_records()
    {
        string Text(AdverseCohort c) => string.Concat(AdverseCourses.Files(fixture.Courses, c).Select(f => f.Text));
        string first = Text(fixture.Cohort);
        Assert.Equal(first, Text(AdverseEventGenerator.Generate(fixture.Courses, AdverseCohortFixture.Seed)));
        Assert.NotEqual(first, Text(AdverseEventGenerator.Generate(fixture.Courses, AdverseCohortFixture.Seed + 1)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Any_seed_gives_the_papers_counts(int seed)
    {
        var cohort = AdverseEventGenerator.Generate(fixture.Courses, seed);
        var summary = AeSummary.Compute(AdverseCourses.Study(fixture.Courses, cohort));
        foreach (var row in Paper["ae_table"].Rows!)
        {
            Assert.Equal(row.Values[0], summary.AllCause.Term(row.Term).AnyGrade.Count);
            Assert.Equal(row.Values[3], summary.Related.Term(row.Term).Grade3OrWorse.Count);
        }

        Assert.Equal(Published("ae_grade3plus"), summary.AllCause.Any.Grade3OrWorse.Count);
        Assert.Equal(Published("trae_grade3plus"), summary.Related.Any.Grade3OrWorse.Count);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(21)]
    [InlineData(33)]
    public void Other_plausible_course_sets_carry_the_papers_counts(int courseSeed)
    {
        var courses = AdverseCourses.Fifty(courseSeed);
        var summary = AeSummary.Compute(AdverseCourses.Study(courses, AdverseEventGenerator.Generate(courses, 1)));
        Assert.Equal(Published("ae_any"), summary.AllCause.Any.AnyGrade.Count);
        Assert.Equal(Published("trae_grade3plus"), summary.Related.Any.Grade3OrWorse.Count);
        Assert.Equal(Published("ae_leading_to_dose_reduction"), summary.AllCause.LeadingToDoseReduction.AnyGrade.Count);
        Assert.Equal(Published("irae_any"), summary.AllCause.ImmuneRelated.AnyGrade.Count);
    }

    [Fact]
    public void Targets_the_courses_cannot_carry_are_refused_with_a_message()
    {
        // Hypothyroidism (from cycle 3 on) in 48 of 50 subjects: fewer courses reach cycle 3.
        var table = AdverseTargets.Paper.Table.Select(r => r.Term == "Hypothyroidism" ? r with { Any = 48 } : r).ToList();
        var error = Assert.Throws<InvalidOperationException>(() => AdverseEventGenerator.Generate(fixture.Courses, 1, AdverseTargets.Paper with { Table = table }));
        Assert.Contains("Hypothyroidism", error.Message, StringComparison.Ordinal);
    }
}
