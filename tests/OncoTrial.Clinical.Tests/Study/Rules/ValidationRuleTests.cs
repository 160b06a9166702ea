using System.Text.RegularExpressions;
using OncoTrial.Clinical.Recist;
using OncoTrial.Clinical.Study;
using OncoTrial.Clinical.Study.Rules;
using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Tests.Study.Rules;

/// <summary>Each rule rejects its example where it should and accepts the corrected study; the catalogue is complete and stable.</summary>
public partial class ValidationRuleTests
{
    public static TheoryData<string> RuleIds()
    {
        var data = new TheoryData<string>();
        foreach (var rule in StudyValidator.Rules)
        {
            data.Add(rule.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Each_rule_rejects_its_example_with_its_id_code_and_location(string ruleId)
    {
        var example = RuleExamples.Of(ruleId);
        using var source = example.Rejected();
        var report = StudyValidator.Validate(source);
        var problem = Assert.Single(report.Problems, p => p.RuleId == ruleId);
        Assert.Equal(example.Code, problem.Code);
        Assert.Equal(example.File, problem.File);
        Assert.Equal(example.Line, problem.Line);
        Assert.Equal(example.Line is { } line && line > 1 ? line - 1 : null, problem.Row);
        Assert.Equal(example.Column, problem.Column);
        Assert.Equal(StudyValidator.Rules.Single(r => r.Id == ruleId).DefaultSeverity, problem.Severity);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Each_rule_accepts_the_corrected_example(string ruleId)
    {
        using var source = RuleExamples.Of(ruleId).Accepted();
        var report = StudyValidator.Validate(source);
        Assert.DoesNotContain(report.Problems, p => p.RuleId == ruleId);
        Assert.True(report.IsUsable || StudyValidator.Rules.Single(r => r.Id == ruleId) is LoadingRule, "A rule that checks a loaded study must see a usable one.");
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void A_rule_checked_alone_finds_what_it_finds_in_the_full_validation(string ruleId)
    {
        var rule = StudyValidator.Rules.Single(r => r.Id == ruleId);
        using var source = RuleExamples.Of(ruleId).Rejected();
        var study = StudyFolder.Load(source);
        var alone = rule.Check(study);
        Assert.Equal(StudyValidator.Validate(study).Problems.Where(p => p.RuleId == ruleId), alone);
    }

    [Fact]
    public void The_catalogue_is_in_id_order_with_ids_that_name_their_area()
    {
        var ids = StudyValidator.Rules.Select(r => r.Id).ToList();
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(StudyValidator.Rules, rule =>
        {
            Assert.Matches(RuleIdPattern(), rule.Id);
            Assert.Equal(rule.Id[2] - '0', (int)rule.Area);
            Assert.True(Enum.IsDefined(rule.Area), rule.Id);
            Assert.False(string.IsNullOrWhiteSpace(rule.Title), rule.Id);
            Assert.False(string.IsNullOrWhiteSpace(rule.Source), rule.Id);
            Assert.NotEmpty(rule.Codes);
            Assert.Equal(rule.Id + " " + rule.Title, rule.ToString());
        });
    }

    [Fact]
    public void Every_rule_has_an_example_and_every_example_a_rule_whose_codes_include_its_code()
    {
        Assert.Equal(StudyValidator.Rules.Select(r => r.Id), RuleExamples.All.Select(e => e.RuleId));
        Assert.All(RuleExamples.All, e => Assert.Contains(e.Code, StudyValidator.Rules.Single(r => r.Id == e.RuleId).Codes));
    }

    [Fact]
    public void The_ids_of_this_version_stay_as_they_are()
    {
        // Ids are stable: front ends, suppressions and documents refer to them. Add new rules; never renumber.
        string[] expected =
        [
            "OT1001 FOLDER_MISSING", "OT1002 FOLDER_UNREADABLE", "OT1003 FILE_MISSING", "OT1004 FILE_UNREADABLE", "OT1005 FORMAT", "OT1006 ENCODING",
            "OT1007 CSV_STRUCTURE", "OT1008 COLUMN_MISSING", "OT1009 COLUMN_DUPLICATE", "OT1010 VALUE_MISSING", "OT1011 MISSING_CODE", "OT1012 NOT_A_NUMBER",
            "OT1013 VALUE_NOT_ALLOWED", "OT1014 UNIT_UNKNOWN", "OT2001 DUPLICATE_SUBJECT", "OT2002 DUPLICATE_SEQ", "OT2003 DUPLICATE_RECORD",
            "OT2004 UNKNOWN_SUBJECT", "OT2005 STUDYID_MISMATCH", "OT3001 DATE_FORMAT", "OT3002 DATE_IMPOSSIBLE", "OT3003 DEATH_DATE_MISSING",
            "OT3004 DEATH_FLAG_MISSING", "OT3005 EVENT_ORDER", "OT3006 EVENT_ORDER", "OT3007 EVENT_ORDER", "OT3008 EVENT_ORDER", "OT4001 RECIST_TARGET_COUNT",
            "OT4002 RECIST_TARGETS_PER_ORGAN", "OT4003 RECIST_LESION_TOO_SMALL", "OT4004 RECIST_NODE_TOO_SMALL", "OT4005 RECIST_NODE_LONG_AXIS",
            "OT4006 RECIST_LESION_NOT_IDENTIFIED", "OT4007 RECIST_TARGET_AFTER_BASELINE", "OT5001 CTCAE_GRADE_NOT_ALLOWED", "OT5002 CTCAE_GRADE5_NOT_FATAL",
            "OT6001 UNIT_MISSING", "OT6002 RANGE_INVERTED", "OT7001 TS_PARAMETER_MISSING", "OT7002 DATE_FORMAT DATE_IMPOSSIBLE", "OT7003 AFTER_CUTOFF",
            "OT8001 DEATH_DISPOSITION_MISSING", "OT8002 DISPOSITION_PHASE_TWICE", "OT8003 DOSE_TO_SCREEN_FAILURE", "OT8004 CYCLE_ORDER", "OT9001 CHARACTERISTIC_VALUE",
        ];
        Assert.Equal(expected, StudyValidator.Rules.Select(r => r.Id + " " + string.Join(" ", r.Codes)));
    }

    [Theory]
    [MemberData(nameof(StudyValidatorTests.BrokenCases), MemberType = typeof(StudyValidatorTests))]
    public void Every_problem_of_a_broken_study_carries_the_id_of_a_rule_that_reports_its_code(string name)
    {
        var report = StudyValidator.Validate(StudyFolders.Broken(name));
        Assert.All(report.Problems, p =>
        {
            Assert.NotNull(p.RuleId);
            Assert.Contains(p.Code, StudyValidator.Rules.Single(r => r.Id == p.RuleId).Codes);
        });
    }

    [Fact]
    public void Loading_tags_its_problems_with_the_file_level_rule_ids()
    {
        var study = StudyFolder.Load(StudyFolders.Broken("unterminated-quote"));
        Assert.Equal(["OT1007", "OT1007"], study.Problems.Select(p => p.RuleId));
        Assert.Equal("OT1001", Assert.Single(StudyFolder.Load(Path.Combine(StudyFolders.Root, "no-such-study")).Problems).RuleId);
    }

    [Fact]
    public void The_RECIST_rules_read_their_limits_from_the_thresholds()
    {
        using var source = RuleExamples.Study(RuleExamples.Csv("dm.csv", "USUBJID", "S-1"), RuleExamples.Csv("tu.csv", "USUBJID,TULNKID,TUORRES,TULOC", "S-1,T01,TARGET,LUNG", "S-1,T02,TARGET,LIVER"))();
        var context = new RuleContext(StudyFolder.Load(source), RecistThresholds.Recist11 with { MaxTargetLesions = 1 });
        var problem = Assert.Single(StudyValidator.Rules.Single(r => r.Id == "OT4001").Find(context));
        Assert.Equal("tu.csv, line 3 (data row 2), column TUORRES: expected at most 1 target lesions per subject (RECIST 1.1 §4.2), found a 2nd target lesion \"T02\". Record the extra lesions as NON-TARGET.", problem.ToString());
    }

    [Fact]
    public void The_RECIST_rule_titles_name_the_RECIST_1_1_numbers()
    {
        string Title(string id) => StudyValidator.Rules.Single(r => r.Id == id).Title;
        Assert.Equal("At most 5 target lesions per subject", Title("OT4001"));
        Assert.Equal("At most 2 target lesions per organ", Title("OT4002"));
        Assert.Equal("A target lesion measures at least 10 mm at baseline", Title("OT4003"));
        Assert.Equal("A target lymph node measures at least 15 mm short axis at baseline", Title("OT4004"));
    }

    [Theory]
    [InlineData(1, "1st")]
    [InlineData(2, "2nd")]
    [InlineData(3, "3rd")]
    [InlineData(6, "6th")]
    [InlineData(11, "11th")]
    [InlineData(12, "12th")]
    [InlineData(13, "13th")]
    [InlineData(21, "21st")]
    [InlineData(102, "102nd")]
    public void Ordinals_read_as_English(int n, string expected) => Assert.Equal(expected, RuleContext.Ordinal(n));

    [Fact]
    public void A_value_has_at_most_one_problem_and_those_of_a_record_come_in_variable_order()
    {
        using var source = RuleExamples.Study(RuleExamples.Csv("dm.csv", "USUBJID,SEX,AGE,RFICDTC", "S-1,N/A,,2021-13-01", "S-2,,6x,21/09/2021", "S-3,m,12.5,"))();
        var report = StudyValidator.Validate(source);
        Assert.Equal(
            [
                "2 RFICDTC DATE_IMPOSSIBLE OT3002", "2 AGE VALUE_MISSING OT1010", "2 SEX MISSING_CODE OT1011",
                "3 RFICDTC DATE_FORMAT OT3001", "3 AGE NOT_A_NUMBER OT1012", "3 SEX VALUE_MISSING OT1010",
                "4 RFICDTC VALUE_MISSING OT1010", "4 AGE NOT_A_NUMBER OT1012", "4 SEX VALUE_NOT_ALLOWED OT1013",
            ],
            report.Problems.Where(p => p.File == "dm.csv" && p.Line > 1).Select(p => $"{p.Line} {p.Column} {p.Code} {p.RuleId}"));
    }

    [GeneratedRegex("^OT[1-9][0-9]{3}$")]
    private static partial Regex RuleIdPattern();
}
