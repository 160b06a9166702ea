using OncoTrial.Clinical.Data;
using OncoTrial.Clinical.Study;

namespace OncoTrial.Clinical.Tests.Safety;

/// <summary>
/// The smallest study folders that show one safety case each, written in memory as CSV text (or, for messages that
/// must name the user's file, as XPT files in a temporary folder). Only DM is required; each test adds the domains
/// its case needs.
/// </summary>
internal static class SmallStudy
{
    public const string DmHeader = "STUDYID,DOMAIN,USUBJID,SUBJID,SITEID,AGE,AGEU,SEX,RACE,ARMCD,ARM,ACTARMCD,ACTARM,DTHFL,DTHDTC";

    public const string ExHeader = "STUDYID,DOMAIN,USUBJID,EXSEQ,EXTRT,EXDOSE,EXDOSU,EXDOSFRQ,EXSTDTC,EXENDTC";

    public const string AeHeader = "STUDYID,DOMAIN,USUBJID,AESEQ,AETERM,AEDECOD,AEBODSYS,AESTDTC,AEENDTC,AESEV,AESER,AEREL";

    public const string DsHeader = "STUDYID,DOMAIN,USUBJID,DSSEQ,DSTERM,DSDECOD,DSCAT,DSSTDTC";

    /// <summary>A DM row: subject, arm code, arm (the actual arm the same unless given).</summary>
    public static string Dm(string id, string armCode, string arm, string? actualCode = null, string? actualArm = null, string deathFlag = "", string deathDate = "") =>
        $"S,DM,{id},{id},01,60,YEARS,F,WHITE,{armCode},{arm},{actualCode ?? armCode},{actualArm ?? arm},{deathFlag},{deathDate}";

    public static string Ex(string id, int seq, string drug, string dose, string start, string end) =>
        $"S,EX,{id},{seq},{drug},{dose},mg,QD,{start},{end}";

    public static string Ae(string id, int seq, string term, string start, string severity, string causality, string serious = "N") =>
        $"S,AE,{id},{seq},{term},{term},BODY,{start},,{severity},{serious},{causality}";

    public static string Ds(string id, int seq, string decod, string category, string date) =>
        $"S,DS,{id},{seq},{decod},{decod},{category},{date}";

    public static string Table(string header, params string[] rows) => header + "\n" + string.Join("\n", rows) + "\n";

    /// <summary>A study in memory from (file name, CSV text) pairs.</summary>
    public static StudyFolder Load(params (string FileName, string Text)[] files)
    {
        using var source = FileSource.FromText("small", files);
        return StudyFolder.Load(source);
    }

    /// <summary>
    /// The same files written as SAS XPT (every column character) into a fresh temporary folder, which the caller
    /// deletes: a study as the CDISC pilot ships it.
    /// </summary>
    public static string WriteXpt(params (string FileName, string Text)[] files)
    {
        string dir = Path.Combine(Path.GetTempPath(), "oncotrial-xpt-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        foreach (var (name, text) in files)
        {
            var (table, problems) = CsvTable.Parse(text, name);
            Assert.Empty(problems);
            var columns = table.Columns
                .Select((c, i) => DatasetColumn.Character(c, c, [.. table.Records.Select(r => r.Fields[i].Length == 0 ? null : r.Fields[i])]))
                .ToList();
            string domain = Path.GetFileNameWithoutExtension(name).ToUpperInvariant();
            DatasetFiles.Write(new Dataset(domain, domain, columns), Path.Combine(dir, Path.GetFileNameWithoutExtension(name) + ".xpt"));
        }

        return dir;
    }
}
