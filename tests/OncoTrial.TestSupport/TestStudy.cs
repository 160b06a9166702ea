using System.Globalization;
using System.Text;
using OncoTrial.Clinical.Data;
using OncoTrial.Clinical.Pipeline;
using OncoTrial.Clinical.Study;

namespace OncoTrial.TestSupport;

/// <summary>
/// The smallest study folders for the analyses, written in memory as CSV: each subject is dosed on day 1 (2022-01-03;
/// EX), so the treated efficacy set holds every subject; its lesions are given by study day (baseline on day -7 with
/// TRLOBXFL = Y) and RECIST derives their responses; SC, CM, AE and DS records are added as a case needs. The cutoff
/// (TS DCUTDTC) is 2024-04-01, after every record. Shared by the Clinical and Reporting tests.
/// </summary>
public sealed class TestStudy
{
    public static readonly DateOnly Day1 = new(2022, 1, 3);

    private readonly StringBuilder _dm = new("STUDYID,DOMAIN,USUBJID,SUBJID,SITEID,AGE,AGEU,SEX,COUNTRY,ARMCD,ARM,ACTARMCD,ACTARM,RFSTDTC,RFXSTDTC,RFXENDTC,DTHFL,DTHDTC\n");
    private readonly List<(string Id, string Drug, double Dose, int Day, int? Cycle, string Epoch, double? Planned)> _ex = [];
    private readonly StringBuilder _tu = new("STUDYID,DOMAIN,USUBJID,TUSEQ,TULNKID,TUTESTCD,TUTEST,TUORRES,TUSTRESC,TULOC,TUNODFL,TUDTC\n");
    private readonly StringBuilder _tr = new("STUDYID,DOMAIN,USUBJID,TRSEQ,TRLNKID,TRTESTCD,TRTEST,TRORRES,TRSTRESC,TRSTRESN,TRSTRESU,TRLOBXFL,TRDTC\n");
    private readonly StringBuilder _sc = new("STUDYID,DOMAIN,USUBJID,SCSEQ,SCTESTCD,SCTEST,SCORRES,SCSTRESC\n");
    private readonly StringBuilder _cm = new("STUDYID,DOMAIN,USUBJID,CMSEQ,CMTRT,CMDECOD,CMCAT,CMCLAS,CMSTDTC\n");
    private readonly StringBuilder _ae = new("STUDYID,DOMAIN,USUBJID,AESEQ,AETERM,AEDECOD,AEBODSYS,AESTDTC,AEENDTC,AETOXGR,AESER,AEREL,AEACN,AEOUT,AEIRFL\n");
    private readonly StringBuilder _rs = new("STUDYID,DOMAIN,USUBJID,RSSEQ,RSTESTCD,RSTEST,RSCAT,RSORRES,RSSTRESC,RSEVAL,RSDTC\n");
    private readonly StringBuilder _ds = new("STUDYID,DOMAIN,USUBJID,DSSEQ,DSTERM,DSDECOD,DSCAT,DSSCAT,DSSTDTC\n");
    private int _seq;

    public static string Date(int day) => Day1.AddDays(day >= 1 ? day - 1 : day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A subject dosed on day 1 (and on <paramref name="lastDoseDay"/>), with an arm, age, sex and an optional death.</summary>
    public TestStudy Subject(string id, string arm = "Arm A", int age = 60, string sex = "M", int? deathDay = null, int lastDoseDay = 1, string deathCause = "Disease progression")
    {
        string code = arm.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        _dm.Append(CultureInfo.InvariantCulture, $"S,DM,{id},{id},01,{age},YEARS,{sex},CHN,{code},{arm},{code},{arm},{Date(1)},{Date(1)},{Date(lastDoseDay)},{(deathDay is null ? string.Empty : "Y")},{(deathDay is { } d ? Date(d) : string.Empty)}\n");
        _ex.Add((id, "DRUG", 10, 1, null, string.Empty, null));
        if (lastDoseDay > 1)
        {
            _ex.Add((id, "DRUG", 10, lastDoseDay, null, string.Empty, null));
        }

        if (deathDay is { } day)
        {
            _ds.Append(CultureInfo.InvariantCulture, $"S,DS,{id},{++_seq},{deathCause},DEATH,DISPOSITION EVENT,STUDY,{Date(day)}\n");
        }

        return this;
    }

    /// <summary>An SC record (ECOG, STAGE, PDL1CPS, METSITE, NMETSITE, PRSURG, PRRADIO).</summary>
    public TestStudy Characteristic(string id, string test, string value)
    {
        _sc.Append(CultureInfo.InvariantCulture, $"S,SC,{id},{++_seq},{test},{test},{value},{value}\n");
        return this;
    }

    /// <summary>ECOG, PD-L1 CPS (null: no record), liver metastasis, prior surgery and radiotherapy at once.</summary>
    public TestStudy Baseline(string id, int ecog = 1, double? cps = 0, bool liver = false, bool surgery = false, bool radio = false)
    {
        Characteristic(id, "ECOG", ecog.ToString(CultureInfo.InvariantCulture));
        if (cps is { } c)
        {
            Characteristic(id, "PDL1CPS", c.ToString(CultureInfo.InvariantCulture));
        }

        Characteristic(id, "METSITE", "LYMPH NODE");
        if (liver)
        {
            Characteristic(id, "METSITE", "LIVER");
        }

        Characteristic(id, "PRSURG", surgery ? "Y" : "N");
        return Characteristic(id, "PRRADIO", radio ? "Y" : "N");
    }

    /// <summary>A target lesion measured on each (day, mm); a day ≤ 0 is the baseline.</summary>
    public TestStudy Target(string id, string lesion, string organ, params (int Day, double Mm)[] sizes)
    {
        Lesion(id, lesion, "TARGET", organ, sizes[0].Day);
        foreach (var (day, mm) in sizes)
        {
            string v = mm.ToString(CultureInfo.InvariantCulture);
            _tr.Append(CultureInfo.InvariantCulture, $"S,TR,{id},{++_seq},{lesion},LDIAM,Longest Diameter,{v},{v},{v},mm,{(day <= 0 ? "Y" : string.Empty)},{Date(day)}\n");
        }

        return this;
    }

    /// <summary>A non-target lesion with its state (PRESENT, ABSENT, UNEQUIVOCAL PROGRESSION) on each day.</summary>
    public TestStudy NonTarget(string id, string lesion, string organ, params (int Day, string State)[] states)
    {
        Lesion(id, lesion, "NON-TARGET", organ, states[0].Day);
        foreach (var (day, state) in states)
        {
            _tr.Append(CultureInfo.InvariantCulture, $"S,TR,{id},{++_seq},{lesion},TUMSTATE,Tumor State,{state},{state},,,{(day <= 0 ? "Y" : string.Empty)},{Date(day)}\n");
        }

        return this;
    }

    /// <summary>A new lesion seen on <paramref name="day"/>.</summary>
    public TestStudy New(string id, string lesion, string organ, int day)
    {
        Lesion(id, lesion, "NEW", organ, day);
        _tr.Append(CultureInfo.InvariantCulture, $"S,TR,{id},{++_seq},{lesion},TUMSTATE,Tumor State,PRESENT,PRESENT,,,,{Date(day)}\n");
        return this;
    }

    /// <summary>An investigator's overall response (RS OVRLRESP) on a study day.</summary>
    public TestStudy Response(string id, int day, string response)
    {
        _rs.Append(CultureInfo.InvariantCulture, $"S,RS,{id},{++_seq},OVRLRESP,Overall Response,RECIST 1.1,{response},{response},INVESTIGATOR,{Date(day)}\n");
        return this;
    }

    /// <summary>A CM record (subsequent anticancer therapy by default) starting on a study day.</summary>
    public TestStudy Therapy(string id, string treatment, int startDay, string category = "SUBSEQUENT ANTICANCER THERAPY", string cls = "")
    {
        _cm.Append(CultureInfo.InvariantCulture, $"S,CM,{id},{++_seq},{treatment},{treatment.ToUpperInvariant()},{category},{cls},{Date(startDay)}\n");
        return this;
    }

    /// <summary>An AE record starting on a study day (related to treatment, dose not changed, not serious unless stated).</summary>
    public TestStudy AdverseEvent(string id, string term, int day, int grade, bool immune = false, string outcome = "RECOVERED/RESOLVED", bool related = true, string action = "DOSE NOT CHANGED", bool serious = false)
    {
        _ae.Append(CultureInfo.InvariantCulture, $"S,AE,{id},{++_seq},{term},{term},BODY,{Date(day)},,{grade},{(serious ? "Y" : "N")},{(related ? "Y" : "N")},{action},{outcome},{(immune ? "Y" : "N")}\n");
        return this;
    }

    /// <summary>
    /// A cycle-based administration: <paramref name="drug"/> at <paramref name="dose"/> (planned <paramref name="planned"/>,
    /// EXPDOSE) in <paramref name="cycle"/> on a study day, in induction (EPOCH INITIAL THERAPY) or maintenance. A study
    /// with any such record gets EXCYCLE, EPOCH and EXPDOSE in EX, and its subjects with cycle records lose the
    /// day-1 DRUG record of <see cref="Subject"/>.
    /// </summary>
    public TestStudy Dose(string id, string drug, int cycle, int day, double dose, double planned, bool maintenance = false)
    {
        _ex.Add((id, drug, dose, day, cycle, maintenance ? "MAINTENANCE THERAPY" : "INITIAL THERAPY", planned));
        return this;
    }

    /// <summary>Writes the study's files (CSV, one per domain) into <paramref name="folder"/>, created when missing; returns the folder.</summary>
    public string WriteTo(string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var (name, text) in Files())
        {
            File.WriteAllText(Path.Combine(folder, name), text);
        }

        return folder;
    }

    /// <summary>The study folder; with a seed, the data rows of every file in a shuffled order (the same study).</summary>
    public StudyFolder Load(int? shuffleSeed = null)
    {
        var files = Files();
        if (shuffleSeed is { } seed)
        {
            var random = new Random(seed);
            files = [.. files.Select(f =>
            {
                var lines = f.Item2.TrimEnd('\n').Split('\n');
                return (f.Item1, lines[0] + "\n" + string.Join("\n", lines.Skip(1).OrderBy(_ => random.Next())) + "\n");
            })];
        }

        using var source = FileSource.FromText("analysis-test", [.. files]);
        return StudyFolder.Load(source);
    }

    /// <summary>The study's analysis.</summary>
    public StudyAnalysis Analyse(StudyAnalysisOptions? options = null, int? shuffleSeed = null) => StudyAnalysis.Create(Load(shuffleSeed), options);

    private List<(string, string)> Files()
    {
        var files = new List<(string, string)>
        {
            ("dm.csv", _dm.ToString()), ("ex.csv", Exposure()), ("sc.csv", _sc.ToString()), ("ds.csv", _ds.ToString()),
            ("ts.csv", "STUDYID,DOMAIN,TSSEQ,TSPARMCD,TSPARM,TSVAL\nS,TS,1,DCUTDTC,Data Cutoff Date,2024-04-01\n"),
        };
        foreach (var (name, text) in new[] { ("tu.csv", _tu), ("tr.csv", _tr), ("rs.csv", _rs), ("cm.csv", _cm), ("ae.csv", _ae) })
        {
            if (text.ToString().Count(c => c == '\n') > 1)
            {
                files.Add((name, text.ToString()));
            }
        }

        return files;
    }

    private string Exposure()
    {
        bool cycles = _ex.Any(e => e.Cycle is not null);
        var withCycles = _ex.Where(e => e.Cycle is not null).Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var ex = new StringBuilder("STUDYID,DOMAIN,USUBJID,EXSEQ,EXTRT,EXDOSE,EXDOSU,EXSTDTC,EXENDTC" + (cycles ? ",EXCYCLE,EPOCH,EXPDOSE" : string.Empty) + "\n");
        int seq = 0;
        foreach (var e in _ex.Where(e => e.Cycle is not null || !withCycles.Contains(e.Id)))
        {
            ex.Append(CultureInfo.InvariantCulture, $"S,EX,{e.Id},{++seq},{e.Drug},{e.Dose},mg,{Date(e.Day)},{Date(e.Day)}");
            if (cycles)
            {
                ex.Append(CultureInfo.InvariantCulture, $",{e.Cycle},{e.Epoch},{e.Planned}");
            }

            ex.Append('\n');
        }

        return ex.ToString();
    }

    private void Lesion(string id, string lesion, string role, string organ, int day) =>
        _tu.Append(CultureInfo.InvariantCulture, $"S,TU,{id},{++_seq},{lesion},TUMIDENT,Tumor Identification,{role},{role},{organ},{(organ.Contains("LYMPH", StringComparison.Ordinal) ? "Y" : "N")},{Date(day)}\n");
}
