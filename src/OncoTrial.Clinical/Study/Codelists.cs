namespace OncoTrial.Clinical.Study;

/// <summary>
/// The CDISC SDTM controlled terminology that the study folder checks (NCI EVS SDTM Terminology; codelist codes and
/// extensibility as published). A codelist that is not extensible lists every term; for a large extensible codelist
/// (routes, units, dispositions, ...) the terms an oncology study uses are listed, and a value outside them is a
/// sponsor term to look at, not an error. docs/decisions/0009-sdtm-conformance.md says how each is used.
/// </summary>
public static class Codelists
{
    /// <summary>C66742 No Yes Response (not extensible): N, NA, U, Y.</summary>
    public static Codelist NoYes { get; } = new("C66742", "No Yes Response", false, ["N", "NA", "U", "Y"]);

    /// <summary>C66742 as a flag: SDTMIG flags (DTHFL, --LOBXFL) are Y or null.</summary>
    public static Codelist YesFlag { get; } = new("C66742", "No Yes Response (a flag: Y or null)", false, ["Y"]);

    /// <summary>C66731 Sex (not extensible).</summary>
    public static Codelist Sex { get; } = new("C66731", "Sex", false, ["F", "M", "U", "UNDIFFERENTIATED"]);

    /// <summary>C66781 Age Unit (not extensible).</summary>
    public static Codelist AgeUnit { get; } = new("C66781", "Age Unit", false, ["DAYS", "HOURS", "MONTHS", "WEEKS", "YEARS"]);

    /// <summary>C74457 Race.</summary>
    public static Codelist Race { get; } = new("C74457", "Race", true,
        ["AMERICAN INDIAN OR ALASKA NATIVE", "ASIAN", "BLACK OR AFRICAN AMERICAN", "NATIVE HAWAIIAN OR OTHER PACIFIC ISLANDER", "WHITE", "MULTIPLE", "OTHER", "NOT REPORTED", "UNKNOWN"]);

    /// <summary>C66790 Ethnic Group.</summary>
    public static Codelist Ethnicity { get; } = new("C66790", "Ethnic Group", true, ["HISPANIC OR LATINO", "NOT HISPANIC OR LATINO", "NOT REPORTED", "UNKNOWN"]);

    /// <summary>C74558 Category for Disposition Event (not extensible).</summary>
    public static Codelist DispositionCategory { get; } = new("C74558", "Category for Disposition Event", false, ["DISPOSITION EVENT", "OTHER EVENT", "PROTOCOL MILESTONE"]);

    /// <summary>C66727 Completion/Reason for Non-Completion with C114118 Protocol Milestone: the DSDECOD terms (extensible).</summary>
    public static Codelist DispositionTerm { get; } = new("C66727/C114118", "Completion/Reason for Non-Completion; Protocol Milestone", true,
    [
        "ADVERSE EVENT", "COMPLETED", "DEATH", "DISEASE RELAPSE", "FAILURE TO MEET RANDOMIZATION CRITERIA", "LACK OF EFFICACY", "LOST TO FOLLOW-UP",
        "NON-COMPLIANCE WITH STUDY DRUG", "OTHER", "PHYSICIAN DECISION", "PREGNANCY", "PROGRESSIVE DISEASE", "PROTOCOL DEVIATION", "RECOVERY",
        "SCREEN FAILURE", "SITE TERMINATED BY SPONSOR", "STUDY TERMINATED BY SPONSOR", "TECHNICAL PROBLEMS", "WITHDRAWAL BY PARENT/GUARDIAN",
        "WITHDRAWAL BY SUBJECT", "INFORMED CONSENT OBTAINED", "RANDOMIZED", "ELIGIBILITY CRITERIA MET", "ELIGIBILITY CRITERIA NOT MET",
    ]);

    /// <summary>C99079 Epoch (extensible).</summary>
    public static Codelist Epoch { get; } = new("C99079", "Epoch", true,
        ["SCREENING", "RUN-IN", "TREATMENT", "BLINDED TREATMENT", "OPEN LABEL TREATMENT", "INDUCTION TREATMENT", "MAINTENANCE TREATMENT", "CONTINUATION TREATMENT", "WASHOUT", "FOLLOW-UP", "LONG-TERM FOLLOW-UP"]);

    /// <summary>C71620 Unit, the units of a dose (extensible).</summary>
    public static Codelist DoseUnit { get; } = new("C71620", "Unit (dose)", true,
        ["mg", "mg/m2", "mg/kg", "ug", "ug/kg", "ug/m2", "g", "g/m2", "mL", "IU", "IU/kg", "mmol", "CAPSULE", "TABLET", "PATCH"]);

    /// <summary>C66726 Pharmaceutical Dosage Form (extensible).</summary>
    public static Codelist DoseForm { get; } = new("C66726", "Pharmaceutical Dosage Form", true,
        ["CAPSULE", "TABLET", "INJECTION", "SOLUTION", "INJECTION, SOLUTION", "INJECTION, POWDER, LYOPHILIZED, FOR SOLUTION", "CONCENTRATE", "PATCH", "LIQUID", "PILL", "POWDER"]);

    /// <summary>C71113 Frequency (extensible).</summary>
    public static Codelist Frequency { get; } = new("C71113", "Frequency", true,
        ["ONCE", "QD", "BID", "TID", "QID", "QOD", "QW", "Q2W", "Q3W", "Q4W", "QM", "PRN", "CONTINUOUS", "EVERY WEEK", "EVERY 2 WEEKS", "EVERY 3 WEEKS", "EVERY 4 WEEKS", "UNKNOWN"]);

    /// <summary>C66729 Route of Administration (extensible).</summary>
    public static Codelist Route { get; } = new("C66729", "Route of Administration", true,
    [
        "INTRAVENOUS", "INTRAVENOUS BOLUS", "INTRAVENOUS DRIP", "ORAL", "SUBCUTANEOUS", "INTRAMUSCULAR", "TRANSDERMAL", "TOPICAL", "CUTANEOUS", "INTRADERMAL",
        "INTRA-ARTERIAL", "INTRAPERITONEAL", "INTRATHECAL", "INTRAVESICAL", "INTRATUMORAL", "INTRAVITREAL", "EPIDURAL", "INTRA-ARTICULAR", "INHALATION",
        "RESPIRATORY (INHALATION)", "NASAL", "OPHTHALMIC", "RECTAL", "VAGINAL", "SUBLINGUAL", "BUCCAL", "UNKNOWN",
    ]);

    /// <summary>C66767 Action Taken with Study Treatment (not extensible), with MULTIPLE, which SDTMIG 3.4 AE assumptions use when the action differs by drug.</summary>
    public static Codelist ActionTaken { get; } = new("C66767", "Action Taken with Study Treatment (+ MULTIPLE, SDTMIG AE assumption)", false,
        ["DOSE INCREASED", "DOSE NOT CHANGED", "DOSE RATE REDUCED", "DOSE REDUCED", "DRUG INTERRUPTED", "DRUG WITHDRAWN", "NOT APPLICABLE", "UNKNOWN", "MULTIPLE"]);

    /// <summary>C66768 Outcome of Event (not extensible).</summary>
    public static Codelist Outcome { get; } = new("C66768", "Outcome of Event", false,
        ["FATAL", "NOT RECOVERED/NOT RESOLVED", "RECOVERED/RESOLVED", "RECOVERED/RESOLVED WITH SEQUELAE", "RECOVERING/RESOLVING", "UNKNOWN"]);

    /// <summary>C66769 Severity/Intensity Scale for Adverse Events (not extensible).</summary>
    public static Codelist Severity { get; } = new("C66769", "Severity/Intensity Scale for Adverse Events", false, ["MILD", "MODERATE", "SEVERE"]);

    /// <summary>The CTCAE grades AETOXGR takes (1 to 5; CTCAE v5.0 defines no other grade).</summary>
    public static Codelist ToxicityGrade { get; } = new("CTCAE", "CTCAE grade", false, ["1", "2", "3", "4", "5"]);

    /// <summary>C66789 Not Done (not extensible): the --STAT value.</summary>
    public static Codelist NotDone { get; } = new("C66789", "Not Done", false, ["NOT DONE"]);

    /// <summary>C78736 Reference Range Indicator (extensible).</summary>
    public static Codelist ReferenceRangeIndicator { get; } = new("C78736", "Reference Range Indicator", true, ["ABNORMAL", "HIGH", "LOW", "NORMAL"]);

    /// <summary>C66741 Vital Signs Test Code (extensible).</summary>
    public static Codelist VitalSignsTest { get; } = new("C66741", "Vital Signs Test Code", true,
        ["HEIGHT", "WEIGHT", "BMI", "BSA", "SYSBP", "DIABP", "MAP", "PULSE", "HR", "RESP", "TEMP", "OXYSAT"]);

    /// <summary>C66770 Units for Vital Signs Results (extensible).</summary>
    public static Codelist VitalSignsUnit { get; } = new("C66770", "Units for Vital Signs Results", true,
        ["cm", "m", "in", "kg", "LB", "g", "kg/m2", "m2", "mmHg", "beats/min", "breaths/min", "C", "F", "%"]);

    /// <summary>C71620 Unit, the units of a tumour measurement (extensible).</summary>
    public static Codelist LengthUnit { get; } = new("C71620", "Unit (length)", true, ["mm", "cm"]);

    /// <summary>C96783 Tumor or Lesion Identification Test Code (extensible).</summary>
    public static Codelist TumorIdentificationTest { get; } = new("C96783", "Tumor or Lesion Identification Test Code", true, ["TUMIDENT", "TUMSPLIT", "TUMMERGE"]);

    /// <summary>The tumour identification results of RECIST 1.1 (TUSTRESC; extensible).</summary>
    public static Codelist TumorIdentificationResult { get; } = new("C123650", "Tumor or Lesion Identification Result", true, ["TARGET", "NON-TARGET", "NEW"]);

    /// <summary>C96779 Tumor or Lesion Properties Test Code (extensible).</summary>
    public static Codelist TumorResultTest { get; } = new("C96779", "Tumor or Lesion Properties Test Code", true,
        ["LDIAM", "LPERP", "DIAMETER", "SUMDIAM", "SUMNLNLD", "SUMLNSD", "TUMSTATE", "LNSTATE", "AREA", "VOLUME", "ACNSD", "PCHGSUM"]);

    /// <summary>C96782 Oncology Response Assessment Test Code (extensible).</summary>
    public static Codelist ResponseTest { get; } = new("C96782", "Oncology Response Assessment Test Code", true,
        ["OVRLRESP", "TRGRESP", "NTRGRESP", "NEWLIND", "NEWLPROG", "BESTRESP", "CLINRESP", "SYMPTDTR"]);

    /// <summary>C124298 Category of Oncology Response Assessment (extensible).</summary>
    public static Codelist ResponseCategory { get; } = new("C124298", "Category of Oncology Response Assessment", true,
        ["RECIST 1.1", "RECIST 1.0", "IRECIST", "MRECIST", "RANO", "IRANO", "IWG 2007", "LUGANO CLASSIFICATION", "CHOI"]);

    /// <summary>C96785 Oncology Response Assessment Result (extensible), with the Y/N of NEWLIND and the EQUIVOCAL/UNEQUIVOCAL of NEWLPROG.</summary>
    public static Codelist ResponseResult { get; } = new("C96785", "Oncology Response Assessment Result", true,
        ["CR", "PR", "SD", "PD", "NE", "NON-CR/NON-PD", "NON-CR", "NON-PD", "NED", "ND", "Y", "N", "EQUIVOCAL", "UNEQUIVOCAL"]);

    /// <summary>C78735 Evaluator (extensible).</summary>
    public static Codelist Evaluator { get; } = new("C78735", "Evaluator", true,
        ["INVESTIGATOR", "INDEPENDENT ASSESSOR", "ADJUDICATION COMMITTEE", "SPONSOR", "STUDY SUBJECT", "CAREGIVER", "CLINICIAN", "OTHER"]);

    /// <summary>C99073 Laterality (extensible).</summary>
    public static Codelist Laterality { get; } = new("C99073", "Laterality", true, ["LEFT", "RIGHT", "BILATERAL", "UNILATERAL"]);
}
