using System.Globalization;
using OncoTrial.Clinical.Data;
using OncoTrial.Clinical.Disposition;
using OncoTrial.Clinical.Exposure;
using OncoTrial.Clinical.Study;
using OncoTrial.Statistics;
using static OncoTrial.Clinical.Adam.AdamColumns;

namespace OncoTrial.Clinical.Adam;

/// <summary>The end-of-study status of ADSL EOSSTT.</summary>
public enum EndOfStudyStatus
{
    /// <summary>The end-of-study disposition event is COMPLETED.</summary>
    Completed,

    /// <summary>The end-of-study disposition event is another reason (DCSREAS).</summary>
    Discontinued,

    /// <summary>An enrolled subject without an end-of-study disposition event (or with ONGOING).</summary>
    Ongoing,
}

/// <summary>One ADSL record: a DM subject with treatment dates, population flags, death and end of study.</summary>
/// <param name="StudyId">STUDYID.</param>
/// <param name="Subject">USUBJID.</param>
/// <param name="SubjectId">SUBJID.</param>
/// <param name="Site">SITEID.</param>
/// <param name="Age">AGE, or null when missing or not a number.</param>
/// <param name="AgeUnit">AGEU.</param>
/// <param name="Sex">SEX.</param>
/// <param name="Race">RACE.</param>
/// <param name="Arm">ARM, the planned arm (also TRT01P).</param>
/// <param name="ArmCode">ARMCD.</param>
/// <param name="ActualArm">ACTARM, the arm received (also TRT01A).</param>
/// <param name="ActualArmCode">ACTARMCD.</param>
/// <param name="FirstDose">TRTSDT: first exposure date, or null (never dosed, or no usable date).</param>
/// <param name="LastDose">TRTEDT: last exposure date, or null.</param>
/// <param name="IsSafety">SAFFL: at least one exposure record (<see cref="TreatmentExposure.IsExposure(double?, string?)"/>).</param>
/// <param name="IsEnrolled">ENRLFL: enrolled per the disposition (<see cref="DispositionSummary.Enrolled"/>).</param>
/// <param name="IsDead">DTHFL: DM DTHFL = Y.</param>
/// <param name="DeathDate">DTHDT: DM DTHDTC, a partial date imputed to its first possible day, or null.</param>
/// <param name="DeathDateImputation">DTHDTF: "D" when the day was imputed, "M" when month and day were, null otherwise.</param>
/// <param name="EndOfStudy">EOSSTT, or null for a subject never enrolled (a screen failure).</param>
/// <param name="DiscontinuationReason">DCSREAS: DSDECOD of the end-of-study event of a discontinued subject, or null.</param>
public sealed record AdslRecord(
    string StudyId,
    string Subject,
    string SubjectId,
    string Site,
    double? Age,
    string AgeUnit,
    string Sex,
    string Race,
    string Arm,
    string ArmCode,
    string ActualArm,
    string ActualArmCode,
    DateOnly? FirstDose,
    DateOnly? LastDose,
    bool IsSafety,
    bool IsEnrolled,
    bool IsDead,
    DateOnly? DeathDate,
    string? DeathDateImputation,
    EndOfStudyStatus? EndOfStudy,
    string? DiscontinuationReason)
{
    /// <summary>TRTDURD: TRTEDT − TRTSDT + 1 (admiral <c>derive_var_trtdurd()</c>), or null without both dates.</summary>
    public int? TreatmentDays => FirstDose is { } f && LastDose is { } l ? l.DayNumber - f.DayNumber + 1 : null;
}

/// <summary>
/// The ADaM subject-level dataset ADSL: one record per DM subject, screen failures and never-dosed subjects included
/// (SAFFL = N), as admiral's ADSL template keeps every DM subject. XPT-safe names and labels.
/// </summary>
public static class AdslWriter
{
    /// <summary>The dataset name, ADSL.</summary>
    public const string DatasetName = "ADSL";

    /// <summary>
    /// The ADSL records of a study: DM as the spine; TRTSDT/TRTEDT/SAFFL from EX by <see cref="TreatmentExposure"/>;
    /// ENRLFL and EOSSTT/DCSREAS from <see cref="DispositionSummary"/>; DTHFL/DTHDT from DM. Never throws for bad
    /// content; a death date that is not a date is a warning.
    /// </summary>
    /// <remarks>
    /// admiral's ADSL template (<c>inst/templates/ad_adsl.R</c>): TRT01P = ARM, TRT01A = ACTARM; TRTSDTM/TRTEDTM from the
    /// first/last EX record with <c>EXDOSE &gt; 0 | (EXDOSE == 0 &amp; str_detect(EXTRT, "PLACEBO"))</c>; TRTDURD by
    /// <c>derive_var_trtdurd()</c>; SAFFL by <c>derive_var_merged_exist_flag()</c> on the same EX condition, N otherwise;
    /// EOSSTT by <c>format_eosstt()</c> (COMPLETED, DISCONTINUED, ONGOING; missing for a screen failure); DTHDT by
    /// <c>derive_vars_dt(highest_imputation = "M", date_imputation = "first")</c>.
    /// </remarks>
    /// <param name="study">A loaded, usable study folder.</param>
    /// <param name="disposition">The study's disposition; computed with the default options when null.</param>
    public static (IReadOnlyList<AdslRecord> Records, IReadOnlyList<Problem> Problems) DeriveRecords(StudyFolder study, DispositionSummary? disposition = null)
    {
        ArgumentNullException.ThrowIfNull(study);
        disposition ??= DispositionSummary.Compute(study);
        var problems = new List<Problem>();
        var treated = TreatmentExposure.Derive(study);
        var enrolled = disposition.Enrolled.Subjects.ToHashSet(StringComparer.Ordinal);
        var completed = disposition.StudyCompleted.Subjects.ToHashSet(StringComparer.Ordinal);
        var reasons = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var reason in disposition.StudyDiscontinuationReasons)
        {
            foreach (string id in reason.Subjects)
            {
                reasons[id] = reason.Code;
            }
        }

        var records = new List<AdslRecord>();
        if (study.Domain("DM") is not { } dm)
        {
            return (records, problems);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in dm.Table.Records)
        {
            string V(string column) => dm.Value(r, column).Trim();
            string id = V("USUBJID");
            if (id.Length == 0 || !seen.Add(id))
            {
                continue;
            }

            DateOnly? deathDate = null;
            string? imputation = null;
            string deathText = V("DTHDTC");
            if (deathText.Length > 0)
            {
                if (PartialDate.TryParse(deathText, out var d))
                {
                    deathDate = d.Earliest;
                    imputation = d.IsCompleteDate ? null : deathText.Length <= 4 ? "M" : "D";
                }
                else
                {
                    problems.Add(new Problem(dm.FileName, r.Line, r.Row, "DTHDTC", "ADSL_DEATH_DATE", "an ISO 8601 date of death", Problem.Quote(deathText), "Correct DTHDTC; ADSL DTHDT is left missing.", ProblemSeverity.Warning));
                }
            }

            treated.Periods.TryGetValue(id, out var period);
            bool isEnrolled = enrolled.Contains(id);
            EndOfStudyStatus? status = !isEnrolled ? null
                : completed.Contains(id) ? EndOfStudyStatus.Completed
                : reasons.ContainsKey(id) ? EndOfStudyStatus.Discontinued
                : EndOfStudyStatus.Ongoing;
            records.Add(new AdslRecord(
                V("STUDYID"), id, V("SUBJID"), V("SITEID"),
                double.TryParse(V("AGE"), NumberStyles.Float, CultureInfo.InvariantCulture, out double age) && double.IsFinite(age) ? age : null,
                V("AGEU"), V("SEX"), V("RACE"), V("ARM"), V("ARMCD"), V("ACTARM"), V("ACTARMCD"),
                period?.FirstDose, period?.LastDose, treated.IsTreated(id), isEnrolled, V("DTHFL") == "Y", deathDate, imputation,
                status, status == EndOfStudyStatus.Discontinued ? reasons[id] : null));
        }

        return ([.. records.OrderBy(x => x.Subject, StringComparer.Ordinal)], problems.AsReadOnly());
    }

    /// <summary>
    /// The ADSL dataset: STUDYID, USUBJID, SUBJID, SITEID, AGE, AGEU, SEX, RACE, ARM, ARMCD, ACTARM, ACTARMCD, TRT01P,
    /// TRT01A, TRTSDT, TRTEDT, TRTDURD, SAFFL, ENRLFL, DTHFL, DTHDT, DTHDTF, EOSSTT, DCSREAS.
    /// </summary>
    /// <remarks>Population flags SAFFL and ENRLFL are Y or N (ADaMIG); DTHFL is Y or missing, as in DM.</remarks>
    /// <param name="records">From <see cref="DeriveRecords"/>.</param>
    public static Dataset ToDataset(IReadOnlyList<AdslRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        static string YesNo(bool value) => value ? "Y" : "N";
        static string? Empty(string value) => value.Length == 0 ? null : value;
        DatasetColumn[] columns =
        [
            Text("STUDYID", "Study Identifier", [.. records.Select(r => r.StudyId)]),
            Text("USUBJID", "Unique Subject Identifier", [.. records.Select(r => r.Subject)]),
            Text("SUBJID", "Subject Identifier for the Study", [.. records.Select(r => Empty(r.SubjectId))]),
            Text("SITEID", "Study Site Identifier", [.. records.Select(r => Empty(r.Site))]),
            Double("AGE", "Age", [.. records.Select(r => Number(r.Age))]),
            Text("AGEU", "Age Units", [.. records.Select(r => Empty(r.AgeUnit))]),
            Text("SEX", "Sex", [.. records.Select(r => Empty(r.Sex))]),
            Text("RACE", "Race", [.. records.Select(r => Empty(r.Race))]),
            Text("ARM", "Description of Planned Arm", [.. records.Select(r => Empty(r.Arm))]),
            Text("ARMCD", "Planned Arm Code", [.. records.Select(r => Empty(r.ArmCode))]),
            Text("ACTARM", "Description of Actual Arm", [.. records.Select(r => Empty(r.ActualArm))]),
            Text("ACTARMCD", "Actual Arm Code", [.. records.Select(r => Empty(r.ActualArmCode))]),
            Text("TRT01P", "Planned Treatment for Period 01", [.. records.Select(r => Empty(r.Arm))]),
            Text("TRT01A", "Actual Treatment for Period 01", [.. records.Select(r => Empty(r.ActualArm))]),
            Date("TRTSDT", "Date of First Exposure to Treatment", [.. records.Select(r => SasDate(r.FirstDose))]),
            Date("TRTEDT", "Date of Last Exposure to Treatment", [.. records.Select(r => SasDate(r.LastDose))]),
            Integer("TRTDURD", "Total Treatment Duration (Days)", [.. records.Select(r => Number(r.TreatmentDays))]),
            Text("SAFFL", "Safety Population Flag", [.. records.Select(r => YesNo(r.IsSafety))]),
            Text("ENRLFL", "Enrolled Population Flag", [.. records.Select(r => YesNo(r.IsEnrolled))]),
            Text("DTHFL", "Subject Death Flag", [.. records.Select(r => Flag(r.IsDead))]),
            Date("DTHDT", "Date of Death", [.. records.Select(r => SasDate(r.DeathDate))]),
            Text("DTHDTF", "Date of Death Imputation Flag", [.. records.Select(r => r.DeathDateImputation)]),
            Text("EOSSTT", "End of Study Status", [.. records.Select(r => r.EndOfStudy is { } s ? Vocabulary.Token(s).ToUpperInvariant() : null)]),
            Text("DCSREAS", "Reason for Discontinuation from Study", [.. records.Select(r => r.DiscontinuationReason)]),
        ];
        return new Dataset(DatasetName, "Subject-Level Analysis Dataset", columns);
    }
}
