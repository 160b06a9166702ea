using System.Text.Json.Serialization;
using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Protocol;

/// <summary>Body-surface-area formulas (height H in cm, weight W in kg, BSA in m²).</summary>
public enum BsaFormula
{
    /// <summary>
    /// Mosteller: √(H·W / 3600). Mosteller RD, N Engl J Med 1987;317:1098. The default (docs/methods/protocol.md);
    /// admiral <c>compute_bsa(method = "Mosteller")</c>.
    /// </summary>
    Mosteller,

    /// <summary>
    /// DuBois and DuBois: 0.007184 · H^0.725 · W^0.425. Du Bois D, Du Bois EF, Arch Intern Med 1916;17:863-71;
    /// admiral <c>method = "DuBois-DuBois"</c>.
    /// </summary>
    [JsonStringEnumMemberName("dubois")]
    DuBois,

    /// <summary>Haycock: 0.024265 · H^0.3964 · W^0.5378. Haycock GB et al., J Pediatr 1978;93:62-6; admiral <c>method = "Haycock"</c>.</summary>
    Haycock,

    /// <summary>
    /// Gehan and George: 0.0235 · H^0.42246 · W^0.51456. Gehan EA, George SL, Cancer Chemother Rep 1970;54:225-35;
    /// admiral <c>method = "Gehan-George"</c>.
    /// </summary>
    GehanGeorge,

    /// <summary>
    /// Boyd: 0.0003207 · H^0.3 · (1000·W)^(0.7285 − 0.0188·log10(1000·W)), weight in grams. Boyd E, The growth of the
    /// surface area of the human body, University of Minnesota Press, 1935; admiral <c>method = "Boyd"</c>.
    /// </summary>
    Boyd,
}

/// <summary>Body-surface area from height and weight.</summary>
public static class BodySurfaceArea
{
    /// <summary>The BSA in m², unrounded.</summary>
    /// <param name="heightCm">Height in cm, 0 &lt; height &lt;= 300.</param>
    /// <param name="weightKg">Actual body weight in kg, 0 &lt; weight &lt;= 700 (ASCO 2012/2021: use actual weight, no cap).</param>
    /// <param name="formula">The formula; Mosteller unless stated.</param>
    /// <remarks>
    /// Formulas and reference values: docs/reference/dosing-and-rdi.md §3.1 and §3.2, and docs/methods/protocol.md; admiral
    /// <c>compute_bsa()</c> in R. Round for dosing with <see cref="DoseRounding"/> (the protocol's 2 decimals), not here.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">Height or weight outside the stated range, or not a number (the problems of <see cref="DoseCalculator.Validate"/>).</exception>
    public static double Compute(double heightCm, double weightKg, BsaFormula formula = BsaFormula.Mosteller)
    {
        var problems = ValidateBody(heightCm, weightKg);
        OptionProblems.ThrowIfAny(problems, problems.Count > 0 && problems[0].Option == "weight" ? nameof(weightKg) : nameof(heightCm));
        return formula switch
        {
            BsaFormula.Mosteller => Math.Sqrt(heightCm * weightKg / 3600.0),
            BsaFormula.DuBois => 0.007184 * Math.Pow(heightCm, 0.725) * Math.Pow(weightKg, 0.425),
            BsaFormula.Haycock => 0.024265 * Math.Pow(heightCm, 0.3964) * Math.Pow(weightKg, 0.5378),
            BsaFormula.GehanGeorge => 0.0235 * Math.Pow(heightCm, 0.42246) * Math.Pow(weightKg, 0.51456),
            BsaFormula.Boyd => 0.0003207 * Math.Pow(heightCm, 0.3) * Math.Pow(1000.0 * weightKg, 0.7285 - (0.0188 * Math.Log10(1000.0 * weightKg))),
            _ => throw new ArgumentOutOfRangeException(nameof(formula), formula, "formula: expected one of Mosteller, DuBois, Haycock, GehanGeorge, Boyd."),
        };
    }

    /// <summary>The problems with a height in cm (option <c>height</c>, (0, 300]) and a weight in kg (option <c>weight</c>, (0, 700]).</summary>
    internal static List<Problem> ValidateBody(double heightCm, double weightKg)
    {
        var problems = new List<Problem>(2);
        if (!(heightCm > 0 && heightCm <= 300))
        {
            problems.Add(OptionProblems.Number("height", "centimetres, more than 0 and at most 300", heightCm, "Give the height in cm (e.g. 170)."));
        }

        if (!(weightKg > 0 && weightKg <= 700))
        {
            problems.Add(OptionProblems.Number("weight", "kilograms, more than 0 and at most 700", weightKg, "Give the weight in kg (e.g. 70)."));
        }

        return problems;
    }
}
