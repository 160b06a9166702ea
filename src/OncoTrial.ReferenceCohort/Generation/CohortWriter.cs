using System.Globalization;
using OncoTrial.Clinical.Recist;
using OncoTrial.Clinical.Study;
using OncoTrial.ReferenceCohort.Planning;

namespace OncoTrial.ReferenceCohort.Generation;

/// <summary>
/// Turns the outcome plan into SDTM source records: DM, SC, DS, EX, TU/TR, CM and TS here; AE, LB and VS by the
/// adverse-event generator from the subjects' courses. Nothing derived is written: no response, no PFS, no RDI, no
/// treatment-emergent flag. Dates come from the plan's study days and each subject's first dose.
/// </summary>
internal static class CohortWriter
{
    /// <summary>STUDYID: the ClinicalTrials.gov number of the seed trial.</summary>
    public const string StudyId = "NCT05013697";

    /// <summary>ARMCD of the one arm.</summary>
    public const string ArmCode = "BAPC";

    /// <summary>ARM of the one arm.</summary>
    public const string Arm = "Benmelstobart + anlotinib + paclitaxel/cisplatin";

    /// <summary>USUBJID of a plan subject id ("01-003" gives "NCT05013697-01-003").</summary>
    public static string UniqueSubjectId(string subjectId) => StudyId + "-" + subjectId;

    /// <summary>ISO 8601 date.</summary>
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Invariant number.</summary>
    public static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>Invariant integer.</summary>
    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The TULOC of a plan site.</summary>
    public static string Location(TumourSite site) => site switch
    {
        TumourSite.Esophagus => "ESOPHAGUS",
        TumourSite.LymphNode => "LYMPH NODE",
        TumourSite.Lung => "LUNG",
        TumourSite.Liver => "LIVER",
        TumourSite.Bone => "BONE",
        TumourSite.AdrenalGland => "ADRENAL GLAND",
        TumourSite.Pleura => "PLEURA",
        _ => throw new ArgumentOutOfRangeException(nameof(site), site, "site: expected a TumourSite member."),
    };

    /// <summary>The DSDECOD of a discontinuation reason (CDISC NCOMPLT).</summary>
    public static string Decode(DiscontinuationReason reason) => reason switch
    {
        DiscontinuationReason.WithdrawalBySubject => "WITHDRAWAL BY SUBJECT",
        DiscontinuationReason.Death => "DEATH",
        DiscontinuationReason.ProgressiveDisease => "PROGRESSIVE DISEASE",
        DiscontinuationReason.AdverseEvent => "ADVERSE EVENT",
        DiscontinuationReason.ProtocolDeviation => "PROTOCOL DEVIATION",
        DiscontinuationReason.LostToFollowUp => "LOST TO FOLLOW-UP",
        DiscontinuationReason.NonComplianceWithStudyDrug => "NON-COMPLIANCE WITH STUDY DRUG",
        DiscontinuationReason.PhysicianDecision => "PHYSICIAN DECISION",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "reason: expected a DiscontinuationReason member."),
    };

    /// <summary>What the investigator wrote (DSTERM) for a discontinuation.</summary>
    public static string Term(DiscontinuationReason reason) => reason switch
    {
        DiscontinuationReason.WithdrawalBySubject => "Patient withdrew consent for study treatment",
        DiscontinuationReason.Death => "Death",
        DiscontinuationReason.ProgressiveDisease => "Disease progression",
        DiscontinuationReason.AdverseEvent => "Unacceptable toxicity",
        DiscontinuationReason.ProtocolDeviation => "Major protocol deviation",
        DiscontinuationReason.LostToFollowUp => "Lost to follow-up",
        DiscontinuationReason.NonComplianceWithStudyDrug => "Poor compliance with study drug",
        DiscontinuationReason.PhysicianDecision => "Investigator decision",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "reason: expected a DiscontinuationReason member."),
    };

    /// <summary>The DSTERM of a death record: the cause as the investigator reports it.</summary>
    public static string DeathTerm(Planning.DeathCause cause) => cause switch
    {
        Planning.DeathCause.ProgressiveDisease => "Death due to disease progression",
        Planning.DeathCause.Covid19 => "Death due to COVID-19",
        Planning.DeathCause.Myelosuppression => "Death due to adverse event: myelosuppression",
        Planning.DeathCause.PulmonaryInfection => "Death due to adverse event: pulmonary infection",
        Planning.DeathCause.IntracranialHemorrhage => "Death due to adverse event: intracranial hemorrhage",
        Planning.DeathCause.EsophagealFistula => "Death due to adverse event: esophageal fistula",
        _ => throw new ArgumentOutOfRangeException(nameof(cause), cause, "cause: expected a DeathCause member."),
    };

    /// <summary>The fatal AE term of an AE death, or null.</summary>
    public static string? FatalAdverseEvent(Planning.DeathCause cause) => cause switch
    {
        Planning.DeathCause.Myelosuppression => AdverseEventCatalogue.Myelosuppression,
        Planning.DeathCause.PulmonaryInfection => AdverseEventCatalogue.LungInfection,
        Planning.DeathCause.IntracranialHemorrhage => AdverseEventCatalogue.IntracranialHemorrhage,
        Planning.DeathCause.EsophagealFistula => AdverseEventCatalogue.EsophagealFistula,
        _ => null,
    };

    /// <summary>The tumour plan of a subject: the lesions follow the planned scans.</summary>
    public static TumourPlan TumourPlanOf(PlannedSubject s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var organs = s.Baseline.MetastaticSites.Select(Location).ToList();
        var scans = s.Scans.Select(x => new ScanIntent(x.Day, x.Response, x.IsTargetSumBelowBaseline, x.Visit)).ToList();
        ProgressionKind? kind = s.Progression is null ? null : s.Progression.ByNewLesion ? ProgressionKind.NewLesion : ProgressionKind.TargetGrowth;
        var progressionOrgans = s.Progression?.Sites.Select(Location).ToList();
        return new TumourPlan(
            UniqueSubjectId(s.SubjectId), s.FirstDoseDate, organs, !s.Baseline.PriorSurgery, s.BaselineScanDay, scans, kind,
            progressionOrgans?.Count ?? 1, progressionOrgans);
    }

    /// <summary>TU and TR records of one subject from its lesions.</summary>
    public static void WriteTumours(DomainTables tables, PlannedSubject s, TumourCourse course)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(course);
        string id = UniqueSubjectId(s.SubjectId);
        int seq = 0;
        foreach (var lesion in course.Lesions)
        {
            tables.Add("TU", new Dictionary<string, string>
            {
                ["STUDYID"] = StudyId,
                ["DOMAIN"] = "TU",
                ["USUBJID"] = id,
                ["TUSEQ"] = Number(++seq),
                ["TULNKID"] = lesion.Id,
                ["TUTESTCD"] = "TUMIDENT",
                ["TUTEST"] = "Tumor Identification",
                ["TUORRES"] = Role(lesion.Role),
                ["TUSTRESC"] = Role(lesion.Role),
                ["TULOC"] = lesion.Location,
                ["TUNODFL"] = lesion.IsNode ? "Y" : "N",
                ["TUMETHOD"] = "CT SCAN",
                ["TUEVAL"] = "INVESTIGATOR",
                ["VISIT"] = lesion.Role == LesionRole.New ? VisitOf(s, lesion.IdentifiedDay) : "BASELINE",
                ["TUDTC"] = Iso(s.DateOf(lesion.IdentifiedDay)),
            });
        }

        seq = 0;
        foreach (var a in course.Assessments.OrderBy(a => a.Date).ThenBy(a => a.LesionId, StringComparer.Ordinal))
        {
            bool measured = a.Role == LesionRole.Target;
            string test = measured ? (a.IsLymphNode ? "LPERP" : "LDIAM") : "TUMSTATE";
            string? result = a.State switch
            {
                LesionState.Measured => Number(a.DiameterMm!.Value),
                LesionState.Absent => measured ? "0" : "ABSENT",
                LesionState.Present => "PRESENT",
                LesionState.UnequivocalProgression => "UNEQUIVOCAL PROGRESSION",
                LesionState.TooSmallToMeasure => "TOO SMALL TO MEASURE",
                _ => null,
            };
            var row = new Dictionary<string, string>
            {
                ["STUDYID"] = StudyId,
                ["DOMAIN"] = "TR",
                ["USUBJID"] = id,
                ["TRSEQ"] = Number(++seq),
                ["TRLNKID"] = a.LesionId,
                ["TRTESTCD"] = test,
                ["TRTEST"] = test switch { "LPERP" => "Longest Perpendicular", "LDIAM" => "Longest Diameter", _ => "Tumor State" },
                ["TRORRES"] = result ?? string.Empty,
                ["TRSTRESC"] = result ?? string.Empty,
                ["TRMETHOD"] = "CT SCAN",
                ["TREVAL"] = "INVESTIGATOR",
                ["TRLOBXFL"] = a.IsBaseline ? "Y" : string.Empty,
                ["VISIT"] = a.Visit ?? string.Empty,
                ["TRDTC"] = Iso(a.Date),
            };
            if (result is null)
            {
                row["TRSTAT"] = "NOT DONE";
            }

            if (measured && a.State is LesionState.Measured or LesionState.Absent)
            {
                row["TRORRESU"] = "mm";
                row["TRSTRESN"] = result!;
                row["TRSTRESU"] = "mm";
            }

            tables.Add("TR", row);
        }
    }

    /// <summary>The DM record of an enrolled subject.</summary>
    public static void WriteDemographics(DomainTables tables, PlannedSubject s, int lastDoseDay, int endDay)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(s);
        var consent = s.DateOf(s.ScreeningDay);
        tables.Add("DM", new Dictionary<string, string>
        {
            ["STUDYID"] = StudyId,
            ["DOMAIN"] = "DM",
            ["USUBJID"] = UniqueSubjectId(s.SubjectId),
            ["SUBJID"] = s.SubjectId,
            ["RFSTDTC"] = Iso(s.FirstDoseDate),
            ["RFENDTC"] = Iso(s.DateOf(endDay)),
            ["RFXSTDTC"] = Iso(s.FirstDoseDate),
            ["RFXENDTC"] = Iso(s.DateOf(lastDoseDay)),
            ["RFICDTC"] = Iso(consent),
            ["RFPENDTC"] = Iso(s.DateOf(endDay)),
            ["DTHDTC"] = s.Death is { } d ? Iso(s.DateOf(d.Day)) : string.Empty,
            ["DTHFL"] = s.Death is null ? string.Empty : "Y",
            ["SITEID"] = Site(s.Site),
            ["BRTHDTC"] = Number(consent.Year - s.Baseline.Age - 1),
            ["AGE"] = Number(s.Baseline.Age),
            ["AGEU"] = "YEARS",
            ["SEX"] = s.Baseline.Sex == PlannedSex.Male ? "M" : "F",
            ["RACE"] = "ASIAN",
            ["ETHNIC"] = "NOT HISPANIC OR LATINO",
            ["ARMCD"] = ArmCode,
            ["ARM"] = Arm,
            ["ACTARMCD"] = ArmCode,
            ["ACTARM"] = Arm,
            ["COUNTRY"] = "CHN",
        });
    }

    /// <summary>The DM record of a screen failure (ARMCD SCRNFAIL, no reference dates).</summary>
    public static void WriteDemographics(DomainTables tables, PlannedScreenFailure f)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(f);
        tables.Add("DM", new Dictionary<string, string>
        {
            ["STUDYID"] = StudyId,
            ["DOMAIN"] = "DM",
            ["USUBJID"] = UniqueSubjectId(f.SubjectId),
            ["SUBJID"] = f.SubjectId,
            ["RFICDTC"] = Iso(f.ScreeningDate),
            ["RFPENDTC"] = Iso(f.EndDate),
            ["SITEID"] = Site(f.Site),
            ["BRTHDTC"] = Number(f.ScreeningDate.Year - f.Age - 1),
            ["AGE"] = Number(f.Age),
            ["AGEU"] = "YEARS",
            ["SEX"] = f.Sex == PlannedSex.Male ? "M" : "F",
            ["RACE"] = "ASIAN",
            ["ETHNIC"] = "NOT HISPANIC OR LATINO",
            ["ARMCD"] = "SCRNFAIL",
            ["ARM"] = "Screen Failure",
            ["ACTARMCD"] = "SCRNFAIL",
            ["ACTARM"] = "Screen Failure",
            ["ARMNRS"] = "SCREEN FAILURE",
            ["COUNTRY"] = "CHN",
        });
    }

    /// <summary>SITEID of a site number: "01" to "05".</summary>
    public static string Site(int site) => site.ToString("00", CultureInfo.InvariantCulture);

    /// <summary>The SC records of an enrolled subject: the paper's Table 1 characteristics, collected at screening.</summary>
    public static void WriteCharacteristics(DomainTables tables, PlannedSubject s)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(s);
        string id = UniqueSubjectId(s.SubjectId);
        string date = Iso(s.DateOf(s.ScreeningDay));
        int seq = 0;
        void Add(string code, string test, string value, string? numeric = null) => tables.Add("SC", new Dictionary<string, string>
        {
            ["STUDYID"] = StudyId,
            ["DOMAIN"] = "SC",
            ["USUBJID"] = id,
            ["SCSEQ"] = Number(++seq),
            ["SCTESTCD"] = code,
            ["SCTEST"] = test,
            ["SCORRES"] = value,
            ["SCSTRESC"] = value,
            ["SCSTRESN"] = numeric ?? string.Empty,
            ["SCDTC"] = date,
        });

        var b = s.Baseline;
        Add("ECOG", "ECOG Performance Status", Number(b.Ecog), Number(b.Ecog));
        Add("STAGE", "Disease Stage", b.Stage.ToString());
        Add("NMETSITE", "Number of Metastatic Sites", Number(b.MetastaticSites.Count), Number(b.MetastaticSites.Count));
        foreach (var site in b.MetastaticSites)
        {
            Add("METSITE", "Metastatic Site", Location(site));
        }

        Add("PRSURG", "Prior Surgery", b.PriorSurgery ? "Y" : "N");
        Add("PRRADIO", "Prior Radiotherapy", b.PriorRadiotherapy ? "Y" : "N");
        if (b.PdL1Cps is { } cps)
        {
            Add("PDL1CPS", "PD-L1 Combined Positive Score", Number(cps), Number(cps));
        }
    }

    /// <summary>The DS records of an enrolled subject: consent, enrolment, the end of each phase, the end of the study, the last survival contact.</summary>
    public static void WriteDisposition(DomainTables tables, PlannedSubject s, int lastInductionDay)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(s);
        string id = UniqueSubjectId(s.SubjectId);
        int seq = 0;
        void Add(string term, string decod, string cat, string scat, string epoch, int day) => tables.Add("DS", new Dictionary<string, string>
        {
            ["STUDYID"] = StudyId,
            ["DOMAIN"] = "DS",
            ["USUBJID"] = id,
            ["DSSEQ"] = Number(++seq),
            ["DSTERM"] = term,
            ["DSDECOD"] = decod,
            ["DSCAT"] = cat,
            ["DSSCAT"] = scat,
            ["EPOCH"] = epoch,
            ["DSSTDTC"] = Iso(s.DateOf(day)),
        });

        Add("Informed consent obtained", "INFORMED CONSENT OBTAINED", "PROTOCOL MILESTONE", string.Empty, "SCREENING", s.ScreeningDay);
        Add("Enrolled", "ENROLLED", "PROTOCOL MILESTONE", string.Empty, "INITIAL THERAPY", 1);
        const string Event = "DISPOSITION EVENT", Initial = "INITIAL THERAPY", Maintenance = "MAINTENANCE THERAPY";
        var t = s.Treatment;
        if (t.InductionDiscontinuation is { } stop)
        {
            Add(stop.Reason == DiscontinuationReason.Death && s.Death is { } d1 ? DeathTerm(d1.Cause) : Term(stop.Reason), Decode(stop.Reason), Event, Initial, Initial, stop.Day);
        }
        else
        {
            Add("Completed initial therapy", "COMPLETED", Event, Initial, Initial, lastInductionDay);
        }

        if (t.MaintenanceDiscontinuation is { } end)
        {
            Add(end.Reason == DiscontinuationReason.Death && s.Death is { } d2 ? DeathTerm(d2.Cause) : Term(end.Reason), Decode(end.Reason), Event, Maintenance, Maintenance, end.Day);
        }

        if (s.Death is { } death)
        {
            Add(DeathTerm(death.Cause), "DEATH", Event, "STUDY", "FOLLOW-UP", death.Day);
        }
        else if (s.StudyExit is { } exit)
        {
            bool withdrawn = exit.Reason == StudyExitReason.WithdrawalBySubject;
            Add(withdrawn ? "Patient withdrew consent from the study" : "Lost to follow-up", withdrawn ? "WITHDRAWAL BY SUBJECT" : "LOST TO FOLLOW-UP", Event, "STUDY", "FOLLOW-UP", exit.Day);
        }
        else
        {
            Add("Alive at survival follow-up contact", "SURVIVAL FOLLOW-UP", "OTHER EVENT", string.Empty, "FOLLOW-UP", s.LastKnownAliveDay);
        }
    }

    /// <summary>The DS records of a screen failure: consent and the screening outcome.</summary>
    public static void WriteDisposition(DomainTables tables, PlannedScreenFailure f)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(f);
        string id = UniqueSubjectId(f.SubjectId);
        tables.Add("DS", new Dictionary<string, string>
        {
            ["STUDYID"] = StudyId,
            ["DOMAIN"] = "DS",
            ["USUBJID"] = id,
            ["DSSEQ"] = "1",
            ["DSTERM"] = "Informed consent obtained",
            ["DSDECOD"] = "INFORMED CONSENT OBTAINED",
            ["DSCAT"] = "PROTOCOL MILESTONE",
            ["EPOCH"] = "SCREENING",
            ["DSSTDTC"] = Iso(f.ScreeningDate),
        });
        bool withdrawn = f.Reason == ScreenFailureReason.ConsentWithdrawn;
        tables.Add("DS", new Dictionary<string, string>
        {
            ["STUDYID"] = StudyId,
            ["DOMAIN"] = "DS",
            ["USUBJID"] = id,
            ["DSSEQ"] = "2",
            ["DSTERM"] = withdrawn ? "Patient withdrew consent during screening" : f.Criterion ?? "Eligibility criteria not met",
            ["DSDECOD"] = withdrawn ? "WITHDRAWAL BY SUBJECT" : "SCREEN FAILURE",
            ["DSCAT"] = "DISPOSITION EVENT",
            ["DSSCAT"] = "SCREENING",
            ["EPOCH"] = "SCREENING",
            ["DSSTDTC"] = Iso(f.EndDate),
        });
    }

    /// <summary>The CM records of the subsequent anticancer therapies of a subject.</summary>
    public static void WriteTherapies(DomainTables tables, PlannedSubject s)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(s);
        int seq = 0;
        foreach (var therapy in s.SubsequentTherapies.OrderBy(t => t.StartDay))
        {
            tables.Add("CM", new Dictionary<string, string>
            {
                ["STUDYID"] = StudyId,
                ["DOMAIN"] = "CM",
                ["USUBJID"] = UniqueSubjectId(s.SubjectId),
                ["CMSEQ"] = Number(++seq),
                ["CMTRT"] = CultureInfo.InvariantCulture.TextInfo.ToTitleCase(therapy.Drug.ToLowerInvariant()),
                ["CMDECOD"] = therapy.Drug,
                ["CMCAT"] = "SUBSEQUENT ANTICANCER THERAPY",
                ["CMSTDTC"] = Iso(s.DateOf(therapy.StartDay)),
            });
        }
    }

    /// <summary>The EX records of a subject.</summary>
    public static void WriteExposure(DomainTables tables, PlannedSubject s, IReadOnlyList<ExposureRecord> records)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(records);
        int seq = 0;
        foreach (var r in records.OrderBy(r => r.StartDay).ThenBy(r => DrugOrder(r.Drug)))
        {
            tables.Add("EX", new Dictionary<string, string>
            {
                ["STUDYID"] = StudyId,
                ["DOMAIN"] = "EX",
                ["USUBJID"] = UniqueSubjectId(s.SubjectId),
                ["EXSEQ"] = Number(++seq),
                ["EXTRT"] = r.Drug,
                ["EXDOSE"] = Number(r.Dose),
                ["EXDOSU"] = r.Unit,
                ["EXDOSFRM"] = r.Form,
                ["EXDOSFRQ"] = r.Frequency,
                ["EXROUTE"] = r.Route,
                ["EXSTDTC"] = Iso(s.DateOf(r.StartDay)),
                ["EXENDTC"] = Iso(s.DateOf(r.EndDay)),
                ["EPOCH"] = r.IsMaintenance ? "MAINTENANCE THERAPY" : "INITIAL THERAPY",
                ["VISIT"] = "CYCLE " + Number(r.Cycle) + " DAY 1",
                ["EXCYCLE"] = Number(r.Cycle),
                ["EXPDOSE"] = Number(r.PlannedDose),
            });
        }
    }

    /// <summary>The TS records: data cutoff, regimen, validation profile, design parameters of the statistical analysis plan.</summary>
    public static void WriteTrialSummary(DomainTables tables, DateOnly cutoff)
    {
        ArgumentNullException.ThrowIfNull(tables);
        (string Code, string Name, string Value)[] parameters =
        [
            ("TITLE", "Trial Title", "First-line benmelstobart plus anlotinib and chemotherapy in advanced or metastatic/recurrent esophageal squamous cell carcinoma: a multi-center phase 2 study (cohort 1)"),
            ("REGISTRY", "Registry Identifier", StudyId),
            ("TPHASE", "Trial Phase Classification", "PHASE II TRIAL"),
            ("DCUTDTC", "Data Cutoff Date", Iso(cutoff)),
            ("REGIMEN", "Regimen", "Benmelstobart + anlotinib + paclitaxel/cisplatin, then benmelstobart + anlotinib"),
            (ValidationProfile.TrialSummaryParameter, "Validation Profile", "seed"),
            ("PLANSUB", "Planned Number of Subjects", "48"),
            ("NCENTERS", "Number of Centers", "5"),
            ("HISTMED", "Historical Control Median PFS (months)", "5.7"),
            ("EXPMED", "Expected Median PFS (months)", "9.8"),
            ("ACCRUAL", "Accrual Period (months)", "12"),
            ("FOLLOWUP", "Follow-up Period (months)", "12"),
            ("ALPHA", "Two-sided Significance Level", "0.05"),
            ("POWER", "Power", "0.8"),
            ("DROPOUT", "Dropout Rate", "0.2"),
        ];
        foreach (var (code, name, value) in parameters)
        {
            tables.Add("TS", new Dictionary<string, string>
            {
                ["STUDYID"] = StudyId,
                ["DOMAIN"] = "TS",
                ["TSSEQ"] = "1",
                ["TSPARMCD"] = code,
                ["TSPARM"] = name,
                ["TSVAL"] = value,
            });
        }
    }

    private static int DrugOrder(string drug) => drug switch
    {
        ExposureBuilder.Benmelstobart => 0,
        ExposureBuilder.Anlotinib => 1,
        ExposureBuilder.Paclitaxel => 2,
        _ => 3,
    };

    private static string Role(LesionRole role) => role switch
    {
        LesionRole.Target => "TARGET",
        LesionRole.NonTarget => "NON-TARGET",
        _ => "NEW",
    };

    private static string VisitOf(PlannedSubject s, int day) => s.Scans.FirstOrDefault(x => x.Day == day)?.Visit ?? "UNSCHEDULED";
}
