using OncoTrial.Clinical.Exposure;
using static OncoTrial.Clinical.Tests.Exposure.ExposureVectors;

namespace OncoTrial.Clinical.Tests.Exposure;

public class ExposureSummaryTests
{
    [Fact]
    public void Median_mean_and_range_follow_r_for_odd_and_even_counts_and_are_null_for_none()
    {
        Assert.Equal(new RangeSummary(4, 2.5, 4, 1, 10), RangeSummary.Compute([3, 1, 2, 10]));
        Assert.Equal(new RangeSummary(3, 2, 2, 1, 3), RangeSummary.Compute([3, 1, 2]));
        Assert.Equal(new RangeSummary(0, null, null, null, null), RangeSummary.Compute([]));
    }

    private static IEnumerable<Administration> Subject(string id, int induction, int maintenance, double inductionDose = 1200)
    {
        for (int c = 1; c <= induction; c++)
        {
            yield return Once(id, "BENMELSTOBART", 1 + ((c - 1) * 21), c, c == 1 ? 1200 : inductionDose, 1200);
        }

        for (int c = induction + 1; c <= induction + maintenance; c++)
        {
            yield return Once(id, "BENMELSTOBART", 1 + ((c - 1) * 21), c, 1200, 1200, phase: TreatmentPhase.Maintenance);
        }
    }

    [Fact]
    public void The_compliance_paragraph_counts_cycles_rdi_duration_reductions_and_completed_induction()
    {
        Administration[] records = [.. Subject("S1", 4, 2), .. Subject("S2", 6, 0, inductionDose: 600), .. Subject("S3", 2, 0), .. VectorB("S4")];
        var s = ExposureSummary.Compute(ExposureDerivation.DeriveDrugExposures(records));
        Assert.Equal(4, s.SubjectsTreated);
        Assert.Equal(new RangeSummary(4, 4, 4, 2, 6), s.ForPhase(TreatmentPhase.Induction)!.CyclesStarted);
        Assert.Equal(new RangeSummary(1, 2, 2, 2, 2), s.ForPhase(TreatmentPhase.Maintenance)!.CyclesStarted);
        Assert.Equal(3, s.SubjectsWithInductionCyclesInRange);
        Assert.Equal(1, s.CompletedInductionAndEnteredMaintenance);

        var benmel = s.For("BENMELSTOBART", TreatmentPhase.Induction)!;
        Assert.Equal(3, benmel.Subjects);
        Assert.Equal(100.0 * (1200 + (5 * 600)) / 7200, benmel.Rdi.Min!.Value, 12);
        Assert.Equal(100, benmel.Rdi.Median!.Value, 12);
        Assert.Equal(1, benmel.SubjectsWithReduction);
        Assert.Equal(0, benmel.SubjectsWithDelay);
        Assert.Equal((64 + 106 + 22) / 3.0 / 30.4375, benmel.DurationMonths.Mean!.Value, 12);
        Assert.Equal(1, s.For("ANLOTINIB", TreatmentPhase.Induction)!.SubjectsWithReduction);
        Assert.Equal(1, s.For("ANLOTINIB", TreatmentPhase.Induction)!.SubjectsWithDelay);
        Assert.Null(s.For("ANLOTINIB", TreatmentPhase.Maintenance));
    }

    [Fact]
    public void Every_count_of_the_summary_names_its_subjects()
    {
        Administration[] records = [.. Subject("S1", 4, 2), .. Subject("S2", 6, 0, inductionDose: 600), .. Subject("S3", 2, 0), .. VectorB("S4")];
        var s = ExposureSummary.Compute(ExposureDerivation.DeriveDrugExposures(records));
        var benmel = s.For("BENMELSTOBART", TreatmentPhase.Induction)!;
        Assert.Equal(["S1", "S2", "S3"], benmel.SubjectIds);
        Assert.Equal(["S2"], benmel.ReducedSubjectIds);
        Assert.Empty(benmel.DelayedSubjectIds);
        Assert.Equal(["S1"], s.ForPhase(TreatmentPhase.Maintenance)!.SubjectIds);
        Assert.Equal(s.SubjectsTreated, s.ForPhase(null)!.SubjectIds.Count);
        Assert.Equal(["S1", "S2", "S4"], s.InductionCyclesInRangeSubjectIds);
        Assert.Equal(["S1"], s.EnteredMaintenanceSubjectIds);
        Assert.All(s.Drugs, d => Assert.Equal(d.Subjects, d.SubjectIds.Count));
    }
}
