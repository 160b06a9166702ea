using static OncoTrial.Clinical.Study.Codelists;

namespace OncoTrial.Clinical.Study;

/// <summary>
/// The study folder's domains and variables: the one table that the loader, the validator and docs/data-format.md
/// follow. Names, core designations (Req, Exp, Perm) and controlled terminology are SDTMIG 3.4 and CDISC SDTM CT,
/// except the variables marked as sponsor extensions, which are Permissible. What a protocol requires beyond SDTM
/// (the seed trial's extra required variables and its sponsor codelists) is a <see cref="ValidationProfile"/>.
/// </summary>
public static class DomainSpecs
{
    /// <summary>Every domain, in the documented order (DM first).</summary>
    public static IReadOnlyList<DomainSpec> All { get; } =
    [
        new("DM", "Demographics: one record per subject screened (screen failures included, ARMCD = SCRNFAIL).", true, ["USUBJID"],
        [
            .. Common("DM", sequence: false),
            Req("SUBJID", VariableType.Text, "Subject identifier within the site.", "1001"),
            Exp("RFSTDTC", VariableType.Date, "Subject reference start: first study treatment (empty for screen failures).", "2021-09-10"),
            Exp("RFENDTC", VariableType.Date, "Subject reference end: end of participation.", "2023-06-30"),
            Exp("RFXSTDTC", VariableType.Date, "First exposure to any study drug.", "2021-09-10"),
            Exp("RFXENDTC", VariableType.Date, "Last exposure to any study drug.", "2022-08-19"),
            Exp("RFICDTC", VariableType.Date, "Date of informed consent.", "2021-09-03"),
            Exp("RFPENDTC", VariableType.Date, "End of participation (last contact).", "2023-06-30"),
            Exp("DTHDTC", VariableType.Date, "Date of death; required when DTHFL = Y.", ""),
            Exp("DTHFL", VariableType.Text, "Subject death flag: Y, or empty when not known to have died.", "", YesFlag),
            Req("SITEID", VariableType.Text, "Study site identifier.", "01"),
            Perm("BRTHDTC", VariableType.Date, "Date of birth (often only the year).", "1957"),
            Exp("AGE", VariableType.WholeNumber, "Age at informed consent, in AGEU.", "64"),
            Exp("AGEU", VariableType.Text, "Age unit.", "YEARS", AgeUnit),
            Req("SEX", VariableType.Text, "Sex.", "M", Sex),
            Exp("RACE", VariableType.Text, "Race.", "ASIAN", Race),
            Perm("ETHNIC", VariableType.Text, "Ethnicity.", "NOT HISPANIC OR LATINO", Ethnicity),
            Exp("ARMCD", VariableType.Text, "Planned arm code; SCRNFAIL for screen failures.", "BAPC"),
            Exp("ARM", VariableType.Text, "Planned arm.", "Benmelstobart + anlotinib + paclitaxel/cisplatin"),
            Exp("ACTARMCD", VariableType.Text, "Actual arm code; NOTTRT when enrolled but not treated.", "BAPC"),
            Exp("ACTARM", VariableType.Text, "Actual arm.", "Benmelstobart + anlotinib + paclitaxel/cisplatin"),
            Exp("ARMNRS", VariableType.Text, "Reason the arm is null (SCREEN FAILURE, NOT ASSIGNED, ...).", ""),
            Exp("ACTARMUD", VariableType.Text, "Description of an actual arm that is not a planned one.", ""),
            Req("COUNTRY", VariableType.Text, "Country, ISO 3166 alpha-3.", "CHN"),
        ]),
        new("SC", "Subject characteristics: baseline characteristics, one record per subject and test (METSITE: one per site).", true, ["USUBJID", "SCTESTCD", "SCSTRESC"],
        [
            .. Common("SC"),
            Req("SCTESTCD", VariableType.Text, "Characteristic (the seed protocol's: ECOG performance status, disease stage, PD-L1 combined positive score, a metastatic site, number of metastatic sites, prior surgery, prior radiotherapy).", "ECOG"),
            Req("SCTEST", VariableType.Text, "Characteristic name.", "ECOG Performance Status"),
            Exp("SCORRES", VariableType.Text, "Result as collected.", "1"),
            Exp("SCSTRESC", VariableType.Text, "Standardised result: ECOG 0-5; STAGE e.g. IVA, IVB; PDL1CPS the score; METSITE e.g. LYMPH NODE, LUNG, LIVER; NMETSITE a count; PRSURG and PRRADIO Y or N.", "1"),
            Perm("SCSTRESN", VariableType.Number, "Numeric standardised result (ECOG, PDL1CPS, NMETSITE).", "1"),
            Perm("SCDTC", VariableType.Date, "Date collected.", "2021-09-03"),
        ]),
        new("DS", "Disposition: screen failure, consent, enrolment or randomisation, end of each treatment phase and of the study, death; one record per event.", true, ["USUBJID", "DSCAT", "DSSCAT", "DSDECOD"],
        [
            .. Common("DS"),
            Req("DSTERM", VariableType.Text, "Reported term (the reason as written).", "Patient withdrew consent"),
            Req("DSDECOD", VariableType.Text, "Standardised term: CDISC NCOMPLT for disposition events (COMPLETED, WITHDRAWAL BY SUBJECT, PROGRESSIVE DISEASE, ADVERSE EVENT, DEATH, ...), protocol milestones (INFORMED CONSENT OBTAINED, RANDOMIZED, ENROLLED).", "WITHDRAWAL BY SUBJECT", DispositionTerm),
            Exp("DSCAT", VariableType.Text, "Category.", "DISPOSITION EVENT", DispositionCategory),
            Perm("DSSCAT", VariableType.Text, "Subcategory: which phase a disposition event ends (sponsor terms; the seed protocol's: STUDY, INITIAL THERAPY, MAINTENANCE THERAPY, SCREENING).", "INITIAL THERAPY"),
            Perm("EPOCH", VariableType.Text, "Epoch of the event.", "INITIAL THERAPY", Epoch),
            Exp("DSSTDTC", VariableType.Date, "Date of the event.", "2021-11-05"),
        ]),
        new("EX", "Exposure: one record per administration (or per continuous oral period) of one drug.", true, ["USUBJID", "EXTRT", "EXSTDTC"],
        [
            .. Common("EX"),
            Req("EXTRT", VariableType.Text, "Drug name as in the protocol.", "BENMELSTOBART"),
            Exp("EXDOSE", VariableType.Number, "Dose given, in EXDOSU (0 for placebo).", "1200"),
            Exp("EXDOSU", VariableType.Text, "Dose unit.", "mg", DoseUnit),
            Exp("EXDOSFRM", VariableType.Text, "Dose form.", "INJECTION", DoseForm),
            Perm("EXDOSFRQ", VariableType.Text, "Dosing frequency, e.g. ONCE, QD.", "ONCE", Frequency),
            Perm("EXROUTE", VariableType.Text, "Route.", "INTRAVENOUS", Route),
            Exp("EXSTDTC", VariableType.Date, "Start of the administration.", "2021-09-10"),
            Exp("EXENDTC", VariableType.Date, "End of the administration (oral drugs: end of the dosing period).", "2021-09-10"),
            Perm("EPOCH", VariableType.Text, "Treatment phase.", "INITIAL THERAPY", Epoch),
            Perm("VISIT", VariableType.Text, "Visit name.", "CYCLE 1"),
            Sponsor("EXCYCLE", VariableType.WholeNumber, "Treatment cycle number, 1-based across phases.", "1"),
            Sponsor("EXPDOSE", VariableType.Number, "Planned dose for the cycle, in EXDOSU (for relative dose intensity).", "1200"),
        ]),
        new("TU", "Tumor identification: one record per lesion (target, non-target or new) and evaluator, when first identified.", true, ["USUBJID", "TUEVAL", "TUEVALID", "TULNKID"],
        [
            .. Common("TU"),
            Exp("TULNKID", VariableType.Text, "Lesion identifier, links TR records to this lesion.", "T01"),
            Req("TUTESTCD", VariableType.Text, "Test.", "TUMIDENT", TumorIdentificationTest),
            Req("TUTEST", VariableType.Text, "Test name.", "Tumor Identification"),
            Exp("TUORRES", VariableType.Text, "Lesion type as collected.", "TARGET", TumorIdentificationResult),
            Exp("TUSTRESC", VariableType.Text, "Lesion type, standardised.", "TARGET", TumorIdentificationResult),
            Exp("TULOC", VariableType.Text, "Location (organ); all lymph nodes count as one organ for RECIST.", "LUNG"),
            Perm("TULAT", VariableType.Text, "Laterality.", "RIGHT", Laterality),
            Sponsor("TUNODFL", VariableType.Text, "Lymph-node lesion flag; when the column is absent a lesion is nodal when TULOC contains LYMPH NODE.", "N", NoYes),
            Exp("TUMETHOD", VariableType.Text, "Imaging method.", "CT SCAN"),
            Perm("TUEVAL", VariableType.Text, "Evaluator.", "INVESTIGATOR", Evaluator),
            Perm("TUEVALID", VariableType.Text, "Evaluator identifier (e.g. RADIOLOGIST 1), when several evaluators of one kind assess.", ""),
            Exp("VISITNUM", VariableType.Number, "Visit number.", "1"),
            Perm("VISIT", VariableType.Text, "Visit name.", "SCREENING"),
            Exp("TUDTC", VariableType.Date, "Date the lesion was identified.", "2021-09-06"),
        ]),
        new("TR", "Tumor results: one record per lesion (or sum), measurement, evaluator and assessment.", true, ["USUBJID", "TREVAL", "TREVALID", "TRLNKID", "TRTESTCD", "VISIT", "TRDTC"],
        [
            .. Common("TR"),
            Exp("TRLNKID", VariableType.Text, "Lesion identifier (TU.TULNKID); empty on a record about all lesions (SUMDIAM).", "T01"),
            Req("TRTESTCD", VariableType.Text, "LDIAM longest diameter (non-nodal targets), LPERP short axis (nodal targets), TUMSTATE state of a non-target or new lesion, SUMDIAM sum of diameters.", "LDIAM", TumorResultTest),
            Req("TRTEST", VariableType.Text, "Test name.", "Longest Diameter"),
            Exp("TRORRES", VariableType.Text, "Result as collected.", "23"),
            Exp("TRORRESU", VariableType.Text, "Unit as collected.", "mm"),
            Exp("TRSTRESC", VariableType.Text, "Standardised result (TUMSTATE: PRESENT, ABSENT, UNEQUIVOCAL PROGRESSION, NOT EVALUABLE).", "23"),
            Exp("TRSTRESN", VariableType.Number, "Measurement in mm (LDIAM, LPERP).", "23"),
            Exp("TRSTRESU", VariableType.Text, "Unit of TRSTRESN.", "mm", LengthUnit),
            Perm("TRSTAT", VariableType.Text, "NOT DONE when the lesion was not assessed.", "", NotDone),
            Exp("TRMETHOD", VariableType.Text, "Imaging method.", "CT SCAN"),
            Exp("TRLOBXFL", VariableType.Text, "Baseline (last observation before exposure) flag; when the column is absent the subject's earliest assessment is baseline.", "Y", YesFlag),
            Perm("TREVAL", VariableType.Text, "Evaluator.", "INVESTIGATOR", Evaluator),
            Perm("TREVALID", VariableType.Text, "Evaluator identifier.", ""),
            Exp("VISITNUM", VariableType.Number, "Visit number.", "1"),
            Perm("VISIT", VariableType.Text, "Visit name.", "SCREENING"),
            Exp("TRDTC", VariableType.Date, "Date of the assessment.", "2021-09-06"),
        ]),
        new("RS", "Disease response: time-point responses by evaluator (compared with OncoTrial's derivation, or used instead of it).", true, ["USUBJID", "RSEVAL", "RSEVALID", "RSTESTCD", "VISIT", "RSDTC"],
        [
            .. Common("RS"),
            Req("RSTESTCD", VariableType.Text, "Response assessed.", "OVRLRESP", ResponseTest),
            Req("RSTEST", VariableType.Text, "Test name.", "Overall Response"),
            Exp("RSCAT", VariableType.Text, "Criteria.", "RECIST 1.1", ResponseCategory),
            Exp("RSORRES", VariableType.Text, "Response as collected.", "PR"),
            Exp("RSSTRESC", VariableType.Text, "Standardised response.", "PR", ResponseResult),
            Perm("RSSTAT", VariableType.Text, "NOT DONE when the assessment was not done.", "", NotDone),
            Exp("RSEVAL", VariableType.Text, "Evaluator.", "INVESTIGATOR", Evaluator),
            Perm("RSEVALID", VariableType.Text, "Evaluator identifier.", ""),
            Exp("VISITNUM", VariableType.Number, "Visit number.", "3"),
            Perm("VISIT", VariableType.Text, "Visit name.", "WEEK 6"),
            Exp("RSDTC", VariableType.Date, "Date of the assessment.", "2021-10-22"),
        ]),
        new("AE", "Adverse events: one record per event.", true, ["USUBJID", "AEDECOD", "AESTDTC"],
        [
            .. Common("AE"),
            Req("AETERM", VariableType.Text, "Reported term.", "low white cells"),
            Exp("AELLT", VariableType.Text, "MedDRA lowest level term.", ""),
            Exp("AELLTCD", VariableType.WholeNumber, "MedDRA lowest level term code.", ""),
            Req("AEDECOD", VariableType.Text, "Dictionary-derived term (MedDRA PT; the CTCAE v5.0 term where one exists).", "White blood cell decreased"),
            Exp("AEPTCD", VariableType.WholeNumber, "MedDRA preferred term code.", ""),
            Exp("AEHLT", VariableType.Text, "MedDRA high level term.", ""),
            Exp("AEHLTCD", VariableType.WholeNumber, "MedDRA high level term code.", ""),
            Exp("AEHLGT", VariableType.Text, "MedDRA high level group term.", ""),
            Exp("AEHLGTCD", VariableType.WholeNumber, "MedDRA high level group term code.", ""),
            Exp("AEBODSYS", VariableType.Text, "Body system or organ class (MedDRA SOC).", "Investigations"),
            Exp("AEBDSYCD", VariableType.WholeNumber, "Body system or organ class code.", ""),
            Exp("AESOC", VariableType.Text, "MedDRA primary system organ class.", "Investigations"),
            Exp("AESOCCD", VariableType.WholeNumber, "MedDRA primary system organ class code.", ""),
            Perm("AESEV", VariableType.Text, "Severity (used when AETOXGR is not collected).", "SEVERE", Severity),
            Exp("AESER", VariableType.Text, "Serious.", "N", NoYes),
            Exp("AEACN", VariableType.Text, "Action taken with study treatment (MULTIPLE when it differs by drug).", "DRUG INTERRUPTED", ActionTaken),
            Exp("AEREL", VariableType.Text, "Causality to any study drug, on the sponsor's scale (Y/N, or NONE, REMOTE, POSSIBLE, PROBABLE, ...).", "Y"),
            Perm("AEOUT", VariableType.Text, "Outcome.", "RECOVERED/RESOLVED", Outcome),
            Perm("AESDTH", VariableType.Text, "Results in death.", "N", NoYes),
            Perm("AETOXGR", VariableType.WholeNumber, "CTCAE v5.0 grade, within the grades the term allows.", "3", ToxicityGrade),
            Exp("AESTDTC", VariableType.Date, "Start date.", "2021-09-24"),
            Exp("AEENDTC", VariableType.Date, "End date (empty while ongoing).", "2021-10-01"),
            Sponsor("AERELBEN", VariableType.Text, "Related to benmelstobart.", "Y", NoYes),
            Sponsor("AERELANL", VariableType.Text, "Related to anlotinib.", "N", NoYes),
            Sponsor("AERELPAC", VariableType.Text, "Related to paclitaxel.", "Y", NoYes),
            Sponsor("AERELCIS", VariableType.Text, "Related to cisplatin.", "Y", NoYes),
            Sponsor("AEIRFL", VariableType.Text, "Immune-related adverse event.", "N", NoYes),
        ]),
        new("LB", "Laboratory results: one record per test and sample.", true, ["USUBJID", "LBTESTCD", "LBDTC"],
        [
            .. Common("LB"),
            Req("LBTESTCD", VariableType.Text, "Test code (CDISC CT), e.g. WBC, NEUT, HGB, PLAT, ALT, AST, BILI, CREAT, K, SODIUM, TSH.", "NEUT"),
            Req("LBTEST", VariableType.Text, "Test name.", "Neutrophils"),
            Exp("LBCAT", VariableType.Text, "Category.", "HEMATOLOGY"),
            Exp("LBORRES", VariableType.Text, "Result as collected.", "1.2"),
            Exp("LBORRESU", VariableType.Text, "Unit as collected.", "10^9/L"),
            Exp("LBORNRLO", VariableType.Text, "Lower limit of normal, as collected.", "2"),
            Exp("LBORNRHI", VariableType.Text, "Upper limit of normal, as collected.", "7.5"),
            Exp("LBSTRESC", VariableType.Text, "Standardised result as text.", "1.2"),
            Exp("LBSTRESN", VariableType.Number, "Standardised numeric result, in LBSTRESU.", "1.2"),
            Exp("LBSTRESU", VariableType.Text, "Standard unit (SI); required when LBSTRESN is given.", "10^9/L"),
            Exp("LBSTNRLO", VariableType.Number, "Lower limit of normal, in LBSTRESU.", "2"),
            Exp("LBSTNRHI", VariableType.Number, "Upper limit of normal, in LBSTRESU.", "7.5"),
            Exp("LBNRIND", VariableType.Text, "Reference range indicator.", "LOW", ReferenceRangeIndicator),
            Exp("VISITNUM", VariableType.Number, "Visit number.", "2"),
            Perm("VISIT", VariableType.Text, "Visit name.", "CYCLE 2 DAY 1"),
            Exp("LBDTC", VariableType.Date, "Date of the sample.", "2021-10-01"),
        ]),
        new("VS", "Vital signs: one record per measurement.", true, ["USUBJID", "VSTESTCD", "VSDTC"],
        [
            .. Common("VS"),
            Req("VSTESTCD", VariableType.Text, "Test.", "WEIGHT", VitalSignsTest),
            Req("VSTEST", VariableType.Text, "Test name.", "Weight"),
            Exp("VSORRES", VariableType.Text, "Result as collected.", "61.5"),
            Exp("VSORRESU", VariableType.Text, "Unit as collected.", "kg"),
            Exp("VSSTRESC", VariableType.Text, "Standardised result as text.", "61.5"),
            Exp("VSSTRESN", VariableType.Number, "Standardised result, in VSSTRESU.", "61.5"),
            Exp("VSSTRESU", VariableType.Text, "Standard unit.", "kg", VitalSignsUnit),
            Exp("VISITNUM", VariableType.Number, "Visit number.", "1"),
            Perm("VISIT", VariableType.Text, "Visit name.", "SCREENING"),
            Exp("VSDTC", VariableType.Date, "Date of the measurement.", "2021-09-06"),
        ]),
        new("CM", "Concomitant and subsequent anticancer therapy: one record per medication or therapy line.", true, ["USUBJID", "CMTRT", "CMCAT", "CMSTDTC"],
        [
            .. Common("CM"),
            Req("CMTRT", VariableType.Text, "Medication or therapy as reported.", "Docetaxel"),
            Perm("CMDECOD", VariableType.Text, "Standardised name.", "DOCETAXEL"),
            Perm("CMCAT", VariableType.Text, "Category (sponsor terms; the seed protocol's: PRIOR ANTICANCER THERAPY, SUBSEQUENT ANTICANCER THERAPY, CONCOMITANT MEDICATION).", "SUBSEQUENT ANTICANCER THERAPY"),
            Perm("CMSTDTC", VariableType.Date, "Start date.", "2023-02"),
            Perm("CMENDTC", VariableType.Date, "End date.", ""),
        ]),
        new("TS", "Trial summary: one record per parameter; DCUTDTC is the data cutoff date (without it, every record is analysed), VALPROF the validation profile.", false, ["TSPARMCD", "TSSEQ"],
        [
            Req("STUDYID", VariableType.Text, "Study identifier, the same in every file.", "NCT05013697"),
            Req("DOMAIN", VariableType.Text, "Domain code.", "TS", new Codelist("SDTMIG", "Domain code TS", false, ["TS"])),
            Req("TSSEQ", VariableType.WholeNumber, "Sequence number within the parameter.", "1"),
            Req("TSPARMCD", VariableType.Text, "Parameter code: DCUTDTC data cutoff date (TSVAL an ISO 8601 date), VALPROF validation profile (sdtm or seed), REGIMEN regimen name, TITLE, PHASE, ...", "DCUTDTC"),
            Req("TSPARM", VariableType.Text, "Parameter name.", "Data Cutoff Date"),
            Exp("TSVAL", VariableType.Text, "Value.", "2024-04-01"),
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

    private static VariableSpec[] Common(string domain, bool sequence = true) =>
    [
        Req("STUDYID", VariableType.Text, "Study identifier, the same in every file.", "NCT05013697"),
        Req("DOMAIN", VariableType.Text, "Domain code.", domain, new Codelist("SDTMIG", "Domain code " + domain, false, [domain])),
        Req("USUBJID", VariableType.Text, "Unique subject identifier (DM.USUBJID).", "NCT05013697-01-1001"),
        .. sequence ? [Req(domain + "SEQ", VariableType.WholeNumber, "Sequence number, unique within subject.", "1")] : Array.Empty<VariableSpec>(),
    ];

    private static VariableSpec Req(string name, VariableType type, string description, string example, Codelist? codelist = null) =>
        new(name, type, VariableCore.Required, codelist, description, example);

    private static VariableSpec Exp(string name, VariableType type, string description, string example, Codelist? codelist = null) =>
        new(name, type, VariableCore.Expected, codelist, description, example);

    private static VariableSpec Perm(string name, VariableType type, string description, string example, Codelist? codelist = null) =>
        new(name, type, VariableCore.Permissible, codelist, description, example);

    private static VariableSpec Sponsor(string name, VariableType type, string description, string example, Codelist? codelist = null) =>
        new(name, type, VariableCore.Permissible, codelist, description, example, IsSponsorExtension: true);
}
