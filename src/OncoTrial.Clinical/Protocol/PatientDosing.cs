namespace OncoTrial.Clinical.Protocol;

/// <summary>A patient's planned doses with the body-surface area they rest on.</summary>
/// <param name="Regimen">The regimen.</param>
/// <param name="HeightCm">Height in cm.</param>
/// <param name="WeightKg">Actual body weight in kg.</param>
/// <param name="Formula">The BSA formula.</param>
/// <param name="Rounding">How BSA and doses were rounded.</param>
/// <param name="BsaUnrounded">BSA in m² as the formula gives it.</param>
/// <param name="Bsa">BSA in m² used for dosing (rounded, capped).</param>
/// <param name="Doses">Each drug's planned dose, in regimen order.</param>
public sealed record PatientDosing(
    Regimen Regimen, double HeightCm, double WeightKg, BsaFormula Formula, DoseRounding Rounding, double BsaUnrounded, double Bsa, IReadOnlyList<PlannedDose> Doses)
{
    /// <summary>Computes a patient's planned doses (<see cref="DoseCalculator.ComputePlannedDoses"/>) and BSA.</summary>
    public static PatientDosing Compute(Regimen regimen, double heightCm, double weightKg, BsaFormula formula = BsaFormula.Mosteller, DoseRounding? rounding = null)
    {
        ArgumentNullException.ThrowIfNull(regimen);
        rounding ??= DoseRounding.Protocol;
        var doses = DoseCalculator.ComputePlannedDoses(regimen, heightCm, weightKg, formula, rounding);
        double raw = BodySurfaceArea.Compute(heightCm, weightKg, formula);
        return new PatientDosing(regimen, heightCm, weightKg, formula, rounding, raw, rounding.RoundBsa(raw), doses);
    }
}
