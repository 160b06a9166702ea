namespace OncoTrial.TestSupport;

/// <summary>
/// A trial-sized study for the report tests and timings: <c>n</c> subjects (USUBJID 01-001, ...) dosed in 21-day cycles
/// (ANTIBODY every cycle, CHEMO in the 4 induction cycles, maintenance after), measured by RECIST every 6 weeks, with SC
/// characteristics, AEs and deaths, all from the subject number (no randomness): by number mod 6, a complete response,
/// two partial responses, stable disease, early progression, and a partial response that later progresses.
/// </summary>
public static class TrialStudy
{
    /// <summary>The study; with <paramref name="twoArms"/>, even-numbered subjects are in arm B.</summary>
    public static TestStudy Build(int subjects = 50, bool twoArms = false)
    {
        var study = new TestStudy();
        string[] terms = ["NAUSEA", "LEUKOPENIA", "ANAEMIA", "FATIGUE", "HYPOTHYROIDISM", "EPISTAXIS"];
        for (int i = 1; i <= subjects; i++)
        {
            string id = "01-" + i.ToString("000", System.Globalization.CultureInfo.InvariantCulture);
            int pattern = i % 6;
            int? death = i % 7 == 0 ? 150 + (3 * i) : null;
            study.Subject(id, twoArms && i % 2 == 0 ? "Arm B" : "Arm A", age: 45 + ((i * 7) % 30), sex: i % 3 == 0 ? "F" : "M", deathDay: death);
            study.Baseline(id, ecog: i % 2, cps: i % 5 == 0 ? null : (i * 13) % 30 / 2.0, liver: i % 4 == 0, surgery: i % 6 == 0, radio: i % 5 == 1);
            study.Characteristic(id, "STAGE", i % 4 == 0 ? "IVA" : "IVB");
            double[] path = pattern switch
            {
                0 => [0.5, 0.2, 0, 0, 0],
                1 => [0.7, 0.55, 0.5, 0.5, 0.55],
                2 => [0.65, 0.6, 0.6, 0.62, 0.8],
                3 => [0.9, 0.92, 0.95, 1.0, 1.05],
                4 => [1.3],
                _ => [0.68, 0.6, 0.62, 0.85],
            };
            int visits = death is { } d ? Math.Min(path.Length, (d - 1) / 42) : path.Length;
            var sizes = new List<(int Day, double Mm)> { (-7, 50 + (i % 5)) };
            for (int v = 0; v < visits; v++)
            {
                sizes.Add((42 * (v + 1), Math.Round((50 + (i % 5)) * path[v], 1)));
            }

            study.Target(id, "T1", "LUNG", [.. sizes]);
            int cycles = pattern == 4 ? 3 : 4 + Math.Min(visits, 4);
            for (int c = 1; c <= cycles; c++)
            {
                int day = 1 + (21 * (c - 1));
                if (death is { } dd && day >= dd)
                {
                    break;
                }

                study.Dose(id, "ANTIBODY", c, day, 200, 200, maintenance: c > 4);
                if (c <= 4)
                {
                    study.Dose(id, "CHEMO", c, day, i % 9 == 0 && c >= 3 ? 75 : 100, 100);
                }
            }

            for (int t = 0; t < terms.Length; t++)
            {
                if ((i + t) % (t + 2) == 0)
                {
                    study.AdverseEvent(id, terms[t], 8 + (5 * t), 1 + ((i + t) % 3), immune: terms[t] == "HYPOTHYROIDISM");
                }
            }
        }

        return study;
    }
}
