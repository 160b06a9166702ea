using System.Globalization;

namespace OncoTrial.Clinical.Protocol;

/// <summary>PD-L1 CPS category at the paper's cutoffs 1 and 10.</summary>
public enum CpsCategory
{
    /// <summary>CPS &lt; 1 (PD-L1 negative at cutoff 1).</summary>
    BelowOne,

    /// <summary>1 &lt;= CPS &lt; 10.</summary>
    OneToBelowTen,

    /// <summary>CPS &gt;= 10.</summary>
    TenOrMore,
}

/// <summary>
/// PD-L1 combined positive score: CPS = (PD-L1-staining tumour cells + PD-L1-staining immune cells (lymphocytes,
/// macrophages)) / viable tumour cells × 100, reported capped at 100.
/// </summary>
/// <remarks>
/// Definition of the PD-L1 IHC 22C3 pharmDx interpretation manual (Agilent/Dako) and the CAP template; the paper
/// (VENTANA SP263) states CPS = PD-L1-positive tumour or immune cells / viable cells × 100. A specimen needs at least
/// 100 viable tumour cells to be evaluable (22C3 manual); <see cref="IsAdequate"/> reports it, it does not refuse a
/// score. docs/methods/protocol.md.
/// </remarks>
public readonly record struct CombinedPositiveScore
{
    private CombinedPositiveScore(int positiveTumourCells, int positiveImmuneCells, int viableTumourCells)
    {
        PositiveTumourCells = positiveTumourCells;
        PositiveImmuneCells = positiveImmuneCells;
        ViableTumourCells = viableTumourCells;
    }

    /// <summary>PD-L1-positive viable tumour cells, >= 0.</summary>
    public int PositiveTumourCells { get; }

    /// <summary>PD-L1-positive mononuclear inflammatory cells (lymphocytes, macrophages), >= 0.</summary>
    public int PositiveImmuneCells { get; }

    /// <summary>Viable tumour cells, > 0 (0 only in <c>default</c>).</summary>
    public int ViableTumourCells { get; }

    /// <summary>Fewest viable tumour cells for an evaluable specimen.</summary>
    public const int MinimumViableTumourCells = 100;

    /// <summary>The score before capping (may exceed 100).</summary>
    public double Uncapped => (PositiveTumourCells + (double)PositiveImmuneCells) / ViableTumourCells * 100.0;

    /// <summary>The reported score, 0 to 100.</summary>
    public double Value => Math.Min(100.0, Uncapped);

    /// <summary>True when the specimen has at least 100 viable tumour cells.</summary>
    public bool IsAdequate => ViableTumourCells >= MinimumViableTumourCells;

    /// <summary>The category at cutoffs 1 and 10.</summary>
    public CpsCategory Category => Value < 1 ? CpsCategory.BelowOne : Value < 10 ? CpsCategory.OneToBelowTen : CpsCategory.TenOrMore;

    /// <summary>True when CPS >= <paramref name="cutoff"/> (1 and 10 in the paper).</summary>
    public bool IsAtLeast(double cutoff) => Value >= cutoff;

    /// <summary>Computes the score from cell counts.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative counts, no viable tumour cells, or more positive tumour cells than viable tumour cells.</exception>
    public static CombinedPositiveScore Compute(int positiveTumourCells, int positiveImmuneCells, int viableTumourCells)
    {
        if (viableTumourCells <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(viableTumourCells), viableTumourCells, string.Create(CultureInfo.InvariantCulture, $"viable tumour cells: expected a count > 0 (at least {MinimumViableTumourCells} for an evaluable specimen), found {viableTumourCells}."));
        }

        if (positiveTumourCells < 0 || positiveTumourCells > viableTumourCells)
        {
            throw new ArgumentOutOfRangeException(nameof(positiveTumourCells), positiveTumourCells, string.Create(CultureInfo.InvariantCulture, $"PD-L1-positive tumour cells: expected a count from 0 to the viable tumour cells ({viableTumourCells}), found {positiveTumourCells}."));
        }

        if (positiveImmuneCells < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(positiveImmuneCells), positiveImmuneCells, string.Create(CultureInfo.InvariantCulture, $"PD-L1-positive immune cells: expected a count >= 0, found {positiveImmuneCells}."));
        }

        return new CombinedPositiveScore(positiveTumourCells, positiveImmuneCells, viableTumourCells);
    }
}
