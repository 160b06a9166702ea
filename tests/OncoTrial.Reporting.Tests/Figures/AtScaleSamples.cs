using OncoTrial.Clinical.Recist;
using OncoTrial.Reporting.Figures;

namespace OncoTrial.Reporting.Tests.Figures;

/// <summary>
/// Figures the size of the seed trial (48 subjects, months), from a seeded generator: to look at (their PNGs) and to
/// check the layout properties at a realistic density. Not golden files.
/// </summary>
internal static class AtScaleSamples
{
    public static IReadOnlyDictionary<string, Func<Figure>> All { get; } = new Dictionary<string, Func<Figure>>(StringComparer.Ordinal)
    {
        ["scale-km-pfs"] = KaplanMeierPfs,
        ["scale-km-os-two-arms"] = KaplanMeierOsTwoArms,
        ["scale-waterfall"] = Waterfall,
        ["scale-swimmer"] = Swimmer,
    };

    private static (double Time, int Status)[] Exponential(Random random, int n, double median, double followUp)
    {
        var rows = new (double, int)[n];
        for (int i = 0; i < n; i++)
        {
            double time = -Math.Log(1 - random.NextDouble()) * median / Math.Log(2);
            double censor = followUp * (0.4 + (0.6 * random.NextDouble()));
            rows[i] = time <= censor ? (Math.Round(time, 2), 1) : (Math.Round(censor, 2), 0);
        }

        return rows;
    }

    public static Figure KaplanMeierPfs()
    {
        var curve = FigureSamples.Curve("All patients", Exponential(new Random(13), 48, 7.1, 24), 6, 12);
        return KaplanMeierFigure.Create("scale-km-pfs", "Progression-free survival", [curve], null, new KaplanMeierFigureOptions
        {
            SurvivalTitle = "Progression-free survival (%)",
            ShowConfidenceBand = true,
        });
    }

    public static Figure KaplanMeierOsTwoArms()
    {
        var a = FigureSamples.Curve("Benmelstobart + anlotinib + chemotherapy", Exponential(new Random(21), 48, 19, 30));
        var b = FigureSamples.Curve("Chemotherapy", Exponential(new Random(22), 46, 11, 30));
        return KaplanMeierFigure.Create("scale-km-os", "Overall survival", [a, b], new HazardRatioInput("A vs B", new(0.58, 0.36, 0.93), 0.021), new KaplanMeierFigureOptions
        {
            SurvivalTitle = "Overall survival (%)",
        });
    }

    public static Figure Waterfall()
    {
        var random = new Random(5);
        var subjects = new List<WaterfallSubject>();
        for (int i = 1; i <= 48; i++)
        {
            string id = $"01-{i:000}";
            if (i % 16 == 0)
            {
                subjects.Add(new(id, null, OverallResponse.NotEvaluable, false, null));
                continue;
            }

            double change = Math.Round((random.NextDouble() * 130) - 100, 1);
            var bor = change <= -100 ? OverallResponse.CompleteResponse : change <= -30 ? OverallResponse.PartialResponse : change < 20 ? OverallResponse.StableDisease : OverallResponse.ProgressiveDisease;
            var cps = (PdL1CpsClass?)(random.Next(4) is var k && k == 3 ? null : (PdL1CpsClass)k);
            subjects.Add(new(id, change, bor, bor == OverallResponse.ProgressiveDisease && random.Next(3) == 0, cps));
        }

        return TumourFigures.Waterfall("scale-waterfall", "Best change from baseline, 48 patients", subjects);
    }

    public static Figure Swimmer()
    {
        var random = new Random(8);
        var subjects = new List<SwimmerSubject>();
        for (int i = 1; i <= 48; i++)
        {
            double induction = Math.Round(1 + (random.NextDouble() * 3.3), 1);
            double? maintenance = random.Next(5) == 0 ? null : Math.Round(induction + (random.NextDouble() * 18), 1);
            double end = maintenance ?? induction;
            var phases = new List<SwimmerPhase> { new("Induction", 0, induction) };
            if (maintenance is { } m)
            {
                phases.Add(new("Maintenance", induction, m));
            }

            var events = new List<SwimmerEvent>();
            if (random.Next(2) == 0)
            {
                events.Add(new(random.Next(4) == 0 ? SwimmerEventKind.CompleteResponse : SwimmerEventKind.PartialResponse, 1.4));
            }

            bool ongoing = random.Next(5) == 0;
            if (!ongoing)
            {
                events.Add(new(SwimmerEventKind.Progression, end));
                if (random.Next(3) == 0)
                {
                    events.Add(new(SwimmerEventKind.Death, end + 2));
                }
            }

            subjects.Add(new($"01-{i:000}", phases, events, ongoing));
        }

        return TumourFigures.Swimmer("scale-swimmer", "Time on treatment, 48 patients", subjects);
    }
}
