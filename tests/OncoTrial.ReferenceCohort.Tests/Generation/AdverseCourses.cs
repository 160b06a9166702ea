using System.Globalization;
using System.Text;
using OncoTrial.Clinical.Data;
using OncoTrial.Clinical.Study;
using OncoTrial.ReferenceCohort.Generation;

namespace OncoTrial.ReferenceCohort.Tests.Generation;

/// <summary>
/// A plausible set of 50 treatment courses shaped like the paper's Fig. 1 (made here, independently of the lead's
/// schedule): 14 subjects stopping in induction (8 voluntary withdrawals, 2 deaths, progression, an AE, a protocol
/// deviation, a loss to follow-up), 36 entering maintenance after 4-6 induction cycles, 17 of them still on treatment at
/// the cutoff; 19 deaths (4 from AEs naming their fatal AE, 2 from COVID-19, 13 from progression); 8 with prior
/// radiotherapy, the grade 5 fistula among them. And the smallest study folder around the generator's output: DM, EX
/// (a dose per drug and cycle) and TS beside the AE, LB and VS the writer makes.
/// </summary>
internal static class AdverseCourses
{
    public const string StudyId = "NCT05013697";

    public static readonly DateOnly Cutoff = new(2024, 4, 1);

    private enum Stop
    {
        Ongoing,
        Voluntary,
        Progression,
        AdverseEvent,
        Death,
        Other,
    }

    public static IReadOnlyList<SubjectCourse> Fifty(int seed = 20240401)
    {
        var random = new Random(seed);

        // (induction cycles, maintenance cycles or -1 for "until the cutoff", why treatment stopped, death, fatal AE)
        var plans = new List<(int Induction, int Maintenance, Stop Stop, DeathCause? Death, string? Fatal)>
        {
            // Induction: 14 stop.
            (1, 0, Stop.Voluntary, null, null), (2, 0, Stop.Voluntary, null, null), (1, 0, Stop.Voluntary, DeathCause.Progression, null),
            (3, 0, Stop.Voluntary, null, null), (2, 0, Stop.Voluntary, DeathCause.Progression, null), (1, 0, Stop.Voluntary, null, null),
            (3, 0, Stop.Voluntary, null, null), (2, 0, Stop.Voluntary, null, null),
            (2, 0, Stop.Death, DeathCause.AdverseEvent, AdverseEventCatalogue.Myelosuppression), (1, 0, Stop.Death, DeathCause.Covid19, null),
            (2, 0, Stop.Progression, DeathCause.Progression, null), (2, 0, Stop.AdverseEvent, null, null),
            (3, 0, Stop.Other, null, null), (1, 0, Stop.Other, DeathCause.Progression, null),

            // Maintenance: 19 stop (9 progression, 5 deaths, 5 other), 17 ongoing.
            (4, 6, Stop.Progression, DeathCause.Progression, null), (5, 9, Stop.Progression, DeathCause.Progression, null), (6, 3, Stop.Progression, DeathCause.Progression, null),
            (5, 12, Stop.Progression, DeathCause.Progression, null), (4, 2, Stop.Progression, DeathCause.Progression, null), (6, 15, Stop.Progression, null, null),
            (5, 7, Stop.Progression, DeathCause.Progression, null), (4, 4, Stop.Progression, DeathCause.Progression, null), (6, 10, Stop.Progression, DeathCause.Progression, null),
            (5, 5, Stop.Death, DeathCause.AdverseEvent, AdverseEventCatalogue.IntracranialHemorrhage),
            (6, 8, Stop.Death, DeathCause.AdverseEvent, AdverseEventCatalogue.EsophagealFistula),
            (4, 3, Stop.Death, DeathCause.AdverseEvent, AdverseEventCatalogue.LungInfection),
            (5, 11, Stop.Death, DeathCause.Covid19, null), (6, 4, Stop.Death, DeathCause.Progression, null),
            (5, 6, Stop.Voluntary, null, null), (4, 9, Stop.Voluntary, null, null), (6, 2, Stop.Voluntary, DeathCause.Progression, null),
            (5, 14, Stop.Other, null, null), (4, 5, Stop.Other, null, null),
        };
        for (int i = 0; i < 17; i++)
        {
            plans.Add((4 + (i % 3), -1, Stop.Ongoing, null, null));
        }

        int[] priorRadiotherapy = [3, 12, 17, 24, 29, 38, 44, 47];
        var courses = new List<SubjectCourse>();
        for (int i = 0; i < plans.Count; i++)
        {
            var (induction, maintenance, stop, death, fatal) = plans[i];

            // Enrolment from September 2021 to November 2023, the plans shuffled over it.
            int order = i * 17 % 50;
            var firstDose = new DateOnly(2021, 9, 15).AddDays((order * 16) + random.Next(10));
            int cutoffDay = Cutoff.DayNumber - firstDose.DayNumber + 1;
            var cycleDays = new List<int> { 1 };
            int total = maintenance < 0 ? int.MaxValue : induction + maintenance;
            while (cycleDays.Count < total)
            {
                int next = cycleDays[^1] + 21 + (random.NextDouble() < 0.12 ? 7 : 0);
                if (next + 13 > cutoffDay - 7)
                {
                    break;
                }

                cycleDays.Add(next);
            }

            int lastDose = cycleDays[^1] + 13;
            int? deathDay = death switch
            {
                DeathCause.AdverseEvent => lastDose + 3 + random.Next(15),
                DeathCause.Covid19 => lastDose + 8 + random.Next(40),
                DeathCause.Progression => Math.Min(cutoffDay - 5, lastDose + 60 + random.Next(300)),
                _ => null,
            };
            int lastAlive = deathDay ?? (stop == Stop.Ongoing ? cutoffDay : Math.Min(cutoffDay, lastDose + 30 + random.Next(300)));
            string id = string.Create(CultureInfo.InvariantCulture, $"{StudyId}-0{1 + (i % 5)}-{1001 + i}");
            courses.Add(new SubjectCourse(
                id, firstDose, cycleDays, Math.Min(induction, cycleDays.Count), lastDose, stop == Stop.Ongoing, lastAlive, deathDay, death, fatal,
                stop == Stop.AdverseEvent, priorRadiotherapy.Contains(i) || fatal == AdverseEventCatalogue.EsophagealFistula,
                Math.Round(46 + (random.NextDouble() * 30), 1), Math.Round(155 + (random.NextDouble() * 25), 1),
                i % 9 == 4 || i % 11 == 7 ? "F" : "M", -3 - random.Next(12)));
        }

        return courses;
    }

    /// <summary>DM, EX and TS of the courses, and the AE, LB and VS the writer makes of the generated cohort, loaded as a study folder.</summary>
    public static StudyFolder Study(IReadOnlyList<SubjectCourse> courses, AdverseCohort cohort)
    {
        using var source = FileSource.FromText("reference-adverse", Files(courses, cohort));
        return StudyFolder.Load(source);
    }

    public static (string FileName, string Text)[] Files(IReadOnlyList<SubjectCourse> courses, AdverseCohort cohort) =>
    [
        ("dm.csv", Dm(courses)),
        ("ex.csv", Ex(courses, cohort)),
        ("ts.csv", "STUDYID,DOMAIN,TSSEQ,TSPARMCD,TSPARM,TSVAL\n" + $"{StudyId},TS,1,DCUTDTC,Data Cutoff Date,2024-04-01\n{StudyId},TS,1,VALPROF,Validation Profile,seed\n{StudyId},TS,1,REGIMEN,Regimen,benmelstobart + anlotinib + paclitaxel/cisplatin\n"),
        .. AdverseDomainWriter.ToCsvFiles(StudyId, cohort).Select(f => (f.Key, Encoding.UTF8.GetString(f.Value))),
    ];

    public static string Date(SubjectCourse c, int day) => c.FirstDose.AddDays(day > 0 ? day - 1 : day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Dm(IReadOnlyList<SubjectCourse> courses)
    {
        var text = new StringBuilder("STUDYID,DOMAIN,USUBJID,SUBJID,RFSTDTC,RFXSTDTC,RFXENDTC,RFICDTC,DTHDTC,DTHFL,SITEID,AGE,AGEU,SEX,ARMCD,ARM,ACTARMCD,ACTARM\n");
        foreach (var c in courses)
        {
            string death = c.DeathDay is { } d ? Date(c, d) : string.Empty;
            text.Append(CultureInfo.InvariantCulture, $"{StudyId},DM,{c.Subject},{c.Subject[^4..]},{Date(c, 1)},{Date(c, 1)},{Date(c, c.LastDoseDay)},{Date(c, c.ScreeningDay - 2)},{death},{(c.DeathDay is null ? string.Empty : "Y")},0{c.Subject[^6]},64,YEARS,{c.Sex},BAPC,Benmelstobart + anlotinib + paclitaxel/cisplatin,BAPC,Benmelstobart + anlotinib + paclitaxel/cisplatin\n");
        }

        return text.ToString();
    }

    /// <summary>
    /// The administrations the lead's <see cref="ExposureBuilder"/> makes of each course with the generator's
    /// reductions, withdrawals and held cycles (the way the reference cohort's EX is built).
    /// </summary>
    private static string Ex(IReadOnlyList<SubjectCourse> courses, AdverseCohort cohort)
    {
        var text = new StringBuilder("STUDYID,DOMAIN,USUBJID,EXSEQ,EXTRT,EXDOSE,EXDOSU,EXSTDTC,EXENDTC,EXCYCLE\n");
        foreach (var c in courses)
        {
            var delays = Enumerable.Range(2, c.CycleDays.Count - 1)
                .Where(k => c.CycleDays[k - 1] - c.CycleDays[k - 2] > ExposureBuilder.CycleLength)
                .ToDictionary(k => k, k => c.CycleDays[k - 1] - c.CycleDays[k - 2] - ExposureBuilder.CycleLength);
            var course = new TreatmentCourse(
                c.Subject, c.InductionCycles, c.CycleDays.Count - c.InductionCycles, delays, cohort.OmissionsOf(c.Subject, c.CycleDays.Count), cohort.ReductionsOf(c.Subject));
            if (!ExposureBuilder.CycleDays(course).SequenceEqual(c.CycleDays))
            {
                throw new InvalidOperationException($"{c.Subject}: the exposure builder's cycles differ from the course's.");
            }

            int seq = 0;
            foreach (var x in ExposureBuilder.Build(course))
            {
                text.Append(CultureInfo.InvariantCulture, $"{StudyId},EX,{c.Subject},{++seq},{x.Drug},{x.Dose},{x.Unit},{Date(c, x.StartDay)},{Date(c, x.EndDay)},{x.Cycle}\n");
            }
        }

        return text.ToString();
    }
}
