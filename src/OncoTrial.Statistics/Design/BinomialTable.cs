using MathNet.Numerics;

namespace OncoTrial.Statistics.Design;

/// <summary>Binomial probabilities b(x; m, p) and upper tails P(Bin(m, p) &gt; k) for every m ≤ maxN, computed once.</summary>
internal sealed class BinomialTable
{
    private readonly double[][] _pmf;
    private readonly double[][] _above;

    public BinomialTable(double p, int maxN)
    {
        _pmf = new double[maxN + 1][];
        _above = new double[maxN + 1][];
        double logP = Math.Log(p);
        double logQ = Math.Log(1.0 - p);
        for (int m = 0; m <= maxN; m++)
        {
            var pmf = new double[m + 1];
            for (int x = 0; x <= m; x++)
            {
                pmf[x] = Math.Exp(SpecialFunctions.BinomialLn(m, x) + (x * logP) + ((m - x) * logQ));
            }

            // _above[m][k] = P(X > k), k = 0..m-1, summed from the top so the small upper tail keeps its digits.
            var above = new double[m + 1];
            double sum = 0;
            for (int k = m - 1; k >= 0; k--)
            {
                sum += pmf[k + 1];
                above[k] = sum;
            }

            _pmf[m] = pmf;
            _above[m] = above;
        }
    }

    public double Pmf(int m, int x) => _pmf[m][x];

    /// <summary>P(Bin(m, p) &gt; k): 1 for k &lt; 0, 0 for k ≥ m.</summary>
    public double Above(int m, int k) => k < 0 ? 1.0 : k >= m ? 0.0 : _above[m][k];

    /// <summary>P(Bin(m, p) ≤ k).</summary>
    public double AtMost(int m, int k) => 1.0 - Above(m, k);

    /// <summary>P(X₁ &gt; r₁, X₁ + X₂ &gt; r), X₁ ~ Bin(n₁, p), X₂ ~ Bin(n − n₁, p).</summary>
    public double Reject(int r1, int n1, int r, int n)
    {
        double s = 0;
        int n2 = n - n1;
        for (int x = r1 + 1; x <= n1; x++)
        {
            s += _pmf[n1][x] * Above(n2, r - x);
        }

        return s;
    }
}
