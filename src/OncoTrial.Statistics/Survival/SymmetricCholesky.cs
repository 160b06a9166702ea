namespace OncoTrial.Statistics;

/// <summary>
/// Cholesky factorisation A = L·Lᵀ of a small symmetric positive semi-definite matrix (row-major p×p) that sets
/// aside columns that are numerically linear combinations of earlier ones: a column whose pivot falls to
/// <c>tolerance·scale[j]</c> or below is marked singular and gets 0 in solutions and in the inverse (Golub &amp;
/// Van Loan 2013, §4.2; the same policy as the generalised inverse used by R <c>coxph</c>).
/// </summary>
internal sealed class SymmetricCholesky
{
    private readonly int _p;
    private readonly double[] _l;
    private readonly bool[] _singular;

    private SymmetricCholesky(int p, double[] l, bool[] singular)
    {
        _p = p;
        _l = l;
        _singular = singular;
    }

    /// <summary>The index of the first singular column, or −1.</summary>
    public int FirstSingular => Array.IndexOf(_singular, true);

    public bool IsSingular(int j) => _singular[j];

    public static SymmetricCholesky Decompose(ReadOnlySpan<double> a, int p, ReadOnlySpan<double> scale, double tolerance)
    {
        var l = new double[p * p];
        var singular = new bool[p];
        for (int j = 0; j < p; j++)
        {
            double pivot = a[(j * p) + j];
            for (int k = 0; k < j; k++)
            {
                pivot -= l[(j * p) + k] * l[(j * p) + k];
            }

            if (!(pivot > tolerance * scale[j]))
            {
                singular[j] = true;
                continue;
            }

            double d = Math.Sqrt(pivot);
            l[(j * p) + j] = d;
            for (int i = j + 1; i < p; i++)
            {
                double s = a[(i * p) + j];
                for (int k = 0; k < j; k++)
                {
                    s -= l[(i * p) + k] * l[(j * p) + k];
                }

                l[(i * p) + j] = s / d;
            }
        }

        return new SymmetricCholesky(p, l, singular);
    }

    /// <summary>Solves A·x = b (x = 0 in singular columns).</summary>
    public double[] Solve(ReadOnlySpan<double> b)
    {
        int p = _p;
        var y = new double[p];
        for (int i = 0; i < p; i++)
        {
            if (_singular[i])
            {
                continue;
            }

            double s = b[i];
            for (int k = 0; k < i; k++)
            {
                s -= _l[(i * p) + k] * y[k];
            }

            y[i] = s / _l[(i * p) + i];
        }

        for (int i = p - 1; i >= 0; i--)
        {
            if (_singular[i])
            {
                continue;
            }

            double s = y[i];
            for (int k = i + 1; k < p; k++)
            {
                s -= _l[(k * p) + i] * y[k];
            }

            y[i] = s / _l[(i * p) + i];
        }

        return y;
    }

    /// <summary>The inverse (generalised: rows and columns of singular columns are 0), row-major.</summary>
    public double[] Inverse()
    {
        int p = _p;
        var inv = new double[p * p];
        var e = new double[p];
        for (int c = 0; c < p; c++)
        {
            Array.Clear(e);
            e[c] = 1.0;
            double[] col = Solve(e);
            for (int r = 0; r < p; r++)
            {
                inv[(r * p) + c] = _singular[c] ? 0.0 : col[r];
            }
        }

        // Symmetrise against rounding.
        for (int r = 0; r < p; r++)
        {
            for (int c = 0; c < r; c++)
            {
                double m = 0.5 * (inv[(r * p) + c] + inv[(c * p) + r]);
                inv[(r * p) + c] = m;
                inv[(c * p) + r] = m;
            }
        }

        return inv;
    }
}
