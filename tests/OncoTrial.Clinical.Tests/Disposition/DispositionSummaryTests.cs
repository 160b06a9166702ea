using OncoTrial.Clinical.Disposition;
using OncoTrial.Clinical.Study;
using OncoTrial.Clinical.Tests.Study;

namespace OncoTrial.Clinical.Tests.Disposition;

public class DispositionSummaryTests
{
    private static string Folder => Path.Combine(StudyFolders.RepositoryRoot, "tests", "OncoTrial.Clinical.Tests", "Disposition", "studies", "paths");

    private static string Id(int n) => "NCT05013697-03-30" + n.ToString("00", System.Globalization.CultureInfo.InvariantCulture);

    private static DispositionSummary Summary(DispositionOptions? options = null) => DispositionSummary.Compute(StudyFolder.Load(Folder), options);

    [Fact]
    public void The_paths_study_validates_clean()
    {
        var report = StudyValidator.Validate(Folder);
        Assert.Equal(string.Empty, string.Join("\n", report.Problems));
    }

    [Fact]
    public void Every_path_lands_in_its_box()
    {
        var s = Summary();
        Assert.Empty(s.Problems);
        Assert.Equal(14, s.Screened.Count);
        Assert.Equal([Id(1), Id(2)], s.Excluded.Subjects);
        Assert.Equal(12, s.Enrolled.Count);
        Assert.Equal([Id(3), Id(4), Id(5), Id(6), Id(7), Id(8)], s.InitialDiscontinued.Subjects);
        Assert.Empty(s.InitialOngoing.Subjects);
        Assert.Equal([Id(9), Id(10), Id(11), Id(12), Id(13), Id(14)], s.MaintenanceEntered.Subjects);
        Assert.Equal([Id(9), Id(10), Id(11), Id(12), Id(13)], s.MaintenanceDiscontinued.Subjects);
        Assert.Equal([Id(14)], s.OngoingAtCutoff.Subjects);
        Assert.Equal(12, s.SafetySet.Count);
        Assert.Equal(12, s.EfficacySet.Count);
        Assert.Equal(new DateOnly(2024, 4, 1), s.DataCutoff);
    }

    [Fact]
    public void Exclusions_are_split_into_ineligibility_and_consent_withdrawal()
    {
        var s = Summary();
        Assert.Equal(["Ineligibility", "Consent withdrawal"], s.ExclusionReasons.Select(r => r.Label));
        Assert.Equal([Id(1)], s.ExclusionReasons[0].Subjects);
        Assert.Equal([Id(2)], s.ExclusionReasons[1].Subjects);
    }

    [Fact]
    public void Each_discontinuation_reason_has_its_subject_in_the_paper_s_wording()
    {
        var s = Summary();
        Assert.Equal(
            ["Voluntary withdrawal", "Death", "Disease progression", "Adverse events", "Protocol deviation", "Loss of follow-up"],
            s.InitialDiscontinuationReasons.Select(r => r.Label));
        Assert.All(s.InitialDiscontinuationReasons, r => Assert.Single(r.Subjects));
        Assert.Equal(
            ["Voluntary withdrawal", "Death", "Disease progression", "Poor compliance", "Investigator's decision"],
            s.MaintenanceDiscontinuationReasons.Select(r => r.Label));
        Assert.Equal([Id(12)], s.MaintenanceDiscontinuationReasons.Single(r => r.Code == "NON-COMPLIANCE WITH STUDY DRUG").Subjects);
        Assert.Equal(1, DispositionSummary.CountOf(s.MaintenanceDiscontinuationReasons, "PHYSICIAN DECISION"));
    }

    [Fact]
    public void Reasons_sort_by_descending_count_then_in_the_paper_s_order()
    {
        var s = DispositionSummary.Compute(StudyFolder.Load(StudyFolders.ValidMinimal));
        Assert.Equal(4, s.Screened.Count);
        Assert.Equal(3, s.Enrolled.Count);
        Assert.Equal(["Voluntary withdrawal", "Disease progression"], s.InitialDiscontinuationReasons.Select(r => r.Label));
        Assert.Equal(["NCT05013697-01-1001"], s.InitialOngoing.Subjects);
    }

    [Fact]
    public void The_efficacy_set_can_be_every_enrolled_subject()
    {
        var s = Summary(new DispositionOptions { EfficacySet = EfficacySetDefinition.Enrolled });
        Assert.Equal(s.Enrolled.Subjects, s.EfficacySet.Subjects);
    }

    [Fact]
    public void An_inconsistent_path_is_reported_with_its_line()
    {
        string dir = StudyFolders.CopyToTemp(Folder);
        try
        {
            // Subject 05 discontinued initial therapy but gets a maintenance dose; subject 14 died without an end of maintenance.
            var dose = new Dictionary<string, string>
            {
                ["STUDYID"] = "NCT05013697",
                ["DOMAIN"] = "EX",
                ["USUBJID"] = Id(5),
                ["EXSEQ"] = "9",
                ["EXTRT"] = "BENMELSTOBART",
                ["EXDOSE"] = "1200",
                ["EXDOSU"] = "mg",
                ["EXDOSFRQ"] = "ONCE",
                ["EXROUTE"] = "INTRAVENOUS",
                ["EXSTDTC"] = "2022-06-01",
                ["EXENDTC"] = "2022-06-01",
                ["EPOCH"] = "MAINTENANCE THERAPY",
                ["VISIT"] = "CYCLE 5",
                ["EXCYCLE"] = "5",
                ["EXPDOSE"] = "1200",
            };
            string exHeader = File.ReadLines(Path.Combine(dir, "ex.csv")).First();
            File.AppendAllText(Path.Combine(dir, "ex.csv"), string.Join(',', exHeader.Split(',').Select(c => dose.GetValueOrDefault(c, string.Empty))) + "\n");
            string dm = File.ReadAllText(Path.Combine(dir, "dm.csv"));
            var lines = dm.Split('\n').ToList();
            var header = lines[0].Split(',');
            int i = lines.FindIndex(l => l.Contains(Id(14), StringComparison.Ordinal));
            var f = lines[i].Split(',');
            f[Array.IndexOf(header, "DTHFL")] = "Y";
            f[Array.IndexOf(header, "DTHDTC")] = "2023-01-01";
            lines[i] = string.Join(',', f);
            File.WriteAllText(Path.Combine(dir, "dm.csv"), string.Join('\n', lines));

            var s = DispositionSummary.Compute(StudyFolder.Load(dir));
            Assert.Equal(2, s.Problems.Count);
            Assert.Contains(s.Problems, p => p.File == "ex.csv" && p.Found.Contains(Id(5), StringComparison.Ordinal) && p.Line is not null);
            Assert.Contains(s.Problems, p => p.Found.Contains(Id(14), StringComparison.Ordinal) && p.Code == "DISPOSITION_PATH");
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
