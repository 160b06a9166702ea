using OncoTrial.Clinical.Ctcae;

namespace OncoTrial.ReferenceCohort.Generation;

/// <summary>One VS record.</summary>
/// <param name="Subject">USUBJID.</param>
/// <param name="TestCode">VSTESTCD.</param>
/// <param name="TestName">VSTEST.</param>
/// <param name="Value">VSSTRESN (= VSORRES).</param>
/// <param name="Unit">VSSTRESU (= VSORRESU).</param>
/// <param name="Decimals">Decimals reported.</param>
/// <param name="Day">Study day of VSDTC.</param>
/// <param name="Date">VSDTC.</param>
/// <param name="Visit">VISIT.</param>
/// <param name="VisitNumber">VISITNUM.</param>
internal sealed record VitalSign(string Subject, string TestCode, string TestName, decimal Value, string Unit, int Decimals, int Day, DateOnly Date, string Visit, decimal VisitNumber);

/// <summary>
/// Vital signs consistent with the adverse events: height and weight at screening (the course's), weight, blood
/// pressure, pulse and temperature on day 1 of every cycle, and an unscheduled blood pressure on the onset day of
/// each hypertension. Blood pressure is graded for Hypertension (systolic and diastolic separately) and weight for
/// Weight loss (% loss from the baseline weight, the last one on or before the first dose) by the project's grader,
/// within the limits the AEs set (<see cref="AdverseGradeLimit"/>).
/// </summary>
internal static class VitalsBuilder
{
    private const string Hypertension = "Hypertension";
    private const string WeightLoss = "Weight loss";

    /// <summary>The onset days of hypertension episodes that are not cycle days: the unscheduled blood pressures.</summary>
    public static IReadOnlyList<int> UnscheduledDays(AdverseTimeline timeline, IReadOnlyList<AdverseEpisode> episodes)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(episodes);
        return [.. episodes
            .Where(e => e.StartDay > 1 && e.CtcaeTerm == Hypertension && !timeline.Course.CycleDays.Contains(e.StartDay))
            .Select(e => e.StartDay).Distinct().Order()];
    }

    /// <summary>The subject's VS records, or null when this draw could not meet the limits (the caller places the episodes again).</summary>
    public static IReadOnlyList<VitalSign>? Build(AdverseTimeline timeline, IReadOnlyList<AdverseEpisode> episodes, Func<int, (string Name, decimal Number)> visit, Random random)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(episodes);
        ArgumentNullException.ThrowIfNull(visit);
        ArgumentNullException.ThrowIfNull(random);
        var course = timeline.Course;
        var grader = CtcaeGrader.Default;
        var scheduled = new[] { course.ScreeningDay }.Concat(course.CycleDays).Where(d => d <= timeline.LastContactDay).Distinct().ToHashSet();
        var unscheduled = UnscheduledDays(timeline, episodes);
        decimal baseline = Math.Round((decimal)course.BaselineWeightKg, 1, MidpointRounding.AwayFromZero);
        var weightBaseline = new LabBaseline(baseline, "kg");
        decimal loss = 0m;
        var records = new List<VitalSign>();
        foreach (int day in scheduled.Concat(unscheduled).Order())
        {
            var (name, number) = visit(day);
            void Add(string code, string test, decimal value, string unit, int decimals) =>
                records.Add(new VitalSign(course.Subject, code, test, value, unit, decimals, day, timeline.Date(day), name, number));

            if (day == course.ScreeningDay)
            {
                Add("HEIGHT", "Height", Math.Round((decimal)course.HeightCm, 1, MidpointRounding.AwayFromZero), "cm", 1);
            }

            if (scheduled.Contains(day))
            {
                decimal? weight = day <= 1 ? baseline : Weight(day, episodes, baseline, weightBaseline, ref loss, grader, random);
                if (weight is not { } w)
                {
                    return null;
                }

                Add("WEIGHT", "Weight", w, "kg", 1);
            }

            if (BloodPressure(day, episodes, grader, random) is not { } pressure)
            {
                return null;
            }

            Add("SYSBP", "Systolic Blood Pressure", pressure.Systolic, "mmHg", 0);
            Add("DIABP", "Diastolic Blood Pressure", pressure.Diastolic, "mmHg", 0);
            Add("PULSE", "Pulse Rate", 62 + random.Next(33), "beats/min", 0);
            if (scheduled.Contains(day))
            {
                Add("TEMP", "Temperature", 36.2m + (random.Next(11) / 10m), "C", 1);
            }
        }

        return records;
    }

    /// <summary>A reading whose worse grade (systolic or diastolic) is the one aimed at, both within the limit.</summary>
    private static (decimal Systolic, decimal Diastolic)? BloodPressure(int day, IReadOnlyList<AdverseEpisode> episodes, CtcaeGrader grader, Random random)
    {
        var limit = AdverseGradeLimit.For(Hypertension, day, episodes);
        if (!limit.IsSatisfiable)
        {
            return null;
        }

        // Without hypertension, readings are normal or high-normal (grade 0-1).
        limit = limit with { Max = limit.IsCovered || limit.Exact is not null ? limit.Max : Math.Min(limit.Max, 1) };
        for (int attempt = 0; attempt < 200; attempt++)
        {
            int target = limit.Choose(random, attempt >= 50);
            var (s, d) = target switch
            {
                0 => (100 + random.Next(20), 60 + random.Next(20)),
                1 => (120 + random.Next(17), 70 + random.Next(19)),
                2 => (140 + random.Next(17), 78 + random.Next(21)),
                _ => (160 + random.Next(17), 88 + random.Next(19)),
            };
            if (target == 0 && s < 120 && d < 80 && limit.Allows(0))
            {
                // Below CTCAE's grade 1 (120/80 mm Hg) without asking the (slow) grader.
                return (s, d);
            }

            int gs = Grade(grader, "SYSBP", s), gd = Grade(grader, "DIABP", d);
            if (Math.Max(gs, gd) == target && limit.Allows(Math.Max(gs, gd)) && gs <= limit.Max && gd <= limit.Max)
            {
                return (s, d);
            }
        }

        return null;
    }

    private static int Grade(CtcaeGrader grader, string test, decimal value) =>
        grader.Grade(Hypertension, value, "mmHg", testCode: test).Grade?.Value ?? int.MaxValue;

    /// <summary>
    /// The weight on a cycle day: a slow drift of the percentage lost (within ±4% without weight loss), reaching the
    /// AE's band on its onset day and staying at or below its grade while it lasts.
    /// </summary>
    private static decimal? Weight(int day, IReadOnlyList<AdverseEpisode> episodes, decimal baseline, LabBaseline weightBaseline, ref decimal loss, CtcaeGrader grader, Random random)
    {
        var limit = AdverseGradeLimit.For(WeightLoss, day, episodes);
        if (!limit.IsSatisfiable)
        {
            return null;
        }

        (decimal Low, decimal High) band = (limit.Exact, limit.IsCovered) switch
        {
            (1, _) => (5.5m, 9.5m),
            (2, _) => (10.5m, 19m),
            (3, _) => (20.5m, 24m),
            (_, true) => limit.Max switch
            {
                1 => (2.5m, 9.5m),
                2 => (7m, 19.5m),
                _ => (15m, 25m),
            },
            _ => (-3m, 4.5m),
        };
        for (int attempt = 0; attempt < 100; attempt++)
        {
            decimal drift = limit.Exact is null ? loss + ((decimal)random.NextDouble() * 3m) - 1.3m : band.Low + ((band.High - band.Low) * (decimal)random.NextDouble());
            decimal next = Math.Clamp(drift, band.Low, band.High);
            decimal weight = Math.Round(baseline * (1 - (next / 100m)), 1, MidpointRounding.AwayFromZero);
            var grade = grader.Grade(WeightLoss, weight, "kg", baseline: weightBaseline).Grade;
            if (grade is { } g && limit.Allows(g.Value) && (limit.IsCovered || g.Value == 0))
            {
                loss = next;
                return weight;
            }
        }

        return null;
    }
}
