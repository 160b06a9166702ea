using OncoTrial.Clinical.Analyses;
using OncoTrial.Clinical.Pipeline;

namespace OncoTrial.Reporting.Tests.Tables;

/// <summary>
/// The fixed study of the table tests: 8 subjects, every one dosed in 21-day cycles (ANTIBODY 200 mg every cycle,
/// CHEMO 100 mg in induction), measured by RECIST on days 49 and 91 (baseline day -7), with SC characteristics, AEs
/// and two deaths. By design:
/// <list type="bullet">
/// <item>confirmed BOR: S1 CR; S2, S6, S8 PR (S2 then PD); S3, S7 SD; S4 PD; S5 NE (no post-baseline scan): ORR 4/8,
/// DCR 6/8, evaluable 7;</item>
/// <item>ages 55, 70, 62, 66, 58, 49, 65, 71: 4 below 65 and 4 at or above; 5 male, 3 female; PD-L1 CPS 12, 0.5, none,
/// 5, 20, 1, 0, 10; stage IVB but S7 and S8 IVA; lymph-node metastases in all, lung in S1, S2 and S6, liver in S2 and S8;</item>
/// <item>TEAEs in S1-S5 (5/8 = 62.5%, shown 63 by half away from zero; banker's rounding would give 62): nausea S1-S3
/// (3/8), leukopenia S1 g3, S2 g2, S4 g4 (any 3/8, grade ≥ 3 2/8), immune-related hypothyroidism S1 g2 and diarrhoea S2
/// g3 (not related), epistaxis S1 g1 (a bleeding term), fatal pneumonia S5 g5 (leads to discontinuation);</item>
/// <item>deaths: S4 on day 120 (disease progression), S5 on day 30 (adverse event);</item>
/// <item>exposure: S2's CHEMO reduced to 75 mg in cycle 3; S4's cycle 2 given on day 29 (7 days late); S4 stops after 3
/// cycles, S5 after 1; the others enter maintenance (ANTIBODY cycles 5-6).</item>
/// </list>
/// With <c>twoArms</c>, S5-S8 are in arm B.
/// </summary>
internal static class TableStudy
{
    public static TestStudy Build(bool twoArms = false)
    {
        string Arm(int i) => twoArms && i >= 5 ? "Arm B" : "Arm A";
        var study = new TestStudy()
            .Subject("S1", Arm(1), age: 55, sex: "M")
            .Subject("S2", Arm(2), age: 70, sex: "F")
            .Subject("S3", Arm(3), age: 62, sex: "M")
            .Subject("S4", Arm(4), age: 66, sex: "M", deathDay: 120)
            .Subject("S5", Arm(5), age: 58, sex: "F", deathDay: 30, deathCause: "Adverse event")
            .Subject("S6", Arm(6), age: 49, sex: "M")
            .Subject("S7", Arm(7), age: 65, sex: "F")
            .Subject("S8", Arm(8), age: 71, sex: "M")
            .Baseline("S1", ecog: 0, cps: 12)
            .Baseline("S2", ecog: 1, cps: 0.5, liver: true, surgery: true)
            .Baseline("S3", ecog: 1, cps: null)
            .Baseline("S4", ecog: 1, cps: 5, radio: true)
            .Baseline("S5", ecog: 0, cps: 20)
            .Baseline("S6", ecog: 0, cps: 1)
            .Baseline("S7", ecog: 1, cps: 0, surgery: true)
            .Baseline("S8", ecog: 1, cps: 10, liver: true)
            .Characteristic("S1", "STAGE", "IVB").Characteristic("S2", "STAGE", "IVB").Characteristic("S3", "STAGE", "IVB").Characteristic("S4", "STAGE", "IVB")
            .Characteristic("S5", "STAGE", "IVB").Characteristic("S6", "STAGE", "IVB").Characteristic("S7", "STAGE", "IVA").Characteristic("S8", "STAGE", "IVA")
            .Characteristic("S1", "METSITE", "LUNG").Characteristic("S2", "METSITE", "LUNG").Characteristic("S6", "METSITE", "LUNG")
            .Target("S1", "T1", "LUNG", (-7, 50), (49, 0), (91, 0))
            .Target("S2", "T1", "LUNG", (-7, 60), (49, 30), (91, 28), (133, 45))
            .Target("S3", "T1", "LUNG", (-7, 40), (49, 36), (91, 38))
            .Target("S4", "T1", "LUNG", (-7, 50), (49, 70))
            .Target("S5", "T1", "LUNG", (-7, 40))
            .Target("S6", "T1", "LUNG", (-7, 30), (49, 15), (91, 14))
            .Target("S7", "T1", "LUNG", (-7, 45), (49, 44), (91, 46))
            .Target("S8", "T1", "LUNG", (-7, 35), (49, 20), (91, 18))
            .AdverseEvent("S1", "NAUSEA", 10, 1)
            .AdverseEvent("S2", "NAUSEA", 12, 2)
            .AdverseEvent("S3", "NAUSEA", 15, 1)
            .AdverseEvent("S1", "LEUKOPENIA", 20, 3)
            .AdverseEvent("S2", "LEUKOPENIA", 20, 2, action: "DOSE REDUCED")
            .AdverseEvent("S4", "LEUKOPENIA", 25, 4, serious: true)
            .AdverseEvent("S1", "HYPOTHYROIDISM", 60, 2, immune: true)
            .AdverseEvent("S2", "DIARRHOEA", 40, 3, immune: true, related: false)
            .AdverseEvent("S1", "EPISTAXIS", 30, 1)
            .AdverseEvent("S5", "PNEUMONIA", 20, 5, outcome: "FATAL", action: "DRUG WITHDRAWN", serious: true);

        int[] cycleDays = [1, 22, 43, 64, 85, 106];
        for (int s = 1; s <= 8; s++)
        {
            string id = "S" + s;
            int cycles = s switch { 4 => 3, 5 => 1, _ => 6 };
            for (int c = 1; c <= cycles; c++)
            {
                int day = s == 4 && c >= 2 ? cycleDays[c - 1] + 7 : cycleDays[c - 1];
                study.Dose(id, "ANTIBODY", c, day, 200, 200, maintenance: c > 4);
                if (c <= 4)
                {
                    study.Dose(id, "CHEMO", c, day, s == 2 && c >= 3 ? 75 : 100, 100);
                }
            }
        }

        return study;
    }

    public static TrialResults Results(bool twoArms = false, StudyAnalysisOptions? options = null) =>
        Build(twoArms).Analyse(options).Results;
}
