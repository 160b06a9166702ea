namespace OncoTrial.Clinical.Recist;

/// <summary>The role of a lesion under RECIST 1.1 (SDTM TU.TUORRES).</summary>
public enum LesionRole
{
    /// <summary>TARGET: measured at every assessment; its diameter goes into the sum of diameters.</summary>
    Target,

    /// <summary>NON-TARGET: followed by state only (present, absent, unequivocal progression).</summary>
    NonTarget,

    /// <summary>NEW: a lesion first seen after baseline. An unequivocal new lesion is progression.</summary>
    New,
}

/// <summary>
/// What one assessment of one lesion found (SDTM TR.TRSTRESC / TRSTRESN; CDISC RECIST 1.1 supplement).
/// </summary>
public enum LesionState
{
    /// <summary>A measured diameter in mm (<see cref="LesionAssessment.DiameterMm"/>); counted as recorded, even below 5 mm.</summary>
    Measured,

    /// <summary>TRORRES "TOO SMALL TO MEASURE": present but not measurable; counted as 5 mm (TRSTRESN = 5).</summary>
    TooSmallToMeasure,

    /// <summary>ABSENT: the lesion has disappeared (0 mm); for a lymph node, it is normal (short axis &lt; 10 mm).</summary>
    Absent,

    /// <summary>PRESENT: a non-target lesion that persists, or a new lesion that is seen (unequivocal).</summary>
    Present,

    /// <summary>UNEQUIVOCAL PROGRESSION of a non-target lesion.</summary>
    UnequivocalProgression,

    /// <summary>NOT DONE / NOT EVALUABLE: the lesion was not assessed at this time point.</summary>
    NotAssessed,

    /// <summary>
    /// EQUIVOCAL (TUMSTATE of a new or non-target lesion): seen, but not unequivocally new or progressing. RECIST 1.1
    /// §4.3.2: an equivocal new lesion is not progression at that time point; if a later scan shows the same lesion
    /// unequivocally, progression is dated from the first (equivocal) scan. A non-target lesion in this state is present
    /// (not absent, not progression).
    /// </summary>
    Equivocal,
}

/// <summary>One assessment of one lesion: the lesion-level input of <see cref="RecistDerivation.DeriveTimePointResponses"/>.</summary>
/// <param name="Subject">Subject identifier (USUBJID).</param>
/// <param name="LesionId">Lesion identifier (TU.TULNKID / TR.TRLNKID).</param>
/// <param name="Role">Target, non-target or new (TU.TUORRES).</param>
/// <param name="Location">Organ (TU.TULOC). All lymph nodes count as one organ (see <see cref="IsLymphNode"/>).</param>
/// <param name="IsLymphNode">True for a nodal lesion: its short axis is recorded, and it is normal below 10 mm.</param>
/// <param name="Date">Assessment date (TR.TRDTC). A subject's follow-up time points are the distinct dates.</param>
/// <param name="IsBaseline">True for the baseline assessment (TR.TRLOBXFL = "Y").</param>
/// <param name="State">What the assessment found.</param>
/// <param name="DiameterMm">The longest diameter (short axis for a node) in mm, ≥ 0, when <paramref name="State"/> is Measured.</param>
/// <param name="Visit">The visit (SDTM VISIT) the assessment belongs to, when known; for information (the derivation groups by <paramref name="Date"/>).</param>
public sealed record LesionAssessment(
    string Subject,
    string LesionId,
    LesionRole Role,
    string Location,
    bool IsLymphNode,
    DateOnly Date,
    bool IsBaseline,
    LesionState State,
    double? DiameterMm = null,
    string? Visit = null)
{
    /// <summary>
    /// The size that goes into a sum under RECIST 1.1 (<see cref="RecistThresholds.Recist11"/>): the measurement, 5 mm
    /// when too small to measure, 0 when absent; null when not assessed or not measured.
    /// </summary>
    public double? SizeMm => SizeMmUnder(RecistThresholds.Recist11);

    /// <summary>
    /// The size that goes into a sum: the measurement, <see cref="RecistThresholds.TooSmallToMeasureMm"/> when too
    /// small to measure, 0 when absent; null when not assessed or not measured.
    /// </summary>
    public double? SizeMmUnder(RecistThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        return State switch
        {
            LesionState.Measured => DiameterMm,
            LesionState.TooSmallToMeasure => (double)thresholds.TooSmallToMeasureMm,
            LesionState.Absent => 0.0,
            _ => null,
        };
    }

    /// <summary>What was imputed in <see cref="Date"/> (a partial TRDTC); null when the date was collected complete.</summary>
    public DateImputationLevel? DateFlag { get; init; }

    /// <summary>The organ for counting sites: all lymph nodes are one organ (RECIST 1.1 §4.2, docs/reference/recist-rules.md §1.2).</summary>
    public string Organ => IsLymphNode ? "LYMPH NODE" : Location.Trim().ToUpperInvariant();
}
