using OncoTrial.Clinical.Data;
using OncoTrial.Clinical.Study;

using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Tests.Study;

public class StudyValidatorTests
{
    public static TheoryData<string> BrokenCases()
    {
        var data = new TheoryData<string>();
        foreach (string dir in Directory.GetDirectories(Path.Combine(StudyFolders.Root, "broken")).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(dir));
        }

        return data;
    }

    [Fact]
    public void The_minimal_valid_study_validates_clean()
    {
        var report = StudyValidator.Validate(StudyFolders.ValidMinimal);
        Assert.True(report.IsUsable);
        Assert.Equal(string.Empty, string.Join("\n", report.Problems));
        Assert.Null(report.Severity);
    }

    [Fact]
    public void The_minimal_valid_study_as_Dataset_JSON_validates_clean()
    {
        string dir = StudyFolders.CopyToTemp(StudyFolders.ValidMinimal);
        try
        {
            foreach (string csv in Directory.GetFiles(dir, "*.csv"))
            {
                string extension = Path.GetFileName(csv) == "ae.csv" ? ".ndjson" : ".json";
                DatasetFiles.Write(CsvDataset.Read(csv), Path.ChangeExtension(csv, extension));
                File.Delete(csv);
            }

            var report = StudyValidator.Validate(dir);
            Assert.True(report.IsUsable);
            Assert.Equal(string.Empty, string.Join("\n", report.Problems));
            Assert.Equal(4, StudyFolder.Load(dir).Domain("DM")!.Table.Records.Count);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void An_unreadable_Dataset_JSON_domain_is_reported_with_the_reader_message()
    {
        string dir = StudyFolders.CopyToTemp(StudyFolders.ValidMinimal);
        try
        {
            File.Delete(Path.Combine(dir, "vs.csv"));
            File.WriteAllText(Path.Combine(dir, "vs.json"), "{\"datasetJSONVersion\": ");
            var report = StudyValidator.Validate(dir);
            var problem = Assert.Single(report.Problems, p => p.File == "vs.json");
            Assert.Equal("FORMAT", problem.Code);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void The_minimal_valid_study_loads_every_domain()
    {
        var study = StudyFolder.Load(StudyFolders.ValidMinimal);
        Assert.Equal(DomainSpecs.All.Select(d => d.Name).Order(StringComparer.Ordinal), study.Domains.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(4, study.Domain("DM")!.Table.Records.Count);
    }

    [Theory]
    [MemberData(nameof(BrokenCases))]
    public void Each_broken_study_reports_its_golden_messages(string name)
    {
        string dir = StudyFolders.Broken(name);
        var report = StudyValidator.Validate(dir);
        string actual = string.Concat(report.Problems.Select(p => p + "\n"));
        Golden.Verify(Path.Combine(dir, "expected.txt"), actual);
        Assert.NotEmpty(report.Problems);
    }

    [Fact]
    public void A_missing_folder_is_unusable_input()
    {
        var report = StudyValidator.Validate(Path.Combine(StudyFolders.Root, "no-such-study"));
        Assert.False(report.IsUsable);
        Assert.Equal("FOLDER_MISSING", Assert.Single(report.Problems).Code);
    }

    [Fact]
    public void A_study_without_DM_is_unusable_input()
    {
        var report = StudyValidator.Validate(StudyFolders.Broken("missing-dm"));
        Assert.False(report.IsUsable);
        Assert.Contains(report.Problems, p => p.Code == "FILE_MISSING" && p.File == "dm.csv");
    }

    [Fact]
    public void A_problem_reads_as_file_line_row_column_expected_found_fix()
    {
        var p = new Problem("vs.csv", 4, 3, "VSSTRESN", "NOT_A_NUMBER", "a number", "\"61,5\"", "Use a dot as the decimal separator.");
        Assert.Equal("vs.csv, line 4 (data row 3), column VSSTRESN: expected a number, found \"61,5\". Use a dot as the decimal separator.", p.ToString());
    }

    [Fact]
    public void Every_broken_case_differs_from_the_valid_study_and_is_caught_by_a_distinct_code()
    {
        var names = Directory.GetDirectories(Path.Combine(StudyFolders.Root, "broken")).Select(Path.GetFileName).OfType<string>();
        var codes = names.ToDictionary(n => n, n => StudyValidator.Validate(StudyFolders.Broken(n)).Problems.Select(p => p.Code).ToHashSet(StringComparer.Ordinal));
        Assert.All(codes, kv => Assert.NotEmpty(kv.Value));
        string[] required =
        [
            "FILE_MISSING", "COLUMN_MISSING", "NOT_A_NUMBER", "MISSING_CODE", "DATE_FORMAT", "DATE_IMPOSSIBLE", "DUPLICATE_SUBJECT",
            "DUPLICATE_RECORD", "DUPLICATE_SEQ", "UNKNOWN_SUBJECT", "EVENT_ORDER", "RECIST_TARGET_COUNT", "RECIST_TARGETS_PER_ORGAN",
            "RECIST_NODE_TOO_SMALL", "RECIST_LESION_NOT_IDENTIFIED", "CTCAE_GRADE_NOT_ALLOWED", "UNIT_UNKNOWN", "ENCODING", "CSV_STRUCTURE",
            "RECIST_LESION_TOO_SMALL", "CTCAE_GRADE5_NOT_FATAL", "DEATH_DATE_MISSING", "STUDYID_MISMATCH", "VALUE_MISSING", "RANGE_INVERTED",
            "COLUMN_DUPLICATE", "VALUE_NOT_ALLOWED", "TS_PARAMETER_MISSING",
            "AFTER_CUTOFF", "RECIST_TARGET_AFTER_BASELINE", "RECIST_NODE_LONG_AXIS", "DEATH_DISPOSITION_MISSING", "DISPOSITION_PHASE_TWICE",
            "DOSE_TO_SCREEN_FAILURE", "CHARACTERISTIC_VALUE", "CYCLE_ORDER",
        ];
        var all = codes.Values.SelectMany(c => c).ToHashSet(StringComparer.Ordinal);
        Assert.All(required, code => Assert.Contains(code, all));
    }
}
