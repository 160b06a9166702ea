using OncoTrial.Clinical.Protocol;
using OncoTrial.Clinical.Study;
using OncoTrial.Clinical.Tests.Study;

namespace OncoTrial.Clinical.Tests.Protocol;

public class StudyFolderProtocolTests
{
    [Fact]
    public void The_minimal_study_reads_every_ex_record_and_has_no_deviations()
    {
        var study = StudyFolder.Load(StudyFolders.ValidMinimal);
        var (records, problems) = ExposureRecord.Read(study.Domain("EX")!);
        Assert.Empty(problems);
        Assert.Equal(12, records.Count);
        Assert.Empty(ProtocolDeviations.Derive(Regimen.Seed, records));
    }

    [Fact]
    public void A_benmelstobart_cycle_started_95_days_late_is_reported_with_its_ex_line()
    {
        string dir = StudyFolders.CopyToTemp(StudyFolders.ValidMinimal);
        try
        {
            string ex = Path.Combine(dir, "ex.csv");
            File.WriteAllText(ex, File.ReadAllText(ex).Replace("2021-10-22,2021-10-22", "2022-01-25,2022-01-25", StringComparison.Ordinal));
            var (records, _) = ExposureRecord.Read(StudyFolder.Load(dir).Domain("EX")!);
            var d = Assert.Single(ProtocolDeviations.Derive(Regimen.Seed, records));
            Assert.Equal(("NCT05013697-01-1001", "BENMELSTOBART", 3, 7, 8, DeviationRule.LateCycleStart, 95.0, 84.0), (d.SubjectId, d.Drug, d.Cycle, d.Sequence, d.Line, d.Rule, d.Observed, d.Limit));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Screening_records_take_age_from_dm_and_ecog_from_sc()
    {
        var screening = ScreeningRecord.Read(StudyFolder.Load(StudyFolders.ValidMinimal));
        Assert.Equal(4, screening.Count);
        var first = screening[0];
        Assert.Equal(("NCT05013697-01-1001", 1), (first.SubjectId, first.Ecog!.Value));
        Assert.NotNull(first.Age);
        var result = EligibilityCriteria.Seed.Check(first);
        Assert.Equal(EligibilityStatus.Met, result.Outcomes.Single(o => o.Criterion.Id == "IN07").Status);
        Assert.Equal(EligibilityStatus.NotAssessable, result.Outcomes.Single(o => o.Criterion.Id == "IN02").Status);
    }
}
