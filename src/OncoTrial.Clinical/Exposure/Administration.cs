using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Exposure;

/// <summary>The treatment phase of the seed protocol, from EX.EPOCH.</summary>
public enum TreatmentPhase
{
    /// <summary>Induction (EPOCH "INITIAL THERAPY"): 4-6 cycles of the four drugs.</summary>
    Induction,

    /// <summary>Maintenance (EPOCH "MAINTENANCE THERAPY"): benmelstobart + anlotinib.</summary>
    Maintenance,
}

/// <summary>
/// One EX record of one drug: a single administration, or a continuous daily period (EXDOSFRQ QD, BID, TID, QID)
/// from <see cref="Start"/> to <see cref="End"/>.
/// </summary>
/// <param name="Subject">USUBJID.</param>
/// <param name="Drug">EXTRT, as written.</param>
/// <param name="Start">EXSTDTC (a complete date).</param>
/// <param name="End">EXENDTC, or <see cref="Start"/> when it is empty.</param>
/// <param name="Dose">EXDOSE: the dose per administration, ≥ 0 (0 = a documented skipped administration).</param>
/// <param name="Unit">EXDOSU.</param>
/// <param name="Administrations">How many times <see cref="Dose"/> was given: 1, or days × doses a day for a daily period.</param>
/// <param name="Cycle">EXCYCLE, 1-based across phases.</param>
/// <param name="Phase">From EPOCH (or the EPOCH of the subject's other records in the cycle); null when unknown.</param>
/// <param name="PlannedDose">EXPDOSE, the planned dose per administration for the cycle, or null.</param>
/// <param name="Row">The 1-based data row in ex.csv, for tracing.</param>
public sealed record Administration(
    string Subject,
    string Drug,
    DateOnly Start,
    DateOnly End,
    double Dose,
    string Unit,
    int Administrations,
    int Cycle,
    TreatmentPhase? Phase,
    double? PlannedDose,
    int Row)
{
    /// <summary>The amount given by this record: <see cref="Dose"/> × <see cref="Administrations"/>, in <see cref="Unit"/>.</summary>
    public double Amount => Dose * Administrations;
}

/// <summary>The administrations read from a study's EX, with the problems met; nothing is thrown for data issues.</summary>
/// <param name="Administrations">Usable records, ordered by subject, drug, start date and row.</param>
/// <param name="Problems">What could not be used, or was used with an assumption (warnings).</param>
public sealed record ExposureData(IReadOnlyList<Administration> Administrations, IReadOnlyList<Problem> Problems);
