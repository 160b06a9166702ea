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
        using var again = example.Rejected();
        Assert.Equal(ValidationProfile.For(StudyFolder.Load(again)).SeverityOf(StudyValidator.Rules.Single(r => r.Id == ruleId)), problem.Severity);
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
            "OT1013 VALUE_NOT_ALLOWED", "OT1014 UNIT_UNKNOWN", "OT1015 EXPECTED_COLUMNS_MISSING", "OT1016 VALUE_NOT_IN_CODELIST", "OT1017 MISSING_CODE",
            "OT2001 DUPLICATE_SUBJECT", "OT2002 DUPLICATE_SEQ", "OT2003 DUPLICATE_RECORD",
            "OT2004 UNKNOWN_SUBJECT", "OT2005 STUDYID_MISMATCH", "OT2006 DUPLICATE_KEY", "OT3001 DATE_FORMAT", "OT3002 DATE_IMPOSSIBLE", "OT3003 DEATH_DATE_MISSING",
            "OT3004 DEATH_FLAG_MISSING", "OT3005 EVENT_ORDER", "OT3006 EVENT_ORDER", "OT3007 EVENT_ORDER", "OT3008 EVENT_ORDER", "OT4001 RECIST_TARGET_COUNT",
            "OT4002 RECIST_TARGETS_PER_ORGAN", "OT4003 RECIST_LESION_TOO_SMALL", "OT4004 RECIST_NODE_TOO_SMALL", "OT4005 RECIST_NODE_LONG_AXIS",
            "OT4006 RECIST_LESION_NOT_IDENTIFIED", "OT4007 RECIST_TARGET_AFTER_BASELINE", "OT5001 CTCAE_GRADE_NOT_ALLOWED", "OT5002 CTCAE_GRADE5_NOT_FATAL",
            "OT6001 UNIT_MISSING", "OT6002 RANGE_INVERTED", "OT7001 TS_PARAMETER_MISSING", "OT7002 DATE_FORMAT DATE_IMPOSSIBLE", "OT7003 AFTER_CUTOFF", "OT7004 NO_CUTOFF", "OT7005 PROFILE_UNKNOWN",
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
        var report = StudyValidator.Validate(source, ValidationProfile.Seed);
        Assert.Equal(
            [
                "2 RFICDTC DATE_IMPOSSIBLE OT3002", "2 AGE VALUE_MISSING OT1010", "2 SEX MISSING_CODE OT1011",
                "3 RFICDTC DATE_FORMAT OT3001", "3 AGE NOT_A_NUMBER OT1012", "3 SEX VALUE_MISSING OT1010",
                "4 RFICDTC VALUE_MISSING OT1010", "4 AGE NOT_A_NUMBER OT1012", "4 SEX VALUE_NOT_ALLOWED OT1013",
            ],
            report.Problems.Where(p => p.File == "dm.csv" && p.Line > 1).Select(p => $"{p.Line} {p.Column} {p.Code} {p.RuleId}"));
    }

    [Fact]
    public void Under_SDTM_only_Required_variables_must_have_a_value_and_an_optional_text_code_is_a_warning()
    {
        using var source = RuleExamples.Study(RuleExamples.Csv("dm.csv", "USUBJID,SEX,AGE,RFICDTC,RACE", "S-1,N/A,,2021-13-01,UNK", "S-2,,6x,,ASIAN"))();
        var report = StudyValidator.Validate(source, ValidationProfile.Sdtm);
        Assert.Equal(
            [
                "2 RFICDTC DATE_IMPOSSIBLE OT3002 Error", "2 SEX MISSING_CODE OT1011 Error", "2 RACE MISSING_CODE OT1017 Warning",
                "3 AGE NOT_A_NUMBER OT1012 Error", "3 SEX VALUE_MISSING OT1010 Error",
            ],
            report.Problems.Where(p => p.File == "dm.csv" && p.Line > 1).Select(p => $"{p.Line} {p.Column} {p.Code} {p.RuleId} {p.Severity}"));
    }

    [Fact]
    public void A_term_of_the_codelist_is_never_a_missing_value_code_and_NONE_is_a_causality_term()
    {
        using var source = RuleExamples.Study(RuleExamples.Csv("dm.csv", "USUBJID,SEX", "S-1,F"), RuleExamples.Csv("ae.csv", "USUBJID,AETERM,AESER,AEREL,AEOUT", "S-1,Nausea,NA,NONE,UNKNOWN"))();
        var report = StudyValidator.Validate(source, ValidationProfile.Sdtm);
        Assert.DoesNotContain(report.Problems, p => p.File == "ae.csv" && p.Line > 1);
    }

    [Fact]
    public void A_term_outside_an_extensible_codelist_is_reported_once_per_value_with_its_count()
    {
        using var source = RuleExamples.Study(
            RuleExamples.Csv("dm.csv", "USUBJID,SEX", "S-1,F", "S-2,M"),
            RuleExamples.Csv("ex.csv", "USUBJID,EXSEQ,EXTRT,EXROUTE", "S-1,1,X,IV", "S-1,2,X,IV", "S-2,1,X,IV", "S-2,2,X,PO"))();
        var problems = StudyValidator.Validate(source).Problems.Where(p => p.RuleId == "OT1016").ToList();
        Assert.Equal(["2 \"IV\" on 3 records (the first here)", "5 \"PO\""], problems.Select(p => $"{p.Line} {p.Found}"));
        Assert.All(problems, p => Assert.Equal(ProblemSeverity.Warning, p.Severity));
    }

    [Fact]
    public void Target_lesions_are_counted_per_evaluator_and_measurements_matched_to_their_evaluator_s_lesions()
    {
        string[] targets = ["T01", "T02", "T03", "T04", "T05"];
        string[] tu = ["USUBJID,TULNKID,TUORRES,TULOC,TUEVAL,TUEVALID", .. from e in new[] { "INVESTIGATOR,", "INDEPENDENT ASSESSOR,RADIOLOGIST 1" } from t in targets select $"S-1,{t},TARGET,ORGAN {t},{e}"];
        string[] tr = ["USUBJID,TRLNKID,TRTESTCD,TRSTRESN,TRDTC,TREVAL,TREVALID", .. from e in new[] { "INVESTIGATOR,", "INDEPENDENT ASSESSOR,RADIOLOGIST 1" } from t in targets select $"S-1,{t},LDIAM,20,2021-09-05,{e}", "S-1,,SUMDIAM,100,2021-09-05,INVESTIGATOR,"];
        using var source = RuleExamples.Study(RuleExamples.Csv("dm.csv", "USUBJID", "S-1"), RuleExamples.Csv("tu.csv", tu), RuleExamples.Csv("tr.csv", tr))();
        var report = StudyValidator.Validate(source, ValidationProfile.Seed);
        Assert.DoesNotContain(report.Problems, p => p.Code.StartsWith("RECIST_", StringComparison.Ordinal) || p.RuleId is "OT2006" or "OT2003");
    }

    [Fact]
    public void A_node_measured_by_both_diameters_is_fine_and_one_measured_only_by_its_long_axis_is_not()
    {
        using var source = RuleExamples.Study(
            RuleExamples.Csv("dm.csv", "USUBJID", "S-1"),
            RuleExamples.Csv("tu.csv", "USUBJID,TULNKID,TUORRES,TULOC", "S-1,N01,TARGET,AXILLARY LYMPH NODE", "S-1,N02,TARGET,HILAR LYMPH NODE"),
            RuleExamples.Csv("tr.csv", "USUBJID,TRLNKID,TRTESTCD,TRSTRESN,TRDTC", "S-1,N01,LDIAM,25,2021-09-05", "S-1,N01,LPERP,18,2021-09-05", "S-1,N02,LDIAM,25,2021-09-05"))();
        var problem = Assert.Single(StudyValidator.Validate(source).Problems, p => p.Code == "RECIST_NODE_LONG_AXIS");
        Assert.Equal(4, problem.Line);
        Assert.Equal(ProblemSeverity.Warning, problem.Severity);
    }

    [Fact]
    public void The_seed_profile_makes_RECIST_selection_problems_errors_and_the_SDTM_profile_warnings()
    {
        using var source = RuleExamples.Study(
            RuleExamples.Csv("dm.csv", "USUBJID", "S-1"),
            RuleExamples.Csv("tu.csv", "USUBJID,TULNKID,TUORRES,TULOC", "S-1,T01,TARGET,LUNG"),
            RuleExamples.Csv("tr.csv", "USUBJID,TRLNKID,TRTESTCD,TRSTRESN,TRDTC", "S-1,T01,LDIAM,8,2021-09-05"))();
        var study = StudyFolder.Load(source);
        Assert.Equal(ProblemSeverity.Warning, Assert.Single(StudyValidator.Validate(study, ValidationProfile.Sdtm).Problems, p => p.RuleId == "OT4003").Severity);
        Assert.Equal(ProblemSeverity.Error, Assert.Single(StudyValidator.Validate(study, ValidationProfile.Seed).Problems, p => p.RuleId == "OT4003").Severity);
        Assert.DoesNotContain(StudyValidator.Validate(study, ValidationProfile.Sdtm).Problems, p => p.Severity == ProblemSeverity.Error && p.Code.StartsWith("RECIST_", StringComparison.Ordinal));
    }

    [Fact]
    public void A_study_names_its_profile_in_TS_and_an_explicit_profile_wins()
    {
        using var seed = RuleExamples.Study(RuleExamples.Csv("dm.csv", "USUBJID", "S-1"), RuleExamples.Csv("ts.csv", "TSPARMCD,TSVAL", "VALPROF,seed"))();
        var study = StudyFolder.Load(seed);
        Assert.Equal(ValidationProfileName.Seed, StudyValidator.Validate(study).Profile);
        Assert.Contains(StudyValidator.Validate(study).Problems, p => p.Code == "FILE_MISSING" && p.File == "ae.csv");
        Assert.Equal(ValidationProfileName.Sdtm, StudyValidator.Validate(study, ValidationProfile.Sdtm).Profile);
        Assert.DoesNotContain(StudyValidator.Validate(study, ValidationProfile.Sdtm).Problems, p => p.Code == "FILE_MISSING");
    }

    [Fact]
    public void A_missing_file_is_named_in_the_format_of_the_study()
    {
        using var csv = new MemoryStream("STUDYID,DOMAIN,USUBJID\nS,DM,S-1\n"u8.ToArray());
        using var xpt = new MemoryStream();
        OncoTrial.Clinical.Data.XptFile.Write(OncoTrial.Clinical.Data.CsvDataset.Read(csv, "dm.csv"), xpt);
        using var source = OncoTrial.Clinical.Data.FileSource.FromMemory("example", [KeyValuePair.Create("dm.xpt", xpt.ToArray())]);
        var study = StudyFolder.Load(source);
        Assert.Equal("ae.xpt", study.FileNameOf("AE"));
        Assert.Equal("dm.xpt", study.FileNameOf("DM"));
        var problem = Assert.Single(StudyValidator.Validate(study, ValidationProfile.Seed).Problems, p => p.Code == "FILE_MISSING" && p.File == "ae.xpt");
        Assert.EndsWith("Add ae.xpt with the columns listed in docs/data-format.md.", problem.ToString(), StringComparison.Ordinal);
    }

    public static TheoryData<string> ConformantCases() =>
    [
        "TRTESTCD DIAMETER and SUMDIAM, SUMDIAM without TRLNKID",
        "RSTESTCD NEWLPROG with EQUIVOCAL and UNEQUIVOCAL",
        "RS of two readers of one kind (RSEVALID)",
        "EXROUTE TRANSDERMAL, EXDOSE 0 placebo",
        "AEREL on a five-point scale, AESEV without AETOXGR",
        "TULOC empty on a non-target",
        "no RFICDTC, EXCYCLE or SC",
    ];

    [Theory]
    [MemberData(nameof(ConformantCases))]
    public void What_SDTM_allows_is_no_error_under_the_SDTM_profile(string name)
    {
        const string Dm = "STUDYID,DOMAIN,USUBJID,SUBJID,SITEID,SEX,COUNTRY,RFSTDTC";
        (string, string)[] files = name switch
        {
            "TRTESTCD DIAMETER and SUMDIAM, SUMDIAM without TRLNKID" =>
            [
                RuleExamples.Csv("tu.csv", "STUDYID,DOMAIN,USUBJID,TUSEQ,TULNKID,TUTESTCD,TUTEST,TUORRES,TULOC", "S,TU,S-1,1,T01,TUMIDENT,Tumor Identification,TARGET,LIVER"),
                RuleExamples.Csv("tr.csv", "STUDYID,DOMAIN,USUBJID,TRSEQ,TRLNKID,TRTESTCD,TRTEST,TRSTRESN,TRSTRESU,TRDTC", "S,TR,S-1,1,T01,DIAMETER,Diameter,20,mm,2021-09-01", "S,TR,S-1,2,T01,LDIAM,Longest Diameter,20,mm,2021-09-01", "S,TR,S-1,3,,SUMDIAM,Sum of Diameter,20,mm,2021-09-01"),
            ],
            "RSTESTCD NEWLPROG with EQUIVOCAL and UNEQUIVOCAL" =>
            [RuleExamples.Csv("rs.csv", "STUDYID,DOMAIN,USUBJID,RSSEQ,RSTESTCD,RSTEST,RSSTRESC,RSDTC", "S,RS,S-1,1,NEWLPROG,New Lesion Progression,EQUIVOCAL,2021-11-01", "S,RS,S-1,2,NEWLPROG,New Lesion Progression,UNEQUIVOCAL,2021-12-01")],
            "RS of two readers of one kind (RSEVALID)" =>
            [RuleExamples.Csv("rs.csv", "STUDYID,DOMAIN,USUBJID,RSSEQ,RSTESTCD,RSTEST,RSSTRESC,RSEVAL,RSEVALID,RSDTC", "S,RS,S-1,1,OVRLRESP,Overall Response,PR,INDEPENDENT ASSESSOR,RADIOLOGIST 1,2021-11-01", "S,RS,S-1,2,OVRLRESP,Overall Response,SD,INDEPENDENT ASSESSOR,RADIOLOGIST 2,2021-11-01")],
            "EXROUTE TRANSDERMAL, EXDOSE 0 placebo" =>
            [RuleExamples.Csv("ex.csv", "STUDYID,DOMAIN,USUBJID,EXSEQ,EXTRT,EXDOSE,EXDOSU,EXROUTE,EXSTDTC", "S,EX,S-1,1,PLACEBO,0,mg,TRANSDERMAL,2021-09-01")],
            "AEREL on a five-point scale, AESEV without AETOXGR" =>
            [RuleExamples.Csv("ae.csv", "STUDYID,DOMAIN,USUBJID,AESEQ,AETERM,AEDECOD,AESEV,AEREL,AESTDTC", "S,AE,S-1,1,RASH,RASH,MILD,NONE,2021-09-05", "S,AE,S-1,2,ITCH,PRURITUS,SEVERE,PROBABLE,2021-09-06", "S,AE,S-1,3,COUGH,COUGH,MODERATE,REMOTE,2021-09-07")],
            "TULOC empty on a non-target" =>
            [RuleExamples.Csv("tu.csv", "STUDYID,DOMAIN,USUBJID,TUSEQ,TULNKID,TUTESTCD,TUTEST,TUORRES,TULOC", "S,TU,S-1,1,NT01,TUMIDENT,Tumor Identification,NON-TARGET,")],
            _ => [],
        };
        using var source = RuleExamples.Study([RuleExamples.Csv("dm.csv", Dm, "S,DM,S-1,1,01,F,USA,2021-09-01"), .. files])();
        var report = StudyValidator.Validate(source, ValidationProfile.Sdtm);
        Assert.True(report.Passes, string.Join("\n", report.Problems.Where(p => p.Severity == ProblemSeverity.Error)));
        Assert.DoesNotContain(report.Problems, p => p.Severity == ProblemSeverity.Warning || p.RuleId == "OT2006");
    }

    [GeneratedRegex("^OT[1-9][0-9]{3}$")]
    private static partial Regex RuleIdPattern();
}
