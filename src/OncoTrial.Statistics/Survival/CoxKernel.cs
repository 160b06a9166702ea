namespace OncoTrial.Statistics;

/// <summary>
/// The inner loop of the Cox fit: log partial likelihood ℓ(β), score U(β) and observed information I(β) in one
/// pass over observations sorted by (stratum, time descending), with running sums of the risk-weighted
/// covariates and their outer products (Therneau &amp; Grambsch 2000, §3.3; Kalbfleisch &amp; Prentice 2002, §4.2).
/// Within each run of equal (stratum, time) the events come first, so the tied events' sums needed by Efron are
/// a prefix of the run and no row is summed twice. Covariates are centred; ℓ, U and I do not change under
/// centring. Not thread-safe: one instance per fit.
/// </summary>
internal sealed class CoxKernel
{
    private readonly int _p;
    private readonly int _tri;
    private readonly double[] _x;
    private readonly double[] _w;
    private readonly int[] _deathEnd;
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
    /// <param name="deathEnd">Exclusive end of the events at the start of each run of equal (stratum, time).</param>
    /// <param name="groupEnd">Exclusive end row of each run of equal (stratum, time).</param>
    /// <param name="groupNewStratum">Whether the run starts a new stratum (risk sums restart).</param>
    /// <param name="ties">Tie handling.</param>
    public CoxKernel(int p, double[] x, double[] w, int[] deathEnd, int[] groupEnd, bool[] groupNewStratum, CoxTies ties)
    {
        _p = p;
        _tri = p * (p + 1) / 2;
        _x = x;
        _w = w;
        _deathEnd = deathEnd;
        _groupEnd = groupEnd;
        _groupNewStratum = groupNewStratum;
        _efron = ties == CoxTies.Efron;
        _groupDeaths = new double[groupEnd.Length];
        _deathX = new double[p];
        int start = 0;
        for (int g = 0; g < groupEnd.Length; g++)
        {
            for (int i = start; i < deathEnd[g]; i++)
            {
                _groupDeaths[g] += w[i];
                for (int j = 0; j < p; j++)
                {
                    _deathX[j] += w[i] * x[(i * p) + j];
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
        int tri = _tri;
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
        int start = 0;
        for (int g = 0; g < _groupEnd.Length; g++)
        {
            int end = _groupEnd[g];
            int deathEnd = _deathEnd[g];
            if (_groupNewStratum[g])
            {
                s0 = 0.0;
                Array.Clear(s1);
                Array.Clear(s2);
            }

            if (deathEnd > start)
            {
                double d0 = 0.0;
                if (p > 3)
                {
                    Array.Clear(d1);
                    Array.Clear(d2);
                }

                // For p ≤ 3 Accumulate assigns (0 + x = x), so the event sums need no clearing.
                Accumulate(start, deathEnd, beta, ref d0, d1, d2, assign: true);
                s0 += d0;
                for (int j = 0; j < p; j++)
                {
                    s1[j] += d1[j];
                }

                for (int t = 0; t < tri; t++)
                {
                    s2[t] += d2[t];
                }

                Accumulate(deathEnd, end, beta, ref s0, s1, s2);
                double deaths = _groupDeaths[g];
                if (_efron && deaths > 1.0)
                {
                    AddEfron(deaths, s0, d0, score, ref loglik);
                }
                else
                {
                    AddBreslow(deaths, s0, score, ref loglik);
                }
            }
            else
            {
                Accumulate(start, end, beta, ref s0, s1, s2);
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

    /// <summary>Adds Σ r, Σ r·x and the lower triangle of Σ r·x·xᵀ over rows [from, to), r = w·exp(xᵀβ).</summary>
    private void Accumulate(int from, int to, ReadOnlySpan<double> beta, ref double sum0, double[] sum1, double[] sum2, bool assign = false)
    {
        double[] x = _x;
        double[] w = _w;
        switch (_p)
        {
            case 1:
                {
                    double b0 = beta[0];
                    double a = 0.0, a0 = 0.0, q00 = 0.0;
                    for (int i = from; i < to; i++)
                    {
                        double x0 = x[i];
                        double r = w[i] * Math.Exp(x0 * b0);
                        a += r;
                        double r0 = r * x0;
                        a0 += r0;
                        q00 += r0 * x0;
                    }

                    sum0 += a;
                    if (assign)
                    {
                        sum1[0] = a0;
                        sum2[0] = q00;
                        return;
                    }

                    sum1[0] += a0;
                    sum2[0] += q00;
                    return;
                }

            case 2:
                {
                    double b0 = beta[0], b1 = beta[1];
                    double a = 0.0, a0 = 0.0, a1 = 0.0, q00 = 0.0, q10 = 0.0, q11 = 0.0;
                    for (int i = from; i < to; i++)
                    {
                        int row = 2 * i;
                        double x0 = x[row], x1 = x[row + 1];
                        double r = w[i] * Math.Exp((x0 * b0) + (x1 * b1));
                        a += r;
                        double r0 = r * x0, r1 = r * x1;
                        a0 += r0;
                        a1 += r1;
                        q00 += r0 * x0;
                        q10 += r1 * x0;
                        q11 += r1 * x1;
                    }

                    sum0 += a;
                    if (assign)
                    {
                        sum1[0] = a0;
                        sum1[1] = a1;
                        sum2[0] = q00;
                        sum2[1] = q10;
                        sum2[2] = q11;
                        return;
                    }

                    sum1[0] += a0;
                    sum1[1] += a1;
                    sum2[0] += q00;
                    sum2[1] += q10;
                    sum2[2] += q11;
                    return;
                }

            case 3:
                {
                    double b0 = beta[0], b1 = beta[1], b2 = beta[2];
                    double a = 0.0, a0 = 0.0, a1 = 0.0, a2 = 0.0;
                    double q00 = 0.0, q10 = 0.0, q11 = 0.0, q20 = 0.0, q21 = 0.0, q22 = 0.0;
                    for (int i = from; i < to; i++)
                    {
                        int row = 3 * i;
                        double x0 = x[row], x1 = x[row + 1], x2 = x[row + 2];
                        double r = w[i] * Math.Exp((x0 * b0) + (x1 * b1) + (x2 * b2));
                        a += r;
                        double r0 = r * x0, r1 = r * x1, r2 = r * x2;
                        a0 += r0;
                        a1 += r1;
                        a2 += r2;
                        q00 += r0 * x0;
                        q10 += r1 * x0;
                        q11 += r1 * x1;
                        q20 += r2 * x0;
                        q21 += r2 * x1;
                        q22 += r2 * x2;
                    }

                    sum0 += a;
                    if (assign)
                    {
                        sum1[0] = a0;
                        sum1[1] = a1;
                        sum1[2] = a2;
                        sum2[0] = q00;
                        sum2[1] = q10;
                        sum2[2] = q11;
                        sum2[3] = q20;
                        sum2[4] = q21;
                        sum2[5] = q22;
                        return;
                    }

                    sum1[0] += a0;
                    sum1[1] += a1;
                    sum1[2] += a2;
                    sum2[0] += q00;
                    sum2[1] += q10;
                    sum2[2] += q11;
                    sum2[3] += q20;
                    sum2[4] += q21;
                    sum2[5] += q22;
                    return;
                }

            default:
                {
                    int p = _p;
                    for (int i = from; i < to; i++)
                    {
                        int row = i * p;
                        double eta = 0.0;
                        for (int j = 0; j < p; j++)
                        {
                            eta += x[row + j] * beta[j];
                        }

                        double r = w[i] * Math.Exp(eta);
                        sum0 += r;
                        int t = 0;
                        for (int j = 0; j < p; j++)
                        {
                            double rx = r * x[row + j];
                            sum1[j] += rx;
                            for (int k = 0; k <= j; k++)
                            {
                                sum2[t++] += rx * x[row + k];
                            }
                        }
                    }

                    return;
                }
        }
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
    /// Efron: the m-th of d tied events (m = 0..d−1) has denominator cₘ⁻¹ = S0 − fₘ·D0 with fₘ = m/d, where D0, D1,
    /// D2 are the sums over the tied events only. Its terms are log(S0 − fₘD0), aₘ = (S1 − fₘD1)·cₘ and
    /// (S2 − fₘD2)·cₘ − aₘaₘᵀ; summed over m they need only the scalars Σcₘ, Σfₘcₘ, Σcₘ², Σfₘcₘ², Σfₘ²cₘ², so the
    /// loop over the tied events is scalar and the p×p work is done once per event time.
    /// </summary>
    private void AddEfron(double deaths, double s0, double d0, double[] score, ref double loglik)
    {
        int p = _p;
        int count = (int)deaths;
        double sc = 0.0, sfc = 0.0, sc2 = 0.0, sfc2 = 0.0, sffc2 = 0.0, logs = 0.0;
        for (int m = 0; m < count; m++)
        {
            double f = m / deaths;
            double den = s0 - (f * d0);
            logs += Math.Log(den);
            double c = 1.0 / den;
            double c2 = c * c;
            sc += c;
            sfc += f * c;
            sc2 += c2;
            sfc2 += f * c2;
            sffc2 += f * f * c2;
        }

        loglik -= logs;
        double[] s1 = _s1;
        double[] d1 = _d1;
        for (int j = 0; j < p; j++)
        {
            score[j] -= (s1[j] * sc) - (d1[j] * sfc);
        }

        int t = 0;
        for (int j = 0; j < p; j++)
        {
            for (int k = 0; k <= j; k++)
            {
                _info[t] += (_s2[t] * sc) - (_d2[t] * sfc)
                    - ((s1[j] * s1[k] * sc2) - (((s1[j] * d1[k]) + (d1[j] * s1[k])) * sfc2) + (d1[j] * d1[k] * sffc2));
                t++;
            }
        }
    }
}
