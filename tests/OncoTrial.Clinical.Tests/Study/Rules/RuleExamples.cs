using System.Text;
using OncoTrial.Clinical.Data;
using OncoTrial.Clinical.Study;

namespace OncoTrial.Clinical.Tests.Study.Rules;

/// <summary>
/// One example per validation rule: a small study in memory that the rule rejects, where it reports the problem, and
/// the corrected study that it accepts. The rule tests run them; docs/validation-rules.md shows the rejected row and
/// the message.
/// </summary>
/// <param name="RuleId">The rule.</param>
/// <param name="Code">The code of the problem it reports.</param>
/// <param name="File">The file of the problem ("." for the folder).</param>
/// <param name="Line">The file line of the problem, or null.</param>
/// <param name="Column">The column of the problem, or null.</param>
/// <param name="Rejected">The study the rule rejects.</param>
/// <param name="Accepted">The corrected study.</param>
/// <param name="Input">What the rejected input is, for the document, when it has no line to show.</param>
public sealed record RuleExample(string RuleId, string Code, string File, int? Line, string? Column, Func<FileSource> Rejected, Func<FileSource> Accepted, string? Input = null)
{
    /// <summary>The rule id, for test names.</summary>
    public override string ToString() => RuleId;
}

/// <summary>The examples, one per rule, in id order.</summary>
public static class RuleExamples
{
    private const string Dm = "dm.csv";

    /// <summary>DM with one subject, S-1, consented on 2021-09-01.</summary>
    private static readonly (string, string) OneSubject = Csv(Dm, "STUDYID,USUBJID,RFICDTC", "S,S-1,2021-09-01");

    private static readonly (string, string) Target = Csv("tu.csv", "USUBJID,TULNKID,TUORRES,TULOC", "S-1,T01,TARGET,LUNG");

    private static readonly (string, string) Node = Csv("tu.csv", "USUBJID,TULNKID,TUORRES,TULOC", "S-1,N01,TARGET,MEDIASTINAL LYMPH NODE");

    /// <summary>Every example, in rule id order.</summary>
    public static IReadOnlyList<RuleExample> All { get; } =
    [
        new("OT1001", "FOLDER_MISSING", ".", null, null, () => FileSource.FromFolder("no-such-study"), Study(), "a study path that does not exist"),
        new("OT1002", "FOLDER_UNREADABLE", ".", null, null, () => new FaultySource(unlistable: true, null, OneSubject), Study(), "a folder that cannot be listed"),
        new("OT1003", "FILE_MISSING", "ae.csv", null, null, () => Source(Skeleton("ae.csv")), () => Source(Skeleton()), "a study folder of the seed profile (TS VALPROF seed) without ae.csv"),
        new("OT1004", "FILE_UNREADABLE", "ae.csv", null, null, () => new FaultySource(unlistable: false, "ae.csv", [OneSubject, Csv("ae.csv", "USUBJID")]), Study(Csv("ae.csv", "USUBJID")), "ae.csv that cannot be opened"),
        new("OT1005", "FORMAT", "vs.json", null, null, Study(("vs.json", "{\"datasetJSONVersion\": ")), Study(Csv("vs.csv", "USUBJID")), "a vs.json cut short (`{\"datasetJSONVersion\": `)"),
        new("OT1006", "ENCODING", "ae.csv", null, null, () => Bytes("ae.csv", Encoding.Latin1.GetBytes("USUBJID,AETERM\nS-1,Eczéma\n")), () => Bytes("ae.csv", Encoding.UTF8.GetBytes("USUBJID,AETERM\nS-1,Eczéma\n")), "ae.csv saved as Latin-1 (é as the single byte E9)"),
        new("OT1007", "CSV_STRUCTURE", "ae.csv", 2, null, Study(Csv("ae.csv", "USUBJID,AETERM", "S-1,Nausea,vomiting")), Study(Csv("ae.csv", "USUBJID,AETERM", "S-1,\"Nausea,vomiting\""))),
        new("OT1008", "COLUMN_MISSING", "ae.csv", 1, "AETOXGR", () => Source(Skeleton(without: ("ae.csv", "AETOXGR"))), () => Source(Skeleton())),
        new("OT1009", "COLUMN_DUPLICATE", "cm.csv", 1, "CMTRT", Study(Csv("cm.csv", "USUBJID,CMTRT,CMTRT", "S-1,Docetaxel,Docetaxel")), Study(Csv("cm.csv", "USUBJID,CMTRT,CMDECOD", "S-1,Docetaxel,DOCETAXEL"))),
        new("OT1010", "VALUE_MISSING", Dm, 2, "SEX", Study(Csv(Dm, "USUBJID,SEX", "S-1,")), Study(Csv(Dm, "USUBJID,SEX", "S-1,F"))),
        new("OT1011", "MISSING_CODE", "lb.csv", 2, "LBSTRESN", Study(OneSubject, Csv("lb.csv", "USUBJID,LBTESTCD,LBSTRESN", "S-1,HGB,N/A")), Study(OneSubject, Csv("lb.csv", "USUBJID,LBTESTCD,LBSTRESN", "S-1,HGB,"))),
        new("OT1012", "NOT_A_NUMBER", "vs.csv", 2, "VSSTRESN", Study(OneSubject, Csv("vs.csv", "USUBJID,VSTESTCD,VSSTRESN", "S-1,WEIGHT,\"61,5\"")), Study(OneSubject, Csv("vs.csv", "USUBJID,VSTESTCD,VSSTRESN", "S-1,WEIGHT,61.5"))),
        new("OT1013", "VALUE_NOT_ALLOWED", Dm, 2, "SEX", Study(Csv(Dm, "USUBJID,SEX", "S-1,Male")), Study(Csv(Dm, "USUBJID,SEX", "S-1,M"))),
        new("OT1014", "UNIT_UNKNOWN", "ex.csv", 2, "EXDOSU", Study(OneSubject, Csv("ex.csv", "USUBJID,EXTRT,EXDOSE,EXDOSU", "S-1,CISPLATIN,75,ml")), Study(OneSubject, Csv("ex.csv", "USUBJID,EXTRT,EXDOSE,EXDOSU", "S-1,CISPLATIN,75,mg/m2"))),
        new("OT1015", "EXPECTED_COLUMNS_MISSING", Dm, 1, null, Study(Csv(Dm, "USUBJID,SEX", "S-1,F")), Study(Csv(Dm, AllColumns("DM"), AllValues("DM")))),
        new("OT1016", "VALUE_NOT_IN_CODELIST", "ex.csv", 2, "EXROUTE", Study(OneSubject, Csv("ex.csv", "USUBJID,EXTRT,EXROUTE", "S-1,CISPLATIN,IV")), Study(OneSubject, Csv("ex.csv", "USUBJID,EXTRT,EXROUTE", "S-1,CISPLATIN,INTRAVENOUS"))),
        new("OT1017", "MISSING_CODE", "ae.csv", 2, "AEOUT", Study(OneSubject, Csv("ae.csv", "USUBJID,AETERM,AEOUT", "S-1,Nausea,N/A")), Study(OneSubject, Csv("ae.csv", "USUBJID,AETERM,AEOUT", "S-1,Nausea,"))),
        new("OT2001", "DUPLICATE_SUBJECT", Dm, 3, "USUBJID", Study(Csv(Dm, "USUBJID,SEX", "S-1,F", "S-1,M")), Study(Csv(Dm, "USUBJID,SEX", "S-1,F", "S-2,M"))),
        new("OT2002", "DUPLICATE_SEQ", "ae.csv", 3, "AESEQ", Study(OneSubject, Csv("ae.csv", "USUBJID,AESEQ,AETERM", "S-1,1,Nausea", "S-1,1,Fatigue")), Study(OneSubject, Csv("ae.csv", "USUBJID,AESEQ,AETERM", "S-1,1,Nausea", "S-1,2,Fatigue"))),
        new("OT2003", "DUPLICATE_RECORD", "ae.csv", 3, null, Study(OneSubject, Csv("ae.csv", "USUBJID,AESEQ,AEDECOD,AESTDTC", "S-1,1,Nausea,2021-10-01", "S-1,2,Nausea,2021-10-01")), Study(OneSubject, Csv("ae.csv", "USUBJID,AESEQ,AEDECOD,AESTDTC", "S-1,1,Nausea,2021-10-01", "S-1,2,Nausea,2021-11-01"))),
        new("OT2004", "UNKNOWN_SUBJECT", "lb.csv", 2, "USUBJID", Study(OneSubject, Csv("lb.csv", "USUBJID,LBTESTCD", "S-9,HGB")), Study(OneSubject, Csv("lb.csv", "USUBJID,LBTESTCD", "S-1,HGB"))),
        new("OT2005", "STUDYID_MISMATCH", "vs.csv", 2, "STUDYID", Study(OneSubject, Csv("vs.csv", "STUDYID,USUBJID", "T,S-1")), Study(OneSubject, Csv("vs.csv", "STUDYID,USUBJID", "S,S-1"))),
        new("OT2006", "DUPLICATE_KEY", "ae.csv", 3, null, Study(OneSubject, Csv("ae.csv", "USUBJID,AESEQ,AEDECOD,AESTDTC,AESEV", "S-1,1,Nausea,2021-10-01,MILD", "S-1,2,Nausea,2021-10-01,MODERATE")), Study(OneSubject, Csv("ae.csv", "USUBJID,AESEQ,AEDECOD,AESTDTC,AESEV", "S-1,1,Nausea,2021-10-01,MILD", "S-1,2,Nausea,2021-10-03,MODERATE"))),
        new("OT3001", "DATE_FORMAT", "ae.csv", 2, "AESTDTC", Study(OneSubject, Csv("ae.csv", "USUBJID,AESTDTC", "S-1,24/09/2021")), Study(OneSubject, Csv("ae.csv", "USUBJID,AESTDTC", "S-1,2021-09-24"))),
        new("OT3002", "DATE_IMPOSSIBLE", "ae.csv", 2, "AEENDTC", Study(OneSubject, Csv("ae.csv", "USUBJID,AEENDTC", "S-1,2021-02-30")), Study(OneSubject, Csv("ae.csv", "USUBJID,AEENDTC", "S-1,2021-02"))),
        new("OT3003", "DEATH_DATE_MISSING", Dm, 2, "DTHDTC", Study(Csv(Dm, "USUBJID,DTHFL,DTHDTC", "S-1,Y,")), Study(Csv(Dm, "USUBJID,DTHFL,DTHDTC", "S-1,Y,2022-01"))),
        new("OT3004", "DEATH_FLAG_MISSING", Dm, 2, "DTHFL", Study(Csv(Dm, "USUBJID,DTHFL,DTHDTC", "S-1,,2022-01-05")), Study(Csv(Dm, "USUBJID,DTHFL,DTHDTC", "S-1,Y,2022-01-05"))),
        new("OT3005", "EVENT_ORDER", Dm, 2, "DTHDTC", Study(Csv(Dm, "USUBJID,DTHFL,DTHDTC", "S-1,Y,2021-10-05"), Csv("ex.csv", "USUBJID,EXSTDTC", "S-1,2021-10-08")), Study(Csv(Dm, "USUBJID,DTHFL,DTHDTC", "S-1,Y,2021-10-05"), Csv("ex.csv", "USUBJID,EXSTDTC", "S-1,2021-10-01"))),
        new("OT3006", "EVENT_ORDER", "vs.csv", 2, "VSDTC", Study(OneSubject, Csv("vs.csv", "USUBJID,VSTESTCD,VSDTC", "S-1,WEIGHT,2021-08-30")), Study(OneSubject, Csv("vs.csv", "USUBJID,VSTESTCD,VSDTC", "S-1,WEIGHT,2021-09"))),
        new("OT3007", "EVENT_ORDER", "ae.csv", 2, "AEENDTC", Study(OneSubject, Csv("ae.csv", "USUBJID,AESTDTC,AEENDTC", "S-1,2021-10-15,2021-10-10")), Study(OneSubject, Csv("ae.csv", "USUBJID,AESTDTC,AEENDTC", "S-1,2021-10-15,2021-10-20"))),
        new("OT3008", "EVENT_ORDER", "rs.csv", 2, "RSDTC", Study(Csv(Dm, "USUBJID,DTHFL,DTHDTC", "S-1,Y,2021-12-01"), Csv("rs.csv", "USUBJID,RSDTC", "S-1,2021-12-10")), Study(Csv(Dm, "USUBJID,DTHFL,DTHDTC", "S-1,Y,2021-12-01"), Csv("rs.csv", "USUBJID,RSDTC", "S-1,2021-11-30"))),
        new("OT4001", "RECIST_TARGET_COUNT", "tu.csv", 7, "TUORRES", Study(OneSubject, Lesions("TARGET")), Study(OneSubject, Lesions("NON-TARGET"))),
        new("OT4002", "RECIST_TARGETS_PER_ORGAN", "tu.csv", 4, "TULOC", Study(OneSubject, Csv("tu.csv", "USUBJID,TULNKID,TUORRES,TULOC", "S-1,T01,TARGET,LUNG", "S-1,T02,TARGET,LUNG", "S-1,T03,TARGET,LUNG")), Study(OneSubject, Csv("tu.csv", "USUBJID,TULNKID,TUORRES,TULOC", "S-1,T01,TARGET,LUNG", "S-1,T02,TARGET,LUNG", "S-1,T03,TARGET,LIVER"))),
        new("OT4003", "RECIST_LESION_TOO_SMALL", "tr.csv", 2, "TRSTRESN", Study(OneSubject, Target, Measured("T01", "LDIAM", "8")), Study(OneSubject, Target, Measured("T01", "LDIAM", "10"))),
        new("OT4004", "RECIST_NODE_TOO_SMALL", "tr.csv", 2, "TRSTRESN", Study(OneSubject, Node, Measured("N01", "LPERP", "12")), Study(OneSubject, Node, Measured("N01", "LPERP", "15"))),
        new("OT4005", "RECIST_NODE_LONG_AXIS", "tr.csv", 2, "TRTESTCD", Study(OneSubject, Node, Measured("N01", "LDIAM", "22")), Study(OneSubject, Node, Measured("N01", "LPERP", "18"))),
        new("OT4006", "RECIST_LESION_NOT_IDENTIFIED", "tr.csv", 2, "TRLNKID", Study(OneSubject, Target, Measured("T02", "LDIAM", "20")), Study(OneSubject, Target, Measured("T01", "LDIAM", "20"))),
        new("OT4007", "RECIST_TARGET_AFTER_BASELINE", "tu.csv", 2, "TUDTC", Study(OneSubject, Identified("2021-11-19"), Measured("T01", "LDIAM", "20")), Study(OneSubject, Identified("2021-09-05"), Measured("T01", "LDIAM", "20"))),
        new("OT5001", "CTCAE_GRADE_NOT_ALLOWED", "ae.csv", 2, "AETOXGR", Study(OneSubject, Csv("ae.csv", "USUBJID,AEDECOD,AETOXGR", "S-1,Alopecia,3")), Study(OneSubject, Csv("ae.csv", "USUBJID,AEDECOD,AETOXGR", "S-1,Alopecia,2"))),
        new("OT5002", "CTCAE_GRADE5_NOT_FATAL", "ae.csv", 2, "AEOUT", Study(OneSubject, Csv("ae.csv", "USUBJID,AEDECOD,AETOXGR,AEOUT", "S-1,Sepsis,5,RECOVERED/RESOLVED")), Study(OneSubject, Csv("ae.csv", "USUBJID,AEDECOD,AETOXGR,AEOUT", "S-1,Sepsis,5,FATAL"))),
        new("OT6001", "UNIT_MISSING", "lb.csv", 2, "LBSTRESU", Study(OneSubject, Csv("lb.csv", "USUBJID,LBTESTCD,LBSTRESN,LBSTRESU", "S-1,NEUT,1.2,")), Study(OneSubject, Csv("lb.csv", "USUBJID,LBTESTCD,LBSTRESN,LBSTRESU", "S-1,NEUT,1.2,10^9/L"))),
        new("OT6002", "RANGE_INVERTED", "lb.csv", 2, "LBSTNRLO", Study(OneSubject, Csv("lb.csv", "USUBJID,LBTESTCD,LBSTNRLO,LBSTNRHI", "S-1,NEUT,9.5,3.5")), Study(OneSubject, Csv("lb.csv", "USUBJID,LBTESTCD,LBSTNRLO,LBSTNRHI", "S-1,NEUT,3.5,9.5"))),
        new("OT7001", "TS_PARAMETER_MISSING", "ts.csv", null, "TSPARMCD", Study(OneSubject, Csv("ts.csv", "TSPARMCD,TSVAL", "VALPROF,seed", "REGIMEN,BAPC")), Study(OneSubject, Csv("ts.csv", "TSPARMCD,TSVAL", "VALPROF,seed", "DCUTDTC,2024-04-01", "REGIMEN,BAPC")), "ts.csv of a seed-profile study (TS VALPROF seed) without a DCUTDTC record"),
        new("OT7002", "DATE_FORMAT", "ts.csv", 2, "TSVAL", Study(OneSubject, Csv("ts.csv", "TSPARMCD,TSVAL", "DCUTDTC,2024-04", "REGIMEN,BAPC")), Study(OneSubject, Csv("ts.csv", "TSPARMCD,TSVAL", "DCUTDTC,2024-04-30", "REGIMEN,BAPC"))),
        new("OT7003", "AFTER_CUTOFF", "lb.csv", 2, "LBDTC", Study(OneSubject, Cutoff, Csv("lb.csv", "USUBJID,LBTESTCD,LBDTC", "S-1,HGB,2024-04-02")), Study(OneSubject, Cutoff, Csv("lb.csv", "USUBJID,LBTESTCD,LBDTC", "S-1,HGB,2024-04-01"))),
        new("OT7004", "NO_CUTOFF", "ts.csv", null, "TSPARMCD", Study(OneSubject), Study(OneSubject, Cutoff), "a study without ts.csv"),
        new("OT7005", "PROFILE_UNKNOWN", "ts.csv", 2, "TSVAL", Study(OneSubject, Csv("ts.csv", "TSPARMCD,TSVAL", "VALPROF,strict")), Study(OneSubject, Csv("ts.csv", "TSPARMCD,TSVAL", "VALPROF,sdtm"))),
        new("OT8001", "DEATH_DISPOSITION_MISSING", Dm, 2, "DTHFL", Study(Died, Csv("ds.csv", "USUBJID,DSDECOD", "S-1,PROGRESSIVE DISEASE")), Study(Died, Csv("ds.csv", "USUBJID,DSDECOD", "S-1,PROGRESSIVE DISEASE", "S-1,DEATH"))),
        new("OT8002", "DISPOSITION_PHASE_TWICE", "ds.csv", 3, "DSSCAT", Study(OneSubject, Ends("DISPOSITION EVENT")), Study(OneSubject, Ends("OTHER EVENT"))),
        new("OT8003", "DOSE_TO_SCREEN_FAILURE", "ex.csv", 2, "USUBJID", Study(OneSubject, Csv("ds.csv", "USUBJID,DSDECOD", "S-1,SCREEN FAILURE"), Csv("ex.csv", "USUBJID,EXTRT", "S-1,CISPLATIN")), Study(OneSubject, Csv("ds.csv", "USUBJID,DSDECOD", "S-1,ENROLLED"), Csv("ex.csv", "USUBJID,EXTRT", "S-1,CISPLATIN"))),
        new("OT8004", "CYCLE_ORDER", "ex.csv", 4, "EXCYCLE", Study(OneSubject, Cycles("1", "2", "1")), Study(OneSubject, Cycles("1", "2", "3"))),
        new("OT9001", "CHARACTERISTIC_VALUE", "sc.csv", 2, "SCSTRESC", Study(OneSubject, Csv("sc.csv", "USUBJID,SCTESTCD,SCSTRESC", "S-1,ECOG,6")), Study(OneSubject, Csv("sc.csv", "USUBJID,SCTESTCD,SCSTRESC", "S-1,ECOG,1"))),
    ];

    private static (string, string) Died => Csv(Dm, "USUBJID,DTHFL,DTHDTC", "S-1,Y,2022-01-05");

    private static (string, string) Cutoff => Csv("ts.csv", "TSPARMCD,TSVAL", "DCUTDTC,2024-04-01", "REGIMEN,BAPC");

    /// <summary>Every variable of a domain, comma-separated.</summary>
    private static string AllColumns(string domain) => string.Join(",", DomainSpecs.Find(domain)!.Variables.Select(v => v.Name));

    /// <summary>The documented example value of every variable of a domain, comma-separated (quoted where needed), with USUBJID S-1.</summary>
    private static string AllValues(string domain) => string.Join(",", DomainSpecs.Find(domain)!.Variables.Select(v => v.Name == "USUBJID" ? "S-1" : v.Example.Contains(',', StringComparison.Ordinal) ? "\"" + v.Example + "\"" : v.Example));

    /// <summary>The example of a rule.</summary>
    public static RuleExample Of(string ruleId) => All.Single(e => e.RuleId == ruleId);

    /// <summary>A CSV file: its name and lines.</summary>
    public static (string FileName, string Text) Csv(string fileName, params string[] lines) => (fileName, string.Join("\n", lines) + "\n");

    /// <summary>A study of text files in memory.</summary>
    public static Func<FileSource> Study(params (string FileName, string Text)[] files) => () => Source(files);

    private static FileSource Source((string FileName, string Text)[] files) => FileSource.FromText("example", files);

    private static FileSource Bytes(string fileName, byte[] bytes) =>
        FileSource.FromMemory("example", [KeyValuePair.Create(OneSubject.Item1, Encoding.UTF8.GetBytes(OneSubject.Item2)), KeyValuePair.Create(fileName, bytes)]);

    /// <summary>
    /// Every domain file the seed profile requires with its required columns and no records (DM with one subject, TS
    /// naming the seed profile), less a file or a column.
    /// </summary>
    private static (string, string)[] Skeleton(string? except = null, (string File, string Column)? without = null) =>
    [
        .. DomainSpecs.All.Where(d => ValidationProfile.Seed.RequiresDomain(d.Name) && d.CsvFileName != except).Select(d =>
        {
            var columns = d.Variables.Where(v => ValidationProfile.Seed.Requires(d, v) && (d.CsvFileName, v.Name) != without).Select(v => v.Name).ToList();
            string[] lines = d.Name switch
            {
                "DM" => [string.Join(",", columns), string.Join(",", columns.Select(c => c == "USUBJID" ? "S-1" : string.Empty))],
                "TS" => [string.Join(",", columns), string.Join(",", columns.Select(c => c switch { "TSPARMCD" => ValidationProfile.TrialSummaryParameter, "TSVAL" => "seed", _ => string.Empty }))],
                _ => [string.Join(",", columns)],
            };
            return Csv(d.CsvFileName, lines);
        }),
    ];

    /// <summary>Six lesions of S-1, two in each of three organs; the sixth has the role given.</summary>
    private static (string, string) Lesions(string sixth) => Csv(
        "tu.csv", "USUBJID,TULNKID,TUORRES,TULOC", "S-1,T01,TARGET,LUNG", "S-1,T02,TARGET,LUNG", "S-1,T03,TARGET,LIVER", "S-1,T04,TARGET,LIVER", "S-1,T05,TARGET,BONE", $"S-1,T06,{sixth},BONE");

    /// <summary>The baseline measurement of a lesion of S-1 (TRLOBXFL = Y, 2021-09-05).</summary>
    private static (string, string) Measured(string lesion, string test, string mm) =>
        Csv("tr.csv", "USUBJID,TRLNKID,TRTESTCD,TRSTRESN,TRSTRESU,TRDTC,TRLOBXFL", $"S-1,{lesion},{test},{mm},mm,2021-09-05,Y");

    /// <summary>Target T01 of S-1 (lung), identified on a date.</summary>
    private static (string, string) Identified(string date) => Csv("tu.csv", "USUBJID,TULNKID,TUORRES,TULOC,TUDTC", $"S-1,T01,TARGET,LUNG,{date}");

    /// <summary>Two ends of S-1's initial therapy; the second has the category given.</summary>
    private static (string, string) Ends(string secondCategory) => Csv(
        "ds.csv", "USUBJID,DSDECOD,DSCAT,DSSCAT", "S-1,WITHDRAWAL BY SUBJECT,DISPOSITION EVENT,INITIAL THERAPY", $"S-1,ADVERSE EVENT,{secondCategory},INITIAL THERAPY");

    /// <summary>Three doses of S-1, three weeks apart, with the cycles given.</summary>
    private static (string, string) Cycles(string first, string second, string third) => Csv(
        "ex.csv", "USUBJID,EXTRT,EXSTDTC,EXCYCLE", $"S-1,CISPLATIN,2021-09-10,{first}", $"S-1,CISPLATIN,2021-10-01,{second}", $"S-1,CISPLATIN,2021-10-22,{third}");

    /// <summary>Files in memory that cannot be listed, or one of which cannot be opened.</summary>
    private sealed class FaultySource(bool unlistable, string? unreadable, params (string FileName, string Text)[] files) : FileSource("example")
    {
        public override bool Exists => true;

        public override string Kind => "files";

        public override IReadOnlyList<string> FileNames => unlistable
            ? throw new IOException("permission denied")
            : files.Select(f => f.FileName).Order(StringComparer.Ordinal).ToList();

        public override Stream Open(string fileName) => string.Equals(fileName, unreadable, StringComparison.OrdinalIgnoreCase)
            ? throw new IOException("permission denied")
            : new MemoryStream(Encoding.UTF8.GetBytes(files.Single(f => string.Equals(f.FileName, fileName, StringComparison.OrdinalIgnoreCase)).Text));
    }
}
