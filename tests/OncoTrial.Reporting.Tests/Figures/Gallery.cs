using OncoTrial.Reporting.Figures;

namespace OncoTrial.Reporting.Tests.Figures;

/// <summary>Every golden figure by name (the name of its golden file).</summary>
internal static class Gallery
{
    public static IReadOnlyDictionary<string, Func<Figure>> All { get; } = new Dictionary<string, Func<Figure>>(StringComparer.Ordinal)
    {
        ["km-two-arms"] = () => FigureSamples.KaplanMeierTwoArms(),
        ["km-single-arm"] = FigureSamples.KaplanMeierSingleArm,
        ["waterfall"] = FigureSamples.Waterfall,
        ["swimmer"] = FigureSamples.Swimmer,
        ["spider"] = FigureSamples.Spider,
        ["forest"] = FigureSamples.Forest,
        ["consort"] = FigureSamples.Consort,
    };
}
