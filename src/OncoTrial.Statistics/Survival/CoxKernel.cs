namespace OncoTrial.Statistics;

/// <summary>
/// The inner loop of the Cox fit: log partial likelihood ℓ(β), score U(β) and observed information I(β) in one
/// pass over observations sorted by (stratum, time descending), with running sums of the risk-weighted
/// covariates and their outer products (Therneau &amp; Grambsch 2000, §3.3; Kalbfleisch &amp; Prentice 2002, §4.2).
/// Covariates are centred; ℓ, U and I do not change under centring. Not thread-safe: one instance per fit.
/// </summary>
internal sealed class CoxKernel
{
    private readonly int _p;
    private readonly int _tri;
    private readonly double[] _x;
    private readonly double[] _w;
    private readonly bool[] _dead;
    private readonly int[] _groupEnd;
    private readonly bool[] _groupNewStratum;
    private readonly double[] _groupDeaths;
    private readonly double[] _deathX;
    private readonly bool _efron;

    private readonly double[] _s1;
    private readonly double[] _s2;
    private readonly double[] _d1;
    private readonly double[] _d2;
    private readonly double[] _a;
    private readonly double[] _info;

    /// <param name="p">Number of terms.</param>
    /// <param name="x">Centred covariates, row-major, rows in processing order.</param>
    /// <param name="w">Case weights (&gt; 0) in processing order.</param>
    /// <param name="dead">Event indicators in processing order.</param>
    /// <param name="groupEnd">Exclusive end row of each run of equal (stratum, time).</param>
    /// <param name="groupNewStratum">Whether the run starts a new stratum (risk sums restart).</param>
    /// <param name="ties">Tie handling.</param>
    public CoxKernel(int p, double[] x, double[] w, bool[] dead, int[] groupEnd, bool[] groupNewStratum, CoxTies ties)
    {
        _p = p;
        _tri = p * (p + 1) / 2;
        _x = x;
        _w = w;
        _dead = dead;
        _groupEnd = groupEnd;
        _groupNewStratum = groupNewStratum;
        _efron = ties == CoxTies.Efron;
        _groupDeaths = new double[groupEnd.Length];
        _deathX = new double[p];
        int start = 0;
        for (int g = 0; g < groupEnd.Length; g++)
        {
            for (int i = start; i < groupEnd[g]; i++)
            {
                if (dead[i])
                {
                    _groupDeaths[g] += w[i];
                    for (int j = 0; j < p; j++)
                    {
                        _deathX[j] += w[i] * x[(i * p) + j];
                    }
                }
            }

            start = groupEnd[g];
        }

        _s1 = new double[p];
        _s2 = new double[_tri];
        _d1 = new double[p];
        _d2 = new double[_tri];
        _a = new double[p];
        _info = new double[_tri];
    }

    /// <summary>
    /// Computes ℓ(β), writes U(β) into <paramref name="score"/> (length p) and I(β) into <paramref name="information"/>
    /// (p×p, row-major, full), and returns ℓ(β).
    /// </summary>
    public double Evaluate(ReadOnlySpan<double> beta, double[] score, double[] information)
    {
        int p = _p;
        double[] x = _x;
        double[] w = _w;
        double[] s1 = _s1;
        double[] s2 = _s2;
        double[] d1 = _d1;
        double[] d2 = _d2;
        double[] info = _info;
        Array.Clear(info);

        double loglik = 0.0;
        for (int j = 0; j < p; j++)
        {
            loglik += beta[j] * _deathX[j];
            score[j] = _deathX[j];
        }

        double s0 = 0.0;
        double d0 = 0.0;
        int start = 0;
        for (int g = 0; g < _groupEnd.Length; g++)
        {
            int end = _groupEnd[g];
            if (_groupNewStratum[g])
            {
                s0 = 0.0;
                Array.Clear(s1);
                Array.Clear(s2);
            }

            double deaths = _groupDeaths[g];
            bool efronTies = _efron && deaths > 1.0;
            if (efronTies)
            {
                d0 = 0.0;
                Array.Clear(d1);
                Array.Clear(d2);
            }

            for (int i = start; i < end; i++)
            {
                int row = i * p;
                double eta = 0.0;
                for (int j = 0; j < p; j++)
                {
                    eta += x[row + j] * beta[j];
                }

                double r = w[i] * Math.Exp(eta);
                s0 += r;
                int t = 0;
                for (int j = 0; j < p; j++)
                {
                    double rx = r * x[row + j];
                    s1[j] += rx;
                    for (int k = 0; k <= j; k++)
                    {
                        s2[t++] += rx * x[row + k];
                    }
                }

                if (efronTies && _dead[i])
                {
                    d0 += r;
                    t = 0;
                    for (int j = 0; j < p; j++)
                    {
                        double rx = r * x[row + j];
                        d1[j] += rx;
                        for (int k = 0; k <= j; k++)
                        {
                            d2[t++] += rx * x[row + k];
                        }
                    }
                }
            }

            if (deaths > 0.0)
            {
                if (efronTies)
                {
                    AddEfron(deaths, s0, d0, score, ref loglik);
                }
                else
                {
                    AddBreslow(deaths, s0, score, ref loglik);
                }
            }

            start = end;
        }

        int u = 0;
        for (int j = 0; j < p; j++)
        {
            for (int k = 0; k <= j; k++)
            {
                information[(j * p) + k] = info[u];
                information[(k * p) + j] = info[u];
                u++;
            }
        }

        return loglik;
    }

    /// <summary>Breslow: d events each see the whole risk set, d·[log S0, S1/S0, S2/S0 − (S1/S0)(S1/S0)ᵀ].</summary>
    private void AddBreslow(double deaths, double s0, double[] score, ref double loglik)
    {
        int p = _p;
        double[] a = _a;
        loglik -= deaths * Math.Log(s0);
        for (int j = 0; j < p; j++)
        {
            a[j] = _s1[j] / s0;
            score[j] -= deaths * a[j];
        }

        int t = 0;
        for (int j = 0; j < p; j++)
        {
            for (int k = 0; k <= j; k++)
            {
                _info[t] += deaths * ((_s2[t] / s0) - (a[j] * a[k]));
                t++;
            }
        }
    }

    /// <summary>
    /// Efron: the m-th of d tied events (m = 0..d−1) has denominator S0 − (m/d)·D0, where D0, D1, D2 are the
    /// sums over the tied events only.
    /// </summary>
    private void AddEfron(double deaths, double s0, double d0, double[] score, ref double loglik)
    {
        int p = _p;
        double[] a = _a;
        int count = (int)deaths;
        for (int m = 0; m < count; m++)
        {
            double f = m / deaths;
            double den = s0 - (f * d0);
            loglik -= Math.Log(den);
            for (int j = 0; j < p; j++)
            {
                a[j] = (_s1[j] - (f * _d1[j])) / den;
                score[j] -= a[j];
            }

            int t = 0;
            for (int j = 0; j < p; j++)
            {
                for (int k = 0; k <= j; k++)
                {
                    _info[t] += ((_s2[t] - (f * _d2[t])) / den) - (a[j] * a[k]);
                    t++;
                }
            }
        }
    }
}
