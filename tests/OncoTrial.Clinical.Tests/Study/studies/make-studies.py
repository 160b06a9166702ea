#!/usr/bin/env python3
"""Writes valid-minimal/ and broken/<case>/ (each a copy of valid-minimal with ONE defect).

Run from this folder: python3 make-studies.py. The expected.txt golden files are not written here: run the
tests, review broken/<case>/expected.received.txt and rename it to expected.txt to accept it.
"""
import csv, io, os, shutil

S = "NCT05013697"
S1, S2, S3, S4 = (f"{S}-01-1001", f"{S}-01-1002", f"{S}-02-2001", f"{S}-02-2002")
ARM = "Benmelstobart + anlotinib + paclitaxel/cisplatin"

def t(header, rows):
    return [header.split(",")] + [r.split("|") for r in rows]

VALID = {
"dm": t("STUDYID,DOMAIN,USUBJID,SUBJID,SITEID,RFICDTC,RFSTDTC,RFENDTC,RFXSTDTC,RFXENDTC,BRTHDTC,AGE,AGEU,SEX,RACE,COUNTRY,DTHFL,DTHDTC,ARMCD,ARM,ACTARMCD,ACTARM", [
    f"{S}|DM|{S1}|1001|01|2021-09-03|2021-09-10||2021-09-10|2021-10-22|1957|64|YEARS|M|ASIAN|CHN|||BAPC|{ARM}|BAPC|{ARM}",
    f"{S}|DM|{S2}|1002|01|2021-10-01|2021-10-08|2022-03-15|2021-10-08|2021-10-21|1950-06|71|YEARS|F|ASIAN|CHN|Y|2022-03-15|BAPC|{ARM}|BAPC|{ARM}",
    f"{S}|DM|{S3}|2001|02|2022-01-05|2022-01-12|2022-03-01|2022-01-12|2022-01-25||58|YEARS|M|ASIAN|CHN|||BAPC|{ARM}|BAPC|{ARM}",
    f"{S}|DM|{S4}|2002|02|2022-02-01||2022-02-08||||66|YEARS|M|ASIAN|CHN|||SCRNFAIL|Screen Failure||",
]),
"sc": t("STUDYID,DOMAIN,USUBJID,SCSEQ,SCTESTCD,SCTEST,SCORRES,SCSTRESC,SCSTRESN,SCDTC", [
    f"{S}|SC|{S1}|1|ECOG|ECOG Performance Status|1|1|1|2021-09-03",
    f"{S}|SC|{S1}|2|STAGE|Disease Stage|IVB|IVB||2021-09-03",
    f"{S}|SC|{S1}|3|PDL1CPS|PD-L1 Combined Positive Score|5|5|5|2021-09-03",
    f"{S}|SC|{S1}|4|METSITE|Metastatic Site|Lymph node|LYMPH NODE||2021-09-03",
    f"{S}|SC|{S1}|5|METSITE|Metastatic Site|Lung|LUNG||2021-09-03",
    f"{S}|SC|{S1}|6|NMETSITE|Number of Metastatic Sites|2|2|2|2021-09-03",
    f"{S}|SC|{S1}|7|PRSURG|Prior Surgery|No|N||2021-09-03",
    f"{S}|SC|{S1}|8|PRRADIO|Prior Radiotherapy|No|N||2021-09-03",
    f"{S}|SC|{S2}|1|ECOG|ECOG Performance Status|0|0|0|2021-10-01",
    f"{S}|SC|{S2}|2|STAGE|Disease Stage|IVB|IVB||2021-10-01",
    f"{S}|SC|{S2}|3|PDL1CPS|PD-L1 Combined Positive Score|<1|0|0|2021-10-01",
    f"{S}|SC|{S2}|4|METSITE|Metastatic Site|Liver|LIVER||2021-10-01",
    f"{S}|SC|{S2}|5|NMETSITE|Number of Metastatic Sites|1|1|1|2021-10-01",
    f"{S}|SC|{S2}|6|PRSURG|Prior Surgery|Yes|Y||2021-10-01",
    f"{S}|SC|{S2}|7|PRRADIO|Prior Radiotherapy|No|N||2021-10-01",
    f"{S}|SC|{S3}|1|ECOG|ECOG Performance Status|1|1|1|2022-01-05",
    f"{S}|SC|{S3}|2|STAGE|Disease Stage|IVA|IVA||2022-01-05",
    f"{S}|SC|{S3}|3|PDL1CPS|PD-L1 Combined Positive Score|12|12|12|2022-01-05",
    f"{S}|SC|{S3}|4|METSITE|Metastatic Site|Lymph node|LYMPH NODE||2022-01-05",
    f"{S}|SC|{S3}|5|NMETSITE|Number of Metastatic Sites|1|1|1|2022-01-05",
    f"{S}|SC|{S3}|6|PRSURG|Prior Surgery|No|N||2022-01-05",
    f"{S}|SC|{S3}|7|PRRADIO|Prior Radiotherapy|Yes|Y||2022-01-05",
]),
"ds": t("STUDYID,DOMAIN,USUBJID,DSSEQ,DSTERM,DSDECOD,DSCAT,DSSCAT,EPOCH,DSSTDTC", [
    f"{S}|DS|{S1}|1|Informed consent obtained|INFORMED CONSENT OBTAINED|PROTOCOL MILESTONE|||2021-09-03",
    f"{S}|DS|{S1}|2|Enrolled|ENROLLED|PROTOCOL MILESTONE|||2021-09-10",
    f"{S}|DS|{S2}|1|Informed consent obtained|INFORMED CONSENT OBTAINED|PROTOCOL MILESTONE|||2021-10-01",
    f"{S}|DS|{S2}|2|Enrolled|ENROLLED|PROTOCOL MILESTONE|||2021-10-08",
    f"{S}|DS|{S2}|3|Disease progression|PROGRESSIVE DISEASE|DISPOSITION EVENT|INITIAL THERAPY|INITIAL THERAPY|2021-11-19",
    f"{S}|DS|{S2}|4|Death|DEATH|DISPOSITION EVENT|STUDY|FOLLOW-UP|2022-03-15",
    f"{S}|DS|{S3}|1|Informed consent obtained|INFORMED CONSENT OBTAINED|PROTOCOL MILESTONE|||2022-01-05",
    f"{S}|DS|{S3}|2|Enrolled|ENROLLED|PROTOCOL MILESTONE|||2022-01-12",
    f"{S}|DS|{S3}|3|Patient withdrew consent|WITHDRAWAL BY SUBJECT|DISPOSITION EVENT|INITIAL THERAPY|INITIAL THERAPY|2022-03-01",
    f"{S}|DS|{S4}|1|Informed consent obtained|INFORMED CONSENT OBTAINED|PROTOCOL MILESTONE|||2022-02-01",
    f"{S}|DS|{S4}|2|Ineligibility: inadequate organ function|SCREEN FAILURE|DISPOSITION EVENT|SCREENING|SCREENING|2022-02-08",
]),
"ex": t("STUDYID,DOMAIN,USUBJID,EXSEQ,EXTRT,EXDOSE,EXDOSU,EXDOSFRQ,EXROUTE,EXSTDTC,EXENDTC,EPOCH,VISIT,EXCYCLE,EXPDOSE", [
    f"{S}|EX|{S1}|1|BENMELSTOBART|1200|mg|ONCE|INTRAVENOUS|2021-09-10|2021-09-10|INITIAL THERAPY|CYCLE 1|1|1200",
    f"{S}|EX|{S1}|2|ANLOTINIB|10|mg|QD|ORAL|2021-09-10|2021-09-23|INITIAL THERAPY|CYCLE 1|1|10",
    f"{S}|EX|{S1}|3|PACLITAXEL|135|mg/m2|ONCE|INTRAVENOUS|2021-09-10|2021-09-10|INITIAL THERAPY|CYCLE 1|1|135",
    f"{S}|EX|{S1}|4|CISPLATIN|75|mg/m2|ONCE|INTRAVENOUS|2021-09-10|2021-09-10|INITIAL THERAPY|CYCLE 1|1|75",
    f"{S}|EX|{S1}|5|BENMELSTOBART|1200|mg|ONCE|INTRAVENOUS|2021-10-01|2021-10-01|INITIAL THERAPY|CYCLE 2|2|1200",
    f"{S}|EX|{S1}|6|ANLOTINIB|8|mg|QD|ORAL|2021-10-01|2021-10-14|INITIAL THERAPY|CYCLE 2|2|10",
    f"{S}|EX|{S1}|7|BENMELSTOBART|1200|mg|ONCE|INTRAVENOUS|2021-10-22|2021-10-22|INITIAL THERAPY|CYCLE 3|3|1200",
    f"{S}|EX|{S2}|1|BENMELSTOBART|1200|mg|ONCE|INTRAVENOUS|2021-10-08|2021-10-08|INITIAL THERAPY|CYCLE 1|1|1200",
    f"{S}|EX|{S2}|2|ANLOTINIB|10|mg|QD|ORAL|2021-10-08|2021-10-21|INITIAL THERAPY|CYCLE 1|1|10",
    f"{S}|EX|{S3}|1|BENMELSTOBART|1200|mg|ONCE|INTRAVENOUS|2022-01-12|2022-01-12|INITIAL THERAPY|CYCLE 1|1|1200",
    f"{S}|EX|{S3}|2|PACLITAXEL|120|mg/m2|ONCE|INTRAVENOUS|2022-01-12|2022-01-12|INITIAL THERAPY|CYCLE 1|1|135",
    f"{S}|EX|{S3}|3|ANLOTINIB|10|mg|QD|ORAL|2022-01-12|2022-01-25|INITIAL THERAPY|CYCLE 1|1|10",
]),
"tu": t("STUDYID,DOMAIN,USUBJID,TUSEQ,TULNKID,TUTESTCD,TUTEST,TUORRES,TULOC,TULAT,TUNODFL,TUMETHOD,TUEVAL,VISIT,TUDTC", [
    f"{S}|TU|{S1}|1|T01|TUMIDENT|Tumor Identification|TARGET|LUNG|RIGHT|N|CT SCAN|INVESTIGATOR|SCREENING|2021-09-06",
    f"{S}|TU|{S1}|2|T02|TUMIDENT|Tumor Identification|TARGET|MEDIASTINAL LYMPH NODE||Y|CT SCAN|INVESTIGATOR|SCREENING|2021-09-06",
    f"{S}|TU|{S1}|3|NT01|TUMIDENT|Tumor Identification|NON-TARGET|LIVER||N|CT SCAN|INVESTIGATOR|SCREENING|2021-09-06",
    f"{S}|TU|{S2}|1|T01|TUMIDENT|Tumor Identification|TARGET|LIVER||N|CT SCAN|INVESTIGATOR|SCREENING|2021-10-04",
    f"{S}|TU|{S2}|2|NEW01|TUMIDENT|Tumor Identification|NEW|LUNG|LEFT|N|CT SCAN|INVESTIGATOR|WEEK 6|2021-11-19",
    f"{S}|TU|{S3}|1|T01|TUMIDENT|Tumor Identification|TARGET|ESOPHAGUS||N|CT SCAN|INVESTIGATOR|SCREENING|2022-01-07",
]),
"tr": t("STUDYID,DOMAIN,USUBJID,TRSEQ,TRLNKID,TRTESTCD,TRTEST,TRORRES,TRORRESU,TRSTRESC,TRSTRESN,TRSTRESU,TRLOBXFL,VISIT,TRDTC", [
    f"{S}|TR|{S1}|1|T01|LDIAM|Longest Diameter|23|mm|23|23|mm|Y|SCREENING|2021-09-06",
    f"{S}|TR|{S1}|2|T02|LPERP|Longest Perpendicular|18|mm|18|18|mm|Y|SCREENING|2021-09-06",
    f"{S}|TR|{S1}|3|NT01|TUMSTATE|Tumor State|PRESENT||PRESENT|||Y|SCREENING|2021-09-06",
    f"{S}|TR|{S1}|4|T01|LDIAM|Longest Diameter|15|mm|15|15|mm||WEEK 6|2021-10-22",
    f"{S}|TR|{S1}|5|T02|LPERP|Longest Perpendicular|9|mm|9|9|mm||WEEK 6|2021-10-22",
    f"{S}|TR|{S1}|6|NT01|TUMSTATE|Tumor State|PRESENT||PRESENT||||WEEK 6|2021-10-22",
    f"{S}|TR|{S2}|1|T01|LDIAM|Longest Diameter|30|mm|30|30|mm|Y|SCREENING|2021-10-04",
    f"{S}|TR|{S2}|2|T01|LDIAM|Longest Diameter|40|mm|40|40|mm||WEEK 6|2021-11-19",
    f"{S}|TR|{S2}|3|NEW01|TUMSTATE|Tumor State|PRESENT||PRESENT||||WEEK 6|2021-11-19",
    f"{S}|TR|{S3}|1|T01|LDIAM|Longest Diameter|25|mm|25|25|mm|Y|SCREENING|2022-01-07",
    f"{S}|TR|{S3}|2|T01|LDIAM|Longest Diameter|24|mm|24|24|mm||WEEK 6|2022-02-23",
]),
"rs": t("STUDYID,DOMAIN,USUBJID,RSSEQ,RSTESTCD,RSTEST,RSCAT,RSORRES,RSSTRESC,RSEVAL,VISIT,RSDTC", [
    f"{S}|RS|{S1}|1|OVRLRESP|Overall Response|RECIST 1.1|PR|PR|INVESTIGATOR|WEEK 6|2021-10-22",
    f"{S}|RS|{S2}|1|OVRLRESP|Overall Response|RECIST 1.1|PD|PD|INVESTIGATOR|WEEK 6|2021-11-19",
    f"{S}|RS|{S3}|1|OVRLRESP|Overall Response|RECIST 1.1|SD|SD|INVESTIGATOR|WEEK 6|2022-02-23",
]),
"ae": t("STUDYID,DOMAIN,USUBJID,AESEQ,AETERM,AEDECOD,AEBODSYS,AESTDTC,AEENDTC,AETOXGR,AESER,AEREL,AERELBEN,AERELANL,AERELPAC,AERELCIS,AEACN,AEOUT,AESDTH,AEIRFL", [
    f"{S}|AE|{S1}|1|Low white cells|White blood cell decreased|Investigations|2021-09-24|2021-10-01|3|N|Y|N|N|Y|Y|DOSE NOT CHANGED|RECOVERED/RESOLVED|N|N",
    f"{S}|AE|{S1}|2|Hair loss|Alopecia|Skin and subcutaneous tissue disorders|2021-09-30||1|N|Y|N|N|Y|N|DOSE NOT CHANGED|NOT RECOVERED/NOT RESOLVED|N|N",
    f"{S}|AE|{S2}|1|Poor appetite|Anorexia|Metabolism and nutrition disorders|2021-10-15|2021-11-02|2|N|Y|N|Y|N|N|DOSE REDUCED|RECOVERED/RESOLVED|N|N",
    f"{S}|AE|{S3}|1|Hypothyroidism|Hypothyroidism|Endocrine disorders|2022-02-20||2|N|Y|Y|N|N|N|DOSE NOT CHANGED|NOT RECOVERED/NOT RESOLVED|N|Y",
]),
"lb": t("STUDYID,DOMAIN,USUBJID,LBSEQ,LBTESTCD,LBTEST,LBCAT,LBORRES,LBORRESU,LBSTRESC,LBSTRESN,LBSTRESU,LBSTNRLO,LBSTNRHI,LBNRIND,VISIT,LBDTC", [
    f"{S}|LB|{S1}|1|WBC|Leukocytes|HEMATOLOGY|5.6|10^9/L|5.6|5.6|10^9/L|3.5|9.5|NORMAL|SCREENING|2021-09-06",
    f"{S}|LB|{S1}|2|WBC|Leukocytes|HEMATOLOGY|1.8|10^9/L|1.8|1.8|10^9/L|3.5|9.5|LOW|CYCLE 1 DAY 15|2021-09-24",
    f"{S}|LB|{S2}|1|WBC|Leukocytes|HEMATOLOGY|6.1|10^9/L|6.1|6.1|10^9/L|3.5|9.5|NORMAL|SCREENING|2021-10-04",
    f"{S}|LB|{S3}|1|TSH|Thyrotropin|CHEMISTRY|12.4|mIU/L|12.4|12.4|mIU/L|0.27|4.2|HIGH|WEEK 6|2022-02-20",
]),
"vs": t("STUDYID,DOMAIN,USUBJID,VSSEQ,VSTESTCD,VSTEST,VSORRES,VSORRESU,VSSTRESN,VSSTRESU,VISIT,VSDTC", [
    f"{S}|VS|{S1}|1|HEIGHT|Height|170|cm|170|cm|SCREENING|2021-09-06",
    f"{S}|VS|{S1}|2|WEIGHT|Weight|61.5|kg|61.5|kg|SCREENING|2021-09-06",
    f"{S}|VS|{S1}|3|SYSBP|Systolic Blood Pressure|128|mmHg|128|mmHg|SCREENING|2021-09-06",
    f"{S}|VS|{S1}|4|DIABP|Diastolic Blood Pressure|80|mmHg|80|mmHg|SCREENING|2021-09-06",
    f"{S}|VS|{S2}|1|HEIGHT|Height|158|cm|158|cm|SCREENING|2021-10-04",
    f"{S}|VS|{S2}|2|WEIGHT|Weight|50.2|kg|50.2|kg|SCREENING|2021-10-04",
    f"{S}|VS|{S3}|1|HEIGHT|Height|175|cm|175|cm|SCREENING|2022-01-07",
    f"{S}|VS|{S3}|2|WEIGHT|Weight|70|kg|70|kg|SCREENING|2022-01-07",
]),
"cm": t("STUDYID,DOMAIN,USUBJID,CMSEQ,CMTRT,CMDECOD,CMCAT,CMSTDTC,CMENDTC", [
    f"{S}|CM|{S2}|1|Docetaxel|DOCETAXEL|SUBSEQUENT ANTICANCER THERAPY|2021-12|2022-02",
    f"{S}|CM|{S3}|1|Levothyroxine|LEVOTHYROXINE|CONCOMITANT MEDICATION|2022-02-22|",
]),
"ts": t("STUDYID,DOMAIN,TSSEQ,TSPARMCD,TSPARM,TSVAL", [
    f"{S}|TS|1|DCUTDTC|Data Cutoff Date|2024-04-01",
    f"{S}|TS|1|REGIMEN|Regimen|Benmelstobart + anlotinib + paclitaxel/cisplatin, then benmelstobart + anlotinib",
    f"{S}|TS|1|TITLE|Trial Title|First-line benmelstobart plus anlotinib and chemotherapy in advanced ESCC",
]),
}

def render(table):
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(table)
    return out.getvalue()

def write_study(path, tables, raw=None):
    if os.path.exists(path):
        for f in os.listdir(path):
            if f.endswith(".csv"):
                os.remove(os.path.join(path, f))
    os.makedirs(path, exist_ok=True)
    for name, table in tables.items():
        with open(os.path.join(path, name + ".csv"), "w", encoding="utf-8", newline="") as f:
            f.write(render(table))
    for name, data in (raw or {}).items():
        with open(os.path.join(path, name), "wb") as f:
            f.write(data)

def copy():
    return {k: [list(r) for r in v] for k, v in VALID.items()}

def col(table, name):
    return table[0].index(name)

def setv(tables, dom, row, name, value):
    tables[dom][row][col(tables[dom], name)] = value

CASES = {}
def case(fn):
    CASES[fn.__name__.replace("_", "-")] = fn
    return fn

@case
def missing_file_ae(t): del t["ae"]
@case
def missing_dm(t): del t["dm"]
@case
def missing_column_aetoxgr(t):
    i = col(t["ae"], "AETOXGR")
    for r in t["ae"]: del r[i]
@case
def decimal_comma(t): setv(t, "vs", 2, "VSSTRESN", "61,5")
@case
def missing_code_na(t): setv(t, "lb", 4, "LBSTRESN", "N/A")
@case
def date_not_iso(t): setv(t, "ae", 1, "AESTDTC", "24/09/2021")
@case
def date_impossible_day(t): setv(t, "ae", 1, "AEENDTC", "2021-02-30")
@case
def date_impossible_month(t): setv(t, "lb", 3, "LBDTC", "2021-13")
@case
def duplicate_subject(t): t["dm"].insert(2, list(t["dm"][1]))
@case
def duplicate_record(t):
    r = list(t["ae"][1]); r[col(t["ae"], "AESEQ")] = "3"; t["ae"].insert(3, r)
@case
def duplicate_seq(t): setv(t, "ae", 2, "AESEQ", "1")
@case
def unknown_subject(t): setv(t, "lb", 3, "USUBJID", f"{S}-01-1020")
@case
def death_before_first_dose(t): setv(t, "dm", 2, "DTHDTC", "2021-10-05")
@case
def assessment_before_consent(t): setv(t, "vs", 5, "VSDTC", "2021-09-20")
@case
def ae_end_before_start(t): setv(t, "ae", 3, "AEENDTC", "2021-10-10")
@case
def six_target_lesions(t):
    for i, loc in enumerate(["ADRENAL GLAND", "PERITONEUM", "PLEURA", "SPLEEN"], start=4):
        t["tu"].insert(3, [S, "TU", S1, str(i), f"T0{i-1}", "TUMIDENT", "Tumor Identification", "TARGET", loc, "", "N", "CT SCAN", "INVESTIGATOR", "SCREENING", "2021-09-06"])
@case
def three_targets_in_one_organ(t):
    for i, lat in [(4, "LEFT"), (5, "LEFT")]:
        t["tu"].insert(3, [S, "TU", S1, str(i), f"T0{i-1}", "TUMIDENT", "Tumor Identification", "TARGET", "LUNG", lat, "N", "CT SCAN", "INVESTIGATOR", "SCREENING", "2021-09-06"])
@case
def small_target_node(t):
    for c in ("TRORRES", "TRSTRESC", "TRSTRESN"): setv(t, "tr", 2, c, "12")
@case
def lesion_never_identified(t):
    t["tr"].insert(7, [S, "TR", S1, "7", "T03", "LDIAM", "Longest Diameter", "11", "mm", "11", "11", "mm", "", "WEEK 6", "2021-10-22"])
@case
def alopecia_grade_3(t): setv(t, "ae", 2, "AETOXGR", "3")
@case
def unknown_dose_unit(t): setv(t, "ex", 2, "EXDOSU", "ml")
@case
def value_not_allowed(t): setv(t, "dm", 3, "SEX", "Male")
@case
def cutoff_missing(t): del t["ts"][1]
@case
def ragged_row(t): t["ae"][3].append("extra")
@case
def small_target_lesion(t):
    for c in ("TRORRES", "TRSTRESC", "TRSTRESN"): setv(t, "tr", 10, c, "8")
@case
def grade5_not_fatal(t): setv(t, "ae", 3, "AETOXGR", "5")
@case
def death_flag_without_date(t): setv(t, "dm", 2, "DTHDTC", "")
@case
def studyid_mismatch(t): setv(t, "vs", 1, "STUDYID", "NCT05013679")
@case
def required_value_empty(t): setv(t, "ae", 4, "AEDECOD", "")
@case
def lab_range_inverted(t): setv(t, "lb", 1, "LBSTNRLO", "9.5"); setv(t, "lb", 1, "LBSTNRHI", "3.5")
@case
def column_duplicate(t):
    for r in t["cm"]: r.append(r[col(t["cm"], "CMDECOD")])
@case
def events_after_cutoff(t):
    t["ex"].append([S, "EX", S1, "8", "BENMELSTOBART", "1200", "mg", "ONCE", "INTRAVENOUS", "2024-04-10", "2024-04-10", "MAINTENANCE THERAPY", "CYCLE 4", "4", "1200"])
    t["ae"].append([S, "AE", S1, "3", "Rash", "Rash maculo-papular", "Skin and subcutaneous tissue disorders", "2024-04-15", "", "1", "N", "Y", "Y", "N", "N", "N", "DOSE NOT CHANGED", "NOT RECOVERED/NOT RESOLVED", "N", "Y"])
    t["tr"].append([S, "TR", S1, "7", "T01", "LDIAM", "Longest Diameter", "14", "mm", "14", "14", "mm", "", "WEEK 134", "2024-04-20"])
    t["lb"].append([S, "LB", S1, "3", "WBC", "Leukocytes", "HEMATOLOGY", "4.9", "10^9/L", "4.9", "4.9", "10^9/L", "3.5", "9.5", "NORMAL", "CYCLE 4 DAY 1", "2024-04-02"])
@case
def target_after_baseline(t): setv(t, "tu", 5, "TUORRES", "TARGET")
@case
def nodal_target_long_axis(t): setv(t, "tr", 2, "TRTESTCD", "LDIAM"); setv(t, "tr", 2, "TRTEST", "Longest Diameter")
@case
def death_without_ds_record(t): del t["ds"][6]
@case
def two_ends_of_one_phase(t):
    t["ds"].insert(10, [S, "DS", S3, "4", "Adverse event", "ADVERSE EVENT", "DISPOSITION EVENT", "INITIAL THERAPY", "INITIAL THERAPY", "2022-03-01"])
@case
def dose_to_screen_failure(t):
    t["ex"].append([S, "EX", S4, "1", "BENMELSTOBART", "1200", "mg", "ONCE", "INTRAVENOUS", "2022-02-10", "2022-02-10", "INITIAL THERAPY", "CYCLE 1", "1", "1200"])
@case
def baseline_characteristic_invalid(t):
    for c in ("SCORRES", "SCSTRESC", "SCSTRESN"): setv(t, "sc", 1, c, "6")
    setv(t, "sc", 15, "SCSTRESC", "Yes")
    for c in ("SCORRES", "SCSTRESC", "SCSTRESN"): setv(t, "sc", 18, c, "120")
@case
def cycle_out_of_order(t): setv(t, "ex", 7, "EXCYCLE", "1")

def raw_case(name, dom, transform):
    t = copy()
    data = transform(render(t.pop(dom)))
    write_study(os.path.join("broken", name), t, {dom + ".csv": data})

if __name__ == "__main__":
    os.chdir(os.path.dirname(os.path.abspath(__file__)))
    write_study("valid-minimal", VALID)
    for name, fn in CASES.items():
        t = copy(); fn(t); write_study(os.path.join("broken", name), t)
    raw_case("not-utf8", "ae", lambda s: s.replace("Hair loss", "Hair loss \xe9").encode("latin-1"))
    raw_case("utf16", "vs", lambda s: s.encode("utf-16"))
    raw_case("unterminated-quote", "cm", lambda s: (s.rstrip("\n") + ',"oops\n').encode("utf-8"))
