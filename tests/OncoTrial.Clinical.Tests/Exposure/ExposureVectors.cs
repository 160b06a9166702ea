using OncoTrial.Clinical.Exposure;

namespace OncoTrial.Clinical.Tests.Exposure;

/// <summary>The worked vectors of docs/reference/dosing-and-rdi.md §2 and small hand-made administrations.</summary>
internal static class ExposureVectors
{
    public static readonly DateOnly Day1 = new(2023, 1, 1);

    /// <summary>Cycle day 1 of the worked vectors: study days 1, 22, 50 (cycle 3 delayed 7 days) and 71.</summary>
    public static readonly int[] VectorDays = [1, 22, 50, 71];

    public static DateOnly D(int studyDay) => Day1.AddDays(studyDay - 1);

    public static Administration Once(string subject, string drug, int studyDay, int cycle, double dose, double? planned, string unit = "mg", TreatmentPhase? phase = TreatmentPhase.Induction) =>
        new(subject, drug, D(studyDay), D(studyDay), dose, unit, 1, cycle, phase, planned, 0);

    public static Administration Daily(string subject, string drug, int studyDay, int days, int cycle, double dose, double? planned, TreatmentPhase? phase = TreatmentPhase.Induction) =>
        new(subject, drug, D(studyDay), D(studyDay + days - 1), dose, "mg", days, cycle, phase, planned, 0);

    /// <summary>Drug A: benmelstobart 1200 mg IV day 1, four full doses.</summary>
    public static IEnumerable<Administration> VectorA(string subject = "S1") =>
        VectorDays.Select((day, i) => Once(subject, "BENMELSTOBART", day, i + 1, 1200, 1200));

    /// <summary>Drug B: anlotinib 10 mg QD days 1-14; C2 at 8 mg, C3 11 of 14 doses.</summary>
    public static IEnumerable<Administration> VectorB(string subject = "S1") =>
    [
        Daily(subject, "ANLOTINIB", 1, 14, 1, 10, 10),
        Daily(subject, "ANLOTINIB", 22, 14, 2, 8, 10),
        Daily(subject, "ANLOTINIB", 50, 11, 3, 10, 10),
        Daily(subject, "ANLOTINIB", 71, 14, 4, 10, 10),
    ];

    /// <summary>Drug C: cisplatin 75 mg/m2 day 1; C2 reduced to 60 mg/m2 (planned: <paramref name="plannedC2"/>).</summary>
    public static IEnumerable<Administration> VectorC(string subject = "S1", double plannedC2 = 75) =>
    [
        Once(subject, "CISPLATIN", 1, 1, 75, 75, "mg/m2"),
        Once(subject, "CISPLATIN", 22, 2, 60, plannedC2, "mg/m2"),
        Once(subject, "CISPLATIN", 50, 3, 75, 75, "mg/m2"),
        Once(subject, "CISPLATIN", 71, 4, 75, 75, "mg/m2"),
    ];

    public static DrugExposure Whole(IReadOnlyList<DrugExposure> exposures, string drug, string subject = "S1") =>
        exposures.Single(e => e.Subject == subject && e.Drug == drug && e.Phase is null);
}
