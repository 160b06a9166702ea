namespace OncoTrial.Clinical.Study;

/// <summary>
/// The study folder's domains and variables: the one table that the loader, the validator and
/// docs/data-format.md follow. Names and controlled terms are SDTM IG 3.4 unless marked as sponsor extensions.
/// </summary>
public static class DomainSpecs
{
    private static readonly string[] YesNo = ["Y", "N"];
    private static readonly string[] YesOnly = ["Y"];

    /// <summary>Every domain, in the documented order (DM first).</summary>
    public static IReadOnlyList<DomainSpec> All { get; } =
    [
        new("DM", "Demographics: one record per subject screened (screen failures included, ARMCD = SCRNFAIL).", true, true, ["USUBJID"],
        [
            .. Common("DM"),
            Req("SUBJID", VariableType.Text, "Subject identifier within the site.", "1001"),
            Req("SITEID", VariableType.Text, "Study site identifier.", "01"),
            Req("RFICDTC", VariableType.Date, "Date of informed consent.", "2021-09-03"),
            Opt("RFSTDTC", VariableType.Date, "Subject reference start: first study treatment (empty for screen failures).", "2021-09-10"),
            Opt("RFENDTC", VariableType.Date, "Subject reference end: end of participation.", "2023-06-30"),
            Opt("RFXSTDTC", VariableType.Date, "First exposure to any study drug.", "2021-09-10"),
            Opt("RFXENDTC", VariableType.Date, "Last exposure to any study drug.", "2022-08-19"),
            Opt("BRTHDTC", VariableType.Date, "Date of birth (often only the year).", "1957"),
            Req("AGE", VariableType.WholeNumber, "Age at informed consent, in AGEU.", "64"),
            Req("AGEU", VariableType.Text, "Age unit.", "YEARS", ["YEARS"]),
            Req("SEX", VariableType.Text, "Sex.", "M", ["M", "F", "U"]),
            Opt("RACE", VariableType.Text, "Race (CDISC CT).", "ASIAN"),
            Opt("COUNTRY", VariableType.Text, "Country, ISO 3166 alpha-3.", "CHN"),
            Opt("DTHFL", VariableType.Text, "Subject death flag: Y, or empty when not known to have died.", "", YesOnly),
            Opt("DTHDTC", VariableType.Date, "Date of death; required when DTHFL = Y.", ""),
            Req("ARMCD", VariableType.Text, "Planned arm code; SCRNFAIL for screen failures.", "BAPC"),
            Req("ARM", VariableType.Text, "Planned arm.", "Benmelstobart + anlotinib + paclitaxel/cisplatin"),
            Opt("ACTARMCD", VariableType.Text, "Actual arm code; NOTTRT when enrolled but not treated.", "BAPC"),
            Opt("ACTARM", VariableType.Text, "Actual arm.", "Benmelstobart + anlotinib + paclitaxel/cisplatin"),
        ]),
        new("SC", "Subject characteristics: baseline characteristics the paper tabulates, one record per subject and test (METSITE: one per site).", true, true, ["USUBJID", "SCTESTCD", "SCSTRESC"],
        [
            .. Common("SC"),
            Req("SCSEQ", VariableType.WholeNumber, "Sequence number, unique within subject.", "1"),
            Req("SCTESTCD", VariableType.Text, "Characteristic: ECOG performance status, disease stage, PD-L1 combined positive score, a metastatic site, number of metastatic sites, prior surgery, prior radiotherapy.", "ECOG", ["ECOG", "STAGE", "PDL1CPS", "METSITE", "NMETSITE", "PRSURG", "PRRADIO"]),
            Req("SCTEST", VariableType.Text, "Characteristic name.", "ECOG Performance Status"),
            Opt("SCORRES", VariableType.Text, "Result as collected.", "1"),
            Req("SCSTRESC", VariableType.Text, "Standardised result: ECOG 0-5; STAGE e.g. IVA, IVB; PDL1CPS the score; METSITE e.g. LYMPH NODE, LUNG, LIVER; NMETSITE a count; PRSURG and PRRADIO Y or N.", "1"),
            Opt("SCSTRESN", VariableType.Number, "Numeric standardised result (ECOG, PDL1CPS, NMETSITE).", "1"),
            Opt("SCDTC", VariableType.Date, "Date collected.", "2021-09-03"),
        ]),
        new("DS", "Disposition: screen failure, enrolment, end of each treatment phase and of the study, death; one record per event.", true, true, ["USUBJID", "DSCAT", "DSSCAT", "DSDECOD"],
        [
            .. Common("DS"),
            Req("DSSEQ", VariableType.WholeNumber, "Sequence number, unique within subject.", "2"),
            Req("DSTERM", VariableType.Text, "Reported term (the reason as written).", "Patient withdrew consent"),
            Req("DSDECOD", VariableType.Text, "Standardised term (CDISC NCOMPLT/protocol milestone), e.g. SCREEN FAILURE, INFORMED CONSENT OBTAINED, ENROLLED, COMPLETED, WITHDRAWAL BY SUBJECT, PROGRESSIVE DISEASE, ADVERSE EVENT, DEATH, PROTOCOL DEVIATION, LOST TO FOLLOW-UP, PHYSICIAN DECISION, NON-COMPLIANCE WITH STUDY DRUG, ONGOING.", "WITHDRAWAL BY SUBJECT"),
            Req("DSCAT", VariableType.Text, "Category.", "DISPOSITION EVENT", ["DISPOSITION EVENT", "PROTOCOL MILESTONE", "OTHER EVENT"]),
            Opt("DSSCAT", VariableType.Text, "Which phase a disposition event ends.", "INITIAL THERAPY", ["STUDY", "INITIAL THERAPY", "MAINTENANCE THERAPY", "SCREENING"]),
            Opt("EPOCH", VariableType.Text, "Epoch of the event.", "INITIAL THERAPY", ["SCREENING", "INITIAL THERAPY", "MAINTENANCE THERAPY", "FOLLOW-UP"]),
            Req("DSSTDTC", VariableType.Date, "Date of the event.", "2021-11-05"),
        ]),
        new("EX", "Exposure: one record per administration (or per continuous oral period) of one drug.", true, true, ["USUBJID", "EXTRT", "EXSTDTC"],
        [
            .. Common("EX"),
            Req("EXSEQ", VariableType.WholeNumber, "Sequence number, unique within subject.", "1"),
            Req("EXTRT", VariableType.Text, "Drug name as in the protocol.", "BENMELSTOBART"),
            Req("EXDOSE", VariableType.Number, "Dose given, in EXDOSU.", "1200"),
            Req("EXDOSU", VariableType.Text, "Dose unit.", "mg", ["mg", "mg/m2", "mg/kg", "AUC"]),
            Opt("EXDOSFRQ", VariableType.Text, "Dosing frequency (CDISC CT), e.g. ONCE, QD.", "ONCE"),
            Opt("EXROUTE", VariableType.Text, "Route.", "INTRAVENOUS", ["INTRAVENOUS", "ORAL"]),
            Req("EXSTDTC", VariableType.Date, "Start of the administration.", "2021-09-10"),
            Opt("EXENDTC", VariableType.Date, "End of the administration (oral drugs: end of the dosing period).", "2021-09-10"),
            Opt("EPOCH", VariableType.Text, "Treatment phase.", "INITIAL THERAPY", ["INITIAL THERAPY", "MAINTENANCE THERAPY"]),
            Opt("VISIT", VariableType.Text, "Visit name.", "CYCLE 1"),
            Req("EXCYCLE", VariableType.WholeNumber, "Treatment cycle number, 1-based across phases.", "1", isSponsorExtension: true),
            Opt("EXPDOSE", VariableType.Number, "Planned dose for the cycle, in EXDOSU (for relative dose intensity).", "1200", isSponsorExtension: true),
        ]),
        new("TU", "Tumor identification: one record per lesion (target, non-target or new), when first identified.", true, true, ["USUBJID", "TULNKID"],
        [
            .. Common("TU"),
            Req("TUSEQ", VariableType.WholeNumber, "Sequence number, unique within subject.", "1"),
            Req("TULNKID", VariableType.Text, "Lesion identifier, links TR records to this lesion.", "T01"),
            Req("TUTESTCD", VariableType.Text, "Test.", "TUMIDENT", ["TUMIDENT"]),
            Opt("TUTEST", VariableType.Text, "Test name.", "Tumor Identification"),
            Req("TUORRES", VariableType.Text, "Lesion type.", "TARGET", ["TARGET", "NON-TARGET", "NEW"]),
            Req("TULOC", VariableType.Text, "Location (organ); all lymph nodes count as one organ for RECIST.", "LUNG"),
            Opt("TULAT", VariableType.Text, "Laterality.", "RIGHT", ["LEFT", "RIGHT", "BILATERAL"]),
            Opt("TUNODFL", VariableType.Text, "Lymph-node lesion flag; when the column is absent a lesion is nodal when TULOC contains LYMPH NODE.", "N", YesNo, isSponsorExtension: true),
            Opt("TUMETHOD", VariableType.Text, "Imaging method.", "CT SCAN"),
            Opt("TUEVAL", VariableType.Text, "Evaluator.", "INVESTIGATOR"),
            Opt("VISIT", VariableType.Text, "Visit name.", "SCREENING"),
            Req("TUDTC", VariableType.Date, "Date the lesion was identified.", "2021-09-06"),
        ]),
        new("TR", "Tumor results: one record per lesion, measurement and assessment.", true, true, ["USUBJID", "TRLNKID", "TRTESTCD", "TRDTC"],
        [
            .. Common("TR"),
            Req("TRSEQ", VariableType.WholeNumber, "Sequence number, unique within subject.", "1"),
            Req("TRLNKID", VariableType.Text, "Lesion identifier (TU.TULNKID).", "T01"),
            Req("TRTESTCD", VariableType.Text, "LDIAM longest diameter (non-nodal targets), LPERP short axis (nodal targets), TUMSTATE state of a non-target or new lesion.", "LDIAM", ["LDIAM", "LPERP", "TUMSTATE"]),
            Opt("TRTEST", VariableType.Text, "Test name.", "Longest Diameter"),
            Opt("TRORRES", VariableType.Text, "Result as collected.", "23"),
            Opt("TRORRESU", VariableType.Text, "Unit as collected.", "mm"),
            Opt("TRSTRESC", VariableType.Text, "Standardised result (TUMSTATE: PRESENT, ABSENT, UNEQUIVOCAL PROGRESSION, NOT EVALUABLE).", "23"),
            Opt("TRSTRESN", VariableType.Number, "Measurement in mm (LDIAM, LPERP).", "23"),
            Opt("TRSTRESU", VariableType.Text, "Unit of TRSTRESN.", "mm", ["mm"]),
            Opt("TRLOBXFL", VariableType.Text, "Baseline (last observation before exposure) flag; when the column is absent the subject's earliest assessment is baseline.", "Y", YesOnly),
            Req("VISIT", VariableType.Text, "Visit name.", "SCREENING"),
            Req("TRDTC", VariableType.Date, "Date of the assessment.", "2021-09-06"),
        ]),
        new("RS", "Disease response: investigator time-point responses (optional; compared with OncoTrial's derivation).", false, true, ["USUBJID", "RSTESTCD", "RSEVAL", "RSDTC"],
        [
            .. Common("RS"),
            Req("RSSEQ", VariableType.WholeNumber, "Sequence number, unique within subject.", "1"),
            Req("RSTESTCD", VariableType.Text, "Response assessed.", "OVRLRESP", ["OVRLRESP", "TRGRESP", "NTRGRESP", "NEWLIND"]),
            Opt("RSTEST", VariableType.Text, "Test name.", "Overall Response"),
            Opt("RSCAT", VariableType.Text, "Criteria.", "RECIST 1.1", ["RECIST 1.1"]),
            Opt("RSORRES", VariableType.Text, "Response as collected.", "PR"),
            Req("RSSTRESC", VariableType.Text, "Standardised response.", "PR", ["CR", "PR", "SD", "NON-CR/NON-PD", "PD", "NE", "Y", "N"]),
            Req("RSEVAL", VariableType.Text, "Evaluator.", "INVESTIGATOR", ["INVESTIGATOR", "INDEPENDENT ASSESSOR"]),
            Opt("VISIT", VariableType.Text, "Visit name.", "WEEK 6"),
            Req("RSDTC", VariableType.Date, "Date of the assessment.", "2021-10-22"),
        ]),
        new("AE", "Adverse events: one record per event.", true, true, ["USUBJID", "AEDECOD", "AESTDTC"],
        [
            .. Common("AE"),
            Req("AESEQ", VariableType.WholeNumber, "Sequence number, unique within subject.", "1"),
            Req("AETERM", VariableType.Text, "Reported term.", "low white cells"),
            Req("AEDECOD", VariableType.Text, "Dictionary-derived term (MedDRA PT; the CTCAE v5.0 term where one exists).", "White blood cell decreased"),
            Req("AEBODSYS", VariableType.Text, "Body system or organ class (MedDRA SOC).", "Investigations"),
            Req("AESTDTC", VariableType.Date, "Start date.", "2021-09-24"),
            Opt("AEENDTC", VariableType.Date, "End date (empty while ongoing).", "2021-10-01"),
            Req("AETOXGR", VariableType.WholeNumber, "CTCAE v5.0 grade, within the grades the term allows.", "3", ["1", "2", "3", "4", "5"]),
            Req("AESER", VariableType.Text, "Serious.", "N", YesNo),
            Opt("AEREL", VariableType.Text, "Related to any study drug.", "Y", YesNo),
            Opt("AERELBEN", VariableType.Text, "Related to benmelstobart.", "Y", YesNo, isSponsorExtension: true),
            Opt("AERELANL", VariableType.Text, "Related to anlotinib.", "N", YesNo, isSponsorExtension: true),
            Opt("AERELPAC", VariableType.Text, "Related to paclitaxel.", "Y", YesNo, isSponsorExtension: true),
            Opt("AERELCIS", VariableType.Text, "Related to cisplatin.", "Y", YesNo, isSponsorExtension: true),
            Opt("AEACN", VariableType.Text, "Action taken with study treatment (MULTIPLE when it differs by drug).", "DRUG INTERRUPTED", ["DOSE NOT CHANGED", "DOSE REDUCED", "DOSE INCREASED", "DRUG INTERRUPTED", "DRUG WITHDRAWN", "NOT APPLICABLE", "UNKNOWN", "MULTIPLE"]),
            Opt("AEOUT", VariableType.Text, "Outcome.", "RECOVERED/RESOLVED", ["RECOVERED/RESOLVED", "RECOVERING/RESOLVING", "NOT RECOVERED/NOT RESOLVED", "RECOVERED/RESOLVED WITH SEQUELAE", "FATAL", "UNKNOWN"]),
            Opt("AESDTH", VariableType.Text, "Results in death.", "N", YesNo),
            Opt("AEIRFL", VariableType.Text, "Immune-related adverse event.", "N", YesNo, isSponsorExtension: true),
        ]),
        new("LB", "Laboratory results: one record per test and sample.", false, true, ["USUBJID", "LBTESTCD", "LBDTC"],
        [
            .. Common("LB"),
            Req("LBSEQ", VariableType.WholeNumber, "Sequence number, unique within subject.", "1"),
            Req("LBTESTCD", VariableType.Text, "Test code (CDISC CT), e.g. WBC, NEUT, HGB, PLAT, ALT, AST, BILI, CREAT, K, SODIUM, TSH.", "NEUT"),
            Req("LBTEST", VariableType.Text, "Test name.", "Neutrophils"),
            Opt("LBCAT", VariableType.Text, "Category.", "HEMATOLOGY"),
            Opt("LBORRES", VariableType.Text, "Result as collected.", "1.2"),
            Opt("LBORRESU", VariableType.Text, "Unit as collected.", "10^9/L"),
            Opt("LBSTRESC", VariableType.Text, "Standardised result as text.", "1.2"),
            Opt("LBSTRESN", VariableType.Number, "Standardised numeric result, in LBSTRESU.", "1.2"),
            Opt("LBSTRESU", VariableType.Text, "Standard unit (SI); required when LBSTRESN is given.", "10^9/L"),
            Opt("LBSTNRLO", VariableType.Number, "Lower limit of normal, in LBSTRESU.", "2"),
            Opt("LBSTNRHI", VariableType.Number, "Upper limit of normal, in LBSTRESU.", "7.5"),
            Opt("LBNRIND", VariableType.Text, "Reference range indicator.", "LOW", ["LOW", "NORMAL", "HIGH", "ABNORMAL"]),
            Opt("VISIT", VariableType.Text, "Visit name.", "CYCLE 2 DAY 1"),
            Req("LBDTC", VariableType.Date, "Date of the sample.", "2021-10-01"),
        ]),
        new("VS", "Vital signs: one record per measurement.", false, true, ["USUBJID", "VSTESTCD", "VSDTC"],
        [
            .. Common("VS"),
            Req("VSSEQ", VariableType.WholeNumber, "Sequence number, unique within subject.", "1"),
            Req("VSTESTCD", VariableType.Text, "Test.", "WEIGHT", ["HEIGHT", "WEIGHT", "SYSBP", "DIABP", "PULSE", "TEMP", "BSA"]),
            Opt("VSTEST", VariableType.Text, "Test name.", "Weight"),
            Opt("VSORRES", VariableType.Text, "Result as collected.", "61.5"),
            Opt("VSORRESU", VariableType.Text, "Unit as collected.", "kg"),
            Req("VSSTRESN", VariableType.Number, "Standardised result, in VSSTRESU.", "61.5"),
            Req("VSSTRESU", VariableType.Text, "Standard unit.", "kg", ["cm", "kg", "mmHg", "beats/min", "C", "m2"]),
            Opt("VISIT", VariableType.Text, "Visit name.", "SCREENING"),
            Req("VSDTC", VariableType.Date, "Date of the measurement.", "2021-09-06"),
        ]),
        new("CM", "Concomitant and subsequent anticancer therapy: one record per medication or therapy line.", false, true, ["USUBJID", "CMTRT", "CMCAT", "CMSTDTC"],
        [
            .. Common("CM"),
            Req("CMSEQ", VariableType.WholeNumber, "Sequence number, unique within subject.", "1"),
            Req("CMTRT", VariableType.Text, "Medication or therapy as reported.", "Docetaxel"),
            Opt("CMDECOD", VariableType.Text, "Standardised name.", "DOCETAXEL"),
            Req("CMCAT", VariableType.Text, "Category.", "SUBSEQUENT ANTICANCER THERAPY", ["PRIOR ANTICANCER THERAPY", "SUBSEQUENT ANTICANCER THERAPY", "CONCOMITANT MEDICATION"]),
            Opt("CMSTDTC", VariableType.Date, "Start date.", "2023-02"),
            Opt("CMENDTC", VariableType.Date, "End date.", ""),
        ]),
        new("TS", "Trial summary: one record per parameter; DCUTDTC (data cutoff date) and REGIMEN are required parameters.", true, false, ["TSPARMCD", "TSVAL"],
        [
            Req("STUDYID", VariableType.Text, "Study identifier, the same in every file.", "NCT05013697"),
            Req("DOMAIN", VariableType.Text, "Domain code.", "TS", ["TS"]),
            Req("TSSEQ", VariableType.WholeNumber, "Sequence number within the parameter.", "1"),
            Req("TSPARMCD", VariableType.Text, "Parameter code: DCUTDTC data cutoff date (TSVAL an ISO 8601 date), REGIMEN regimen name, TITLE, PHASE, ...", "DCUTDTC"),
            Req("TSPARM", VariableType.Text, "Parameter name.", "Data Cutoff Date"),
            Req("TSVAL", VariableType.Text, "Value.", "2024-04-01"),
        ]),
    ];

    /// <summary>The domain with that code (upper case), or null.</summary>
    public static DomainSpec? Find(string name)
    {
        foreach (var d in All)
        {
            if (d.Name == name)
            {
                return d;
            }
        }

        return null;
    }

    private static VariableSpec[] Common(string domain) =>
    [
        Req("STUDYID", VariableType.Text, "Study identifier, the same in every file.", "NCT05013697"),
        Req("DOMAIN", VariableType.Text, "Domain code.", domain, [domain]),
        Req("USUBJID", VariableType.Text, "Unique subject identifier (DM.USUBJID).", "NCT05013697-01-1001"),
    ];

    private static VariableSpec Req(string name, VariableType type, string description, string example, string[]? allowed = null, bool isSponsorExtension = false) =>
        new(name, type, true, allowed ?? [], description, example, isSponsorExtension);

    private static VariableSpec Opt(string name, VariableType type, string description, string example, string[]? allowed = null, bool isSponsorExtension = false) =>
        new(name, type, false, allowed ?? [], description, example, isSponsorExtension);
}
