using OncoTrial.Clinical.Exposure;
using OncoTrial.Clinical.Study;
using OncoTrial.Clinical.Tests.Study;

using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Tests.Exposure;

public class ExposureReaderTests
{
    private const string Header = "STUDYID,DOMAIN,USUBJID,EXSEQ,EXTRT,EXDOSE,EXDOSU,EXDOSFRQ,EXROUTE,EXSTDTC,EXENDTC,EPOCH,VISIT,EXCYCLE,EXPDOSE";

    private static ExposureData ReadEx(params string[] rows)
    {
        string dir = Path.Combine(Path.GetTempPath(), "oncotrial-ex-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            File.WriteAllText(Path.Combine(dir, "ex.csv"), Header + "\n" + string.Join("\n", rows) + "\n");
            return ExposureReader.Read(StudyFolder.Load(dir));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void A_daily_oral_period_counts_one_administration_per_day_and_a_once_record_counts_one()
    {
        var data = ReadEx(
            "S,EX,S1,1,ANLOTINIB,10,mg,QD,ORAL,2023-01-01,2023-01-14,INITIAL THERAPY,CYCLE 1,1,10",
            "S,EX,S1,2,BENMELSTOBART,1200,mg,ONCE,INTRAVENOUS,2023-01-01,2023-01-01,INITIAL THERAPY,CYCLE 1,1,1200");
        Assert.Empty(data.Problems);
        var anlotinib = data.Administrations.Single(a => a.Drug == "ANLOTINIB");
        Assert.Equal(14, anlotinib.Administrations);
        Assert.Equal(140, anlotinib.Amount);
        Assert.Equal(TreatmentPhase.Induction, anlotinib.Phase);
        Assert.Equal(1200, data.Administrations.Single(a => a.Drug == "BENMELSTOBART").Amount);
    }

    [Fact]
    public void Bad_records_are_left_out_with_a_located_problem_and_nothing_is_thrown()
    {
        var data = ReadEx(
            "S,EX,S1,1,CISPLATIN,75,mg/m2,ONCE,INTRAVENOUS,2023-01-01,,INITIAL THERAPY,CYCLE 1,1,75",
            "S,EX,S1,2,CISPLATIN,\"12,5\",mg/m2,ONCE,INTRAVENOUS,2023-01-22,,INITIAL THERAPY,CYCLE 2,2,75",
            "S,EX,S1,3,CISPLATIN,75,mg/m2,ONCE,INTRAVENOUS,2023-02,,INITIAL THERAPY,CYCLE 3,3,75",
            "S,EX,S1,4,CISPLATIN,130,mg,ONCE,INTRAVENOUS,2023-03-05,,INITIAL THERAPY,CYCLE 4,4,75",
            "S,EX,S1,5,CISPLATIN,75,mg/m2,ONCE,INTRAVENOUS,2023-03-26,,,CYCLE 5,x,75",
            "S,EX,S1,6,BENMELSTOBART,1200,mg,ONCE,INTRAVENOUS,2023-01-01,2022-12-31,INITIAL THERAPY,CYCLE 1,1,1200");
        Assert.Equal(["EX_DOSE", "EX_START_DATE", "EX_CYCLE", "EX_END_BEFORE_START", "EX_UNIT_MIXED"], data.Problems.Select(p => p.Code));
        Assert.Equal([2, 3, 5, 6, 4], data.Problems.Select(p => p.Row!.Value));
        Assert.Equal(ProblemSeverity.Warning, data.Problems.Single(p => p.Code == "EX_END_BEFORE_START").Severity);
        Assert.Equal(2, data.Administrations.Count);
        Assert.StartsWith("ex.csv, line 3 (data row 2), column EXDOSE: expected a dose >= 0", data.Problems[0].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_epoch_takes_the_phase_of_the_subjects_other_records_in_the_cycle()
    {
        var data = ReadEx(
            "S,EX,S1,1,BENMELSTOBART,1200,mg,ONCE,INTRAVENOUS,2023-03-01,,MAINTENANCE THERAPY,CYCLE 5,5,1200",
            "S,EX,S1,2,ANLOTINIB,10,mg,QD,ORAL,2023-03-01,2023-03-14,,CYCLE 5,5,10",
            "S,EX,S1,3,ANLOTINIB,10,mg,QD,ORAL,2023-03-22,2023-04-04,,CYCLE 6,6,10");
        Assert.Equal(TreatmentPhase.Maintenance, data.Administrations.Single(a => a.Cycle == 5 && a.Drug == "ANLOTINIB").Phase);
        Assert.Null(data.Administrations.Single(a => a.Cycle == 6).Phase);
        Assert.Equal("EX_PHASE_UNKNOWN", Assert.Single(data.Problems).Code);
    }

    [Fact]
    public void The_minimal_study_reads_without_problems_and_derives_an_exposure_per_subject()
    {
        var data = ExposureReader.Read(StudyFolder.Load(StudyFolders.ValidMinimal));
        Assert.Empty(data.Problems);
        var e = ExposureDerivation.DeriveDrugExposures(data.Administrations);
        var anlotinib = e.Single(x => x.Subject == "NCT05013697-01-1001" && x.Drug == "ANLOTINIB" && x.Phase is null);
        Assert.Equal(140 + 112, anlotinib.CumulativeDose);
        Assert.True(anlotinib.HasReduction);
        Assert.Equal(3, e.Single(x => x.Subject == "NCT05013697-01-1001" && x.Drug == "BENMELSTOBART" && x.Phase is null).CyclesStarted);
    }

    [Fact]
    public void A_study_without_ex_gives_one_problem()
    {
        string dir = Directory.CreateTempSubdirectory("oncotrial-noex-").FullName;
        var data = ExposureReader.Read(StudyFolder.Load(dir));
        Directory.Delete(dir);
        Assert.Empty(data.Administrations);
        Assert.Contains(data.Problems, p => p.Code == "EX_MISSING");
    }
}
