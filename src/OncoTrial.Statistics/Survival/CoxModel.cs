using MathNet.Numerics.Distributions;

namespace OncoTrial.Statistics;

/// <summary>
/// The Cox proportional-hazards model h(t | x) = h₀(t)·exp(xᵀβ), fitted by maximising the partial likelihood
/// (Cox 1972) with Breslow (1974) or Efron (1977) handling of tied event times, optional strata (separate
/// baseline hazards, shared β) and integer case weights. Equivalent to R <c>survival::coxph</c> and SAS
/// PROC PHREG; the formulas are in docs/methods/cox.md.
/// </summary>
public static class CoxModel
{
    /// <summary>Relative pivot tolerance of the Cholesky factorisation, ε^0.75 as R <c>coxph.control(toler.chol)</c>.</summary>
    private static readonly double CholeskyTolerance = Math.Pow(2.220446049250313e-16, 0.75);

    /// <summary>Fits a Cox proportional-hazards model by Newton-Raphson.</summary>
    /// <param name="time">Follow-up times, finite and ≥ 0.</param>
    /// <param name="status">1 = event, 0 = right-censored.</param>
    /// <param name="covariates">At least one covariate, each with one value per observation and a distinct name.</param>
    /// <param name="options">Ties, confidence level and convergence settings; <see cref="CoxOptions.Default"/> when null.</param>
    /// <param name="strata">Optional stratum codes 0..s−1 (empty = one stratum): separate risk sets, shared β.</param>
    /// <param name="weights">Optional integer case (frequency) weights ≥ 0 (empty = all 1): a row with weight k is the
    /// same as k copies of the row, for both tie methods.</param>
    /// <returns>The fit; non-convergence and monotone likelihood are warnings on it, not exceptions.</returns>
    /// <exception cref="ArgumentException">Invalid input (the message names the argument, row and fix), no events,
    /// a constant covariate, or a term that is a linear combination of others.</exception>
    /// <remarks>
    /// <para>
    /// With risk score rᵢ = wᵢ·exp(xᵢᵀβ), risk set R(t) = {i : tᵢ ≥ t} within the stratum, and at each event time
    /// S₀ = Σ_R rᵢ, S₁ = Σ_R rᵢxᵢ, S₂ = Σ_R rᵢxᵢxᵢᵀ, the Breslow log partial likelihood is
    /// ℓ(β) = Σ_events wᵢxᵢᵀβ − Σ_t d_t·log S₀(t) (Breslow 1974; Kalbfleisch &amp; Prentice 2002, eq. 4.30), and the
    /// Efron form replaces d_t·log S₀ by Σ_{m=0}^{d_t−1} log(S₀ − (m/d_t)·D₀), D₀ being the sum of rᵢ over the tied
    /// events (Efron 1977; Therneau &amp; Grambsch 2000, §3.3). The score is U = ∂ℓ/∂β and the information
    /// I = −∂²ℓ/∂β∂βᵀ = Σ (S₂/S₀ − (S₁/S₀)(S₁/S₀)ᵀ) per event term.
    /// </para>
    /// <para>
    /// Newton-Raphson starts at β = 0, steps β ← β + I⁻¹U, halves the step while ℓ decreases, and stops when
    /// |1 − ℓ_old/ℓ_new| ≤ <see cref="CoxOptions.Tolerance"/> (the rule of R <c>coxph.control(eps)</c>). The covariance is
    /// I(β̂)⁻¹; the Wald test is β̂ᵀI(β̂)β̂, the likelihood-ratio test 2(ℓ(β̂) − ℓ(0)) and the score test U(0)ᵀI(0)⁻¹U(0),
    /// each on p degrees of freedom.
    /// </para>
    /// <para>
    /// R: <c>coxph(Surv(time, status) ~ x + strata(s), ties = "efron", weights = w)</c> — identical for Breslow; for
    /// Efron with case weights R counts tied rows rather than weighted events, so this method equals R on the
    /// replicated rows instead (see docs/methods/cox.md). R's <c>timefix</c> merging of nearly equal times is not
    /// applied: times tie only when equal. SAS: <c>PROC PHREG; CLASS …/PARAM=REF; MODEL time*status(0) = … /
    /// TIES=EFRON RL; STRATA s; FREQ w;</c>.
    /// </para>
    /// </remarks>
    public static CoxFit Fit(
        ReadOnlySpan<double> time,
        ReadOnlySpan<int> status,
        IReadOnlyList<CoxCovariate> covariates,
        CoxOptions? options = null,
        ReadOnlySpan<int> strata = default,
        ReadOnlySpan<int> weights = default)
    {
        SurvivalInput.Validate(time, status, weights);
        ArgumentNullException.ThrowIfNull(covariates);
        options ??= CoxOptions.Default;
        ValidateOptions(options);
        int n = time.Length;
        if (!strata.IsEmpty)
        {
            int max = 0;
            for (int i = 0; i < strata.Length; i++)
            {
                max = Math.Max(max, strata[i]);
            }

            SurvivalInput.ValidateCodes(strata, max + 1, n, nameof(strata));
        }

        var (names, x) = BuildDesign(covariates, n);
        int p = names.Count;

        double events = 0.0;
        for (int i = 0; i < n; i++)
        {
            double w = weights.IsEmpty ? 1.0 : weights[i];
            events += w * status[i];
        }

        if (events <= 0.0)
        {
            throw new ArgumentException(
                "status: expected at least one event (status 1 with a positive weight), found none. A Cox model needs events; check the event coding.",
                nameof(status));
        }

        double[] scale = Centre(x, n, p, weights, events, out int constant);
        if (constant >= 0)
        {
            throw new ArgumentException(
                SurvivalInput.Invariant($"covariate {names[constant]}: expected values that vary, found the same value in every observation with positive weight. Drop the covariate."),
                nameof(covariates));
        }

        CoxKernel kernel = BuildKernel(time, status, strata, weights, x, p, options.Ties);
        var score = new double[p];
        var info = new double[p * p];
        double loglik0 = kernel.Evaluate(new double[p], score, info);
        SymmetricCholesky chol0 = SymmetricCholesky.Decompose(info, p, scale, CholeskyTolerance);
        if (chol0.FirstSingular >= 0)
        {
            throw new ArgumentException(
                SurvivalInput.Invariant($"covariate {names[chol0.FirstSingular]}: the term is constant within every risk set or a linear combination of the terms before it, so its coefficient cannot be estimated. Drop the term or merge levels."),
                nameof(covariates));
        }

        return Iterate(kernel, names, scale, n, events, options, loglik0, score, info, chol0);
    }

    private static void ValidateOptions(CoxOptions options)
    {
        if (options.MaxIterations < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxIterations, "options.MaxIterations: expected an integer >= 0 (default 20).");
        }

        if (!(options.Tolerance > 0.0 && double.IsFinite(options.Tolerance)))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Tolerance, "options.Tolerance: expected a finite number > 0 (default 1e-9).");
        }
    }

    private static (List<string> Names, double[] X) BuildDesign(IReadOnlyList<CoxCovariate> covariates, int n)
    {
        var problems = new List<string>();
        if (covariates.Count == 0)
        {
            problems.Add("covariates: expected at least one covariate, found none. Add the treatment or another covariate.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int c = 0; c < covariates.Count; c++)
        {
            CoxCovariate? cov = covariates[c];
            if (cov is null)
            {
                problems.Add(SurvivalInput.Invariant($"covariates[{c}]: expected a covariate, found null. Remove the entry."));
                continue;
            }

            if (!seen.Add(cov.Name))
            {
                problems.Add(SurvivalInput.Invariant($"covariate {cov.Name}: the name occurs more than once. Give each covariate a distinct name."));
            }

            cov.Validate(n, problems);
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(Environment.NewLine, problems), nameof(covariates));
        }

        var names = new List<string>();
        foreach (CoxCovariate cov in covariates)
        {
            cov.AddTermNames(names);
        }

        int p = names.Count;
        var x = new double[n * p];
        int column = 0;
        foreach (CoxCovariate cov in covariates)
        {
            cov.Expand(x, p, column);
            column += cov.TermCount;
        }

        return (names, x);
    }

    /// <summary>Centres each column at its weighted mean; returns the scale Var(x_j)·events used to judge singularity.</summary>
    private static double[] Centre(double[] x, int n, int p, ReadOnlySpan<int> weights, double events, out int constant)
    {
        constant = -1;
        var mean = new double[p];
        double total = 0.0;
        for (int i = 0; i < n; i++)
        {
            double w = weights.IsEmpty ? 1.0 : weights[i];
            total += w;
            for (int j = 0; j < p; j++)
            {
                mean[j] += w * x[(i * p) + j];
            }
        }

        for (int j = 0; j < p; j++)
        {
            mean[j] /= total;
        }

        var scale = new double[p];
        for (int i = 0; i < n; i++)
        {
            double w = weights.IsEmpty ? 1.0 : weights[i];
            for (int j = 0; j < p; j++)
            {
                double c = x[(i * p) + j] - mean[j];
                x[(i * p) + j] = c;
                scale[j] += w * c * c;
            }
        }

        for (int j = 0; j < p; j++)
        {
            double variance = scale[j] / total;
            if (!(variance > 1e-28 * Math.Max(1.0, mean[j] * mean[j])) && constant < 0)
            {
                constant = j;
            }

            scale[j] = variance * events;
        }

        return scale;
    }

    /// <summary>
    /// Sorts once by (stratum ascending, time descending), drops zero-weight rows, and lays out each run of equal
    /// (stratum, time) with its events first.
    /// </summary>
    private static CoxKernel BuildKernel(
        ReadOnlySpan<double> time, ReadOnlySpan<int> status, ReadOnlySpan<int> strata, ReadOnlySpan<int> weights, double[] x, int p, CoxTies ties)
    {
        int n = time.Length;
        (int[] order, ulong[] keys) = SortByTimeDescending(time, status);
        if (!strata.IsEmpty)
        {
            // Stable counting sort by stratum keeps time descending within each stratum.
            int levels = 0;
            for (int i = 0; i < n; i++)
            {
                levels = Math.Max(levels, strata[i] + 1);
            }

            var start = new int[levels + 1];
            for (int i = 0; i < n; i++)
            {
                start[strata[i] + 1]++;
            }

            for (int s = 0; s < levels; s++)
            {
                start[s + 1] += start[s];
            }

            var byStratum = new int[n];
            var keysByStratum = new ulong[n];
            for (int k = 0; k < n; k++)
            {
                int i = order[k];
                int at = start[strata[i]]++;
                byStratum[at] = i;
                keysByStratum[at] = keys[k];
            }

            order = byStratum;
            keys = keysByStratum;
        }

        int kept = 0;
        for (int k = 0; k < n; k++)
        {
            if (weights.IsEmpty || weights[order[k]] > 0)
            {
                keys[kept] = keys[k];
                order[kept++] = order[k];
            }
        }

        var xs = new double[kept * p];
        var ws = new double[kept];
        var deathEnd = new int[kept];
        var groupEnd = new int[kept];
        var groupNewStratum = new bool[kept];
        int groups = -1;
        int lastStratum = -1;
        ulong lastTime = 0;
        for (int row = 0; row < kept; row++)
        {
            int i = order[row];
            int s = strata.IsEmpty ? 0 : strata[i];
            ulong t = keys[row] >> 1;
            if (s != lastStratum || t != lastTime || groups < 0)
            {
                groups++;
                groupNewStratum[groups] = s != lastStratum;
                deathEnd[groups] = row;
                lastStratum = s;
                lastTime = t;
            }

            if ((keys[row] & 1UL) == 0UL)
            {
                deathEnd[groups] = row + 1;
            }

            groupEnd[groups] = row + 1;
            int from = i * p;
            int to = row * p;
            for (int j = 0; j < p; j++)
            {
                xs[to + j] = x[from + j];
            }

            ws[row] = weights.IsEmpty ? 1.0 : weights[i];
        }

        groups++;
        return new CoxKernel(p, xs, ws, deathEnd[..groups], groupEnd[..groups], groupNewStratum[..groups], ties);
    }

    /// <summary>
    /// Row indices ordered by time descending and, at equal times, events before censorings, with the sorted
    /// keys: an LSD radix sort on key = (complemented IEEE-754 bits of the time) &lt;&lt; 1 | (1 − status). For times ≥ 0
    /// the bit pattern is monotone and its sign bit is 0, so the shift loses nothing and key &gt;&gt; 1 identifies the
    /// time. Six passes of 11 bits, all histograms taken in one read, passes where every key shares the digit
    /// skipped. Rows with equal keys keep no particular order (none is needed).
    /// </summary>
    internal static (int[] Order, ulong[] Keys) SortByTimeDescending(ReadOnlySpan<double> time, ReadOnlySpan<int> status)
    {
        const int Bits = 11;
        const int Buckets = 1 << Bits;
        const int Passes = 6;
        int n = time.Length;
        var keys = new ulong[n];
        var order = new int[n];
        for (int i = 0; i < n; i++)
        {
            // +0.0 turns −0 into +0; the complement makes ascending key order descending time order.
            keys[i] = (~(ulong)BitConverter.DoubleToInt64Bits(time[i] + 0.0) << 1) | (uint)(1 - status[i]);
            order[i] = i;
        }

        if (n < 4096)
        {
            Array.Sort(keys, order);
            return (order, keys);
        }

        var count = new int[Passes * Buckets];
        for (int i = 0; i < n; i++)
        {
            ulong k = keys[i];
            for (int pass = 0; pass < Passes; pass++)
            {
                count[(pass * Buckets) + (int)((k >> (pass * Bits)) & (Buckets - 1))]++;
            }
        }

        var keys2 = new ulong[n];
        var order2 = new int[n];
        for (int pass = 0; pass < Passes; pass++)
        {
            int shift = pass * Bits;
            var c = new Span<int>(count, pass * Buckets, Buckets);
            if (c[(int)((keys[0] >> shift) & (Buckets - 1))] == n)
            {
                continue;
            }

            int total = 0;
            for (int d = 0; d < Buckets; d++)
            {
                int m = c[d];
                c[d] = total;
                total += m;
            }

            for (int i = 0; i < n; i++)
            {
                ulong k = keys[i];
                int at = c[(int)((k >> shift) & (Buckets - 1))]++;
                keys2[at] = k;
                order2[at] = order[i];
            }

            (keys, keys2) = (keys2, keys);
            (order, order2) = (order2, order);
        }

        return (order, keys);
    }

    private static CoxFit Iterate(
        CoxKernel kernel, List<string> names, double[] scale, int n, double events, CoxOptions options,
        double loglik0, double[] score, double[] info, SymmetricCholesky chol0)
    {
        int p = names.Count;
        var beta = new double[p];
        double[] u0 = chol0.Solve(score);
        double scoreStat = Dot(score, u0);

        double loglik = loglik0;
        SymmetricCholesky chol = chol0;
        var newBeta = new double[p];
        var newScore = new double[p];
        var newInfo = new double[p * p];
        bool converged = false;
        bool halving = false;
        int iterations = 0;
        while (iterations < options.MaxIterations)
        {
            iterations++;
            if (halving)
            {
                for (int j = 0; j < p; j++)
                {
                    newBeta[j] = 0.5 * (newBeta[j] + beta[j]);
                }
            }
            else
            {
                double[] step = chol.Solve(score);
                for (int j = 0; j < p; j++)
                {
                    newBeta[j] = beta[j] + step[j];
                }
            }

            double newLoglik = kernel.Evaluate(newBeta, newScore, newInfo);
            if (double.IsFinite(newLoglik) && Math.Abs(1.0 - (loglik / newLoglik)) <= options.Tolerance)
            {
                converged = true;
                Accept();
                break;
            }

            if (!double.IsFinite(newLoglik) || newLoglik < loglik)
            {
                halving = true;
            }
            else
            {
                halving = false;
                Accept();
            }

            void Accept()
            {
                Array.Copy(newBeta, beta, p);
                Array.Copy(newScore, score, p);
                Array.Copy(newInfo, info, p * p);
                loglik = newLoglik;
                chol = SymmetricCholesky.Decompose(info, p, scale, CholeskyTolerance);
            }
        }

        return Summarise(beta, score, info, chol, names, n, events, loglik0, loglik, scoreStat, iterations, converged, options);
    }

    private static CoxFit Summarise(
        double[] beta, double[] score, double[] info, SymmetricCholesky chol, List<string> names, int n, double events,
        double loglik0, double loglik, double scoreStat, int iterations, bool converged, CoxOptions options)
    {
        int p = beta.Length;
        double[] inverse = chol.Inverse();
        double z = options.ConfidenceLevel.Z;
        var terms = new CoxTerm[p];
        var covariance = new IReadOnlyList<double>[p];
        for (int j = 0; j < p; j++)
        {
            double b = beta[j];
            double se = Math.Sqrt(inverse[(j * p) + j]);
            double zj = b / se;
            terms[j] = new CoxTerm(names[j], b, se, Math.Exp(b), Math.Exp(b - (z * se)), Math.Exp(b + (z * se)), zj, 2.0 * Normal.CDF(0.0, 1.0, -Math.Abs(zj)));
            var row = new double[p];
            Array.Copy(inverse, j * p, row, 0, p);
            covariance[j] = row;
        }

        var infoBeta = new double[p];
        for (int j = 0; j < p; j++)
        {
            for (int k = 0; k < p; k++)
            {
                infoBeta[j] += info[(j * p) + k] * beta[k];
            }
        }

        var warnings = new List<StatisticalWarning>();
        if (!converged)
        {
            warnings.Add(new StatisticalWarning(
                "cox.not_converged",
                SurvivalInput.Invariant($"The Newton-Raphson iterations did not converge in {iterations} iterations (tolerance {options.Tolerance}); the estimates are from the last accepted step. Increase MaxIterations or check for a monotone likelihood.")));
        }

        // A coefficient drifting to ±∞ keeps a Newton step of order 1 (or has lost its information) while ℓ no longer
        // changes: flag terms whose next step exceeds √tolerance relative to the coefficient (Therneau & Grambsch 2000, §3.5).
        double[] nextStep = chol.Solve(score);
        double infTolerance = Math.Sqrt(options.Tolerance);
        for (int j = 0; j < p; j++)
        {
            if (chol.IsSingular(j) || (Math.Abs(nextStep[j]) > options.Tolerance && Math.Abs(nextStep[j]) > infTolerance * Math.Abs(beta[j])))
            {
                warnings.Add(new StatisticalWarning(
                    "cox.monotone_likelihood",
                    SurvivalInput.Invariant($"Term {names[j]}: the partial likelihood keeps increasing as the coefficient grows in size ({beta[j]:G6} after {iterations} iterations), so the estimate is infinite (monotone likelihood). Typically one group has no events; report the hazard ratio as not estimable or use Firth's correction.")));
            }
        }

        return new CoxFit
        {
            Options = options,
            N = n,
            Events = events,
            Terms = terms,
            Covariance = covariance,
            LogLikelihoodNull = loglik0,
            LogLikelihood = loglik,
            Wald = ChiSquareTest.FromStatistic(Dot(beta, infoBeta), p),
            LikelihoodRatio = ChiSquareTest.FromStatistic(2.0 * (loglik - loglik0), p),
            Score = ChiSquareTest.FromStatistic(scoreStat, p),
            Iterations = iterations,
            Converged = converged,
            Warnings = warnings,
        };
    }

    private static double Dot(double[] a, double[] b)
    {
        double s = 0.0;
        for (int j = 0; j < a.Length; j++)
        {
            s += a[j] * b[j];
        }

        return s;
    }
}
