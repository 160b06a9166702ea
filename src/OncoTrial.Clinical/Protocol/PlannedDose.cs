using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Protocol;

/// <summary>
/// How planned doses are rounded. The default (docs/decisions/0006-protocol-assumptions.md; common practice,
/// docs/reference/dosing-and-rdi.md §3.3) is BSA to 2 decimals and the dose unrounded; pharmacies often round the
/// final dose, which <see cref="DoseStepMg"/> models.
/// </summary>
/// <param name="BsaDecimals">Decimals of BSA used for dosing (0-6; 2 by default), rounded half away from zero.</param>
/// <param name="DoseStepMg">Round each mg dose to the nearest multiple of this (e.g. 1 or 5); 0 (default) leaves it unrounded.</param>
/// <param name="BsaCapM2">An optional BSA cap in m² (ASCO advises against capping; some protocols still cap at 2.0); null for none.</param>
public sealed record DoseRounding(int BsaDecimals = 2, double DoseStepMg = 0, double? BsaCapM2 = null)
{
    /// <summary>The default: BSA to 2 decimals, doses unrounded, no cap.</summary>
    public static DoseRounding Protocol { get; } = new();

    internal double RoundBsa(double bsa)
    {
        double r = Math.Round(bsa, BsaDecimals, MidpointRounding.AwayFromZero);
        return BsaCapM2 is { } cap && r > cap ? cap : r;
    }

    internal double RoundDose(double mg) =>
        DoseStepMg > 0 ? Math.Round(mg / DoseStepMg, MidpointRounding.AwayFromZero) * DoseStepMg : mg;
}

/// <summary>An amount in mg with the protocol range where there is one.</summary>
/// <param name="Nominal">The nominal amount.</param>
/// <param name="Minimum">The lower bound of the protocol range, or null.</param>
/// <param name="Maximum">The upper bound of the protocol range, or null.</param>
public readonly record struct MgAmount(double Nominal, double? Minimum, double? Maximum);

/// <summary>One drug's planned dose for one patient.</summary>
/// <param name="Drug">The drug.</param>
/// <param name="BsaM2">The BSA used (rounded as <see cref="Rounding"/> says), for BSA-based drugs; else null.</param>
/// <param name="WeightKg">The weight used, for weight-based drugs; else null.</param>
/// <param name="PerAdministration">mg per dosing day.</param>
/// <param name="PerCycle">mg per cycle.</param>
/// <param name="Formula">The BSA formula.</param>
/// <param name="Rounding">The rounding applied.</param>
public sealed record PlannedDose(RegimenDrug Drug, double? BsaM2, double? WeightKg, MgAmount PerAdministration, MgAmount PerCycle, BsaFormula Formula, DoseRounding Rounding);

/// <summary>Planned doses for a patient.</summary>
public static class DoseCalculator
{
    /// <summary>
    /// Each drug's planned dose in mg: flat doses as written, mg/m² × BSA, mg/kg × weight; split doses divided equally
    /// over their days. Ranges (cisplatin 60-75 mg/m²) give a minimum and maximum beside the nominal amount.
    /// </summary>
    /// <param name="regimen">The regimen.</param>
    /// <param name="heightCm">Height in cm (0, 300].</param>
    /// <param name="weightKg">Actual body weight in kg (0, 700].</param>
    /// <param name="formula">BSA formula (Mosteller by default).</param>
    /// <param name="rounding">Rounding (BSA to 2 decimals, dose unrounded, by default).</param>
    public static IReadOnlyList<PlannedDose> ComputePlannedDoses(Regimen regimen, double heightCm, double weightKg, BsaFormula formula = BsaFormula.Mosteller, DoseRounding? rounding = null)
    {
        ArgumentNullException.ThrowIfNull(regimen);
        rounding ??= DoseRounding.Protocol;
        var problems = Validate(heightCm, weightKg, rounding);
        OptionProblems.ThrowIfAny(problems, problems.Count == 0 ? nameof(rounding) : problems[0].Option switch
        {
            "height" => nameof(heightCm),
            "weight" => nameof(weightKg),
            _ => nameof(rounding),
        });
        double bsa = rounding.RoundBsa(BodySurfaceArea.Compute(heightCm, weightKg, formula));
        var result = new List<PlannedDose>(regimen.Drugs.Count);
        foreach (var drug in regimen.Drugs)
        {
            double factor = drug.Dose.Basis switch
            {
                DoseBasis.BodySurfaceArea => bsa,
                DoseBasis.BodyWeight => weightKg,
                _ => 1.0,
            };
            MgAmount Amount(Func<double, double> per) => new(
                rounding.RoundDose(per(drug.Dose.Amount) * factor),
                drug.Dose.Minimum is { } lo ? rounding.RoundDose(per(lo) * factor) : null,
                drug.Dose.Maximum is { } hi ? rounding.RoundDose(per(hi) * factor) : null);
            result.Add(new PlannedDose(
                drug,
                drug.Dose.Basis == DoseBasis.BodySurfaceArea ? bsa : null,
                drug.Dose.Basis == DoseBasis.BodyWeight ? weightKg : null,
                Amount(drug.AmountPerAdministration),
                Amount(drug.AmountPerCycle),
                formula,
                rounding));
        }

        return result.AsReadOnly();
    }

    /// <summary>
    /// Every problem with a patient's measurements and the rounding (empty when valid), each named by its option:
    /// <c>height</c> in cm, more than 0 and at most 300; <c>weight</c> in kg, more than 0 and at most 700;
    /// <c>bsa-decimals</c> from 0 to 6; <c>round-mg</c> ≥ 0. <see cref="ComputePlannedDoses"/> throws the same text
    /// (and <see cref="BodySurfaceArea.Compute"/> that of height and weight).
    /// </summary>
    /// <param name="heightCm">Height in cm.</param>
    /// <param name="weightKg">Actual body weight in kg.</param>
    /// <param name="rounding">The rounding.</param>
    public static IReadOnlyList<Problem> Validate(double heightCm, double weightKg, DoseRounding rounding)
    {
        ArgumentNullException.ThrowIfNull(rounding);
        var problems = BodySurfaceArea.ValidateBody(heightCm, weightKg);
        if (rounding.BsaDecimals is < 0 or > 6)
        {
            problems.Add(OptionProblems.WholeNumber("bsa-decimals", "0 to 6", rounding.BsaDecimals));
        }

        if (!(rounding.DoseStepMg >= 0))
        {
            problems.Add(OptionProblems.Number("round-mg", "0 or more mg", rounding.DoseStepMg));
        }

        return problems.AsReadOnly();
    }
}
