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

        var (names, columns) = BuildColumns(covariates, n);
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

        double[] scale = Moments(columns, weights, events, out double[] mean, out int constant);
        if (constant >= 0)
        {
            throw new ArgumentException(
                SurvivalInput.Invariant($"covariate {names[constant]}: expected values that vary, found the same value in every observation with positive weight. Drop the covariate."),
                nameof(covariates));
        }

        CoxKernel kernel = BuildKernel(time, status, strata, weights, columns, mean, options.Ties);
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

    private static void ValidateOptions(CoxOptions options) => OptionProblems.ThrowIfAny(options.Validate(), nameof(options));

    private static (List<string> Names, List<double[]> Columns) BuildColumns(IReadOnlyList<CoxCovariate> covariates, int n)
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
        var columns = new List<double[]>();
        foreach (CoxCovariate cov in covariates)
        {
            cov.AddTermNames(names);
            cov.AddColumns(columns);
        }

        return (names, columns);
    }

    /// <summary>
    /// The weighted mean of each term column, and the scale Var(x_j)·events used to judge singularity (the columns
    /// are centred later, as they are gathered into processing order).
    /// </summary>
    private static double[] Moments(List<double[]> columns, ReadOnlySpan<int> weights, double events, out double[] mean, out int constant)
    {
        constant = -1;
        int p = columns.Count;
        mean = new double[p];
        var scale = new double[p];
        double total = 0.0;
        if (weights.IsEmpty)
        {
            total = columns[0].Length;
        }
        else
        {
            foreach (int w in weights)
            {
                total += w;
            }
        }

        for (int j = 0; j < p; j++)
        {
            ReadOnlySpan<double> x = columns[j];
            double sum = 0.0;
            if (weights.IsEmpty)
            {
                foreach (double v in x)
                {
                    sum += v;
                }
            }
            else
            {
                for (int i = 0; i < x.Length; i++)
                {
                    sum += weights[i] * x[i];
                }
            }

            double m = sum / total;
            double squares = 0.0;
            if (weights.IsEmpty)
            {
                foreach (double v in x)
                {
                    double c = v - m;
                    squares += c * c;
                }
            }
            else
            {
                for (int i = 0; i < x.Length; i++)
                {
                    double c = x[i] - m;
                    squares += weights[i] * c * c;
                }
            }

            double variance = squares / total;
            if (!(variance > 1e-28 * Math.Max(1.0, m * m)) && constant < 0)
            {
                constant = j;
            }

            mean[j] = m;
            scale[j] = variance * events;
        }

        return scale;
    }

    /// <summary>
    /// Sorts once by (stratum ascending, time descending, events first), drops zero-weight rows, and writes the
    /// centred covariates row-major in that order; each run of equal (stratum, time) has its events first. The
    /// rows are scattered to their sorted positions while the inputs are read in their own order (sequential reads;
    /// the writes of a counting sort advance in one stream per time), which beats gathering from n random places.
    /// </summary>
    private static CoxKernel BuildKernel(
        ReadOnlySpan<double> time, ReadOnlySpan<int> status, ReadOnlySpan<int> strata, ReadOnlySpan<int> weights,
        List<double[]> columns, double[] mean, CoxTies ties)
    {
        int n = time.Length;
        int p = columns.Count;
        int[] position = SortPositions(time, status, out int[] runDeathEnd, out int[] runEnd);
        bool dropped = false;
        if (!weights.IsEmpty)
        {
            foreach (int w in weights)
            {
                dropped |= w == 0;
            }
        }

        if (strata.IsEmpty && !dropped)
        {
            return new CoxKernel(p, ScatterRows(position, columns, mean), Weights(weights, position), runDeathEnd, runEnd, NewStratumFlags(runEnd.Length), ties);
        }

        int[] order = new int[n];
        for (int i = 0; i < n; i++)
        {
            order[position[i]] = i;
        }

        if (!strata.IsEmpty)
        {
            // Stable counting sort by stratum keeps time descending (events first) within each stratum.
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
            foreach (int i in order)
            {
                byStratum[start[strata[i]]++] = i;
            }

            order = byStratum;
        }

        Array.Fill(position, -1);
        int kept = 0;
        foreach (int i in order)
        {
            if (weights.IsEmpty || weights[i] > 0)
            {
                position[i] = kept++;
            }
        }

        var xs = new double[kept * p];
        var ws = new double[kept];
        var sortedTime = new double[kept];
        var sortedEvent = new bool[kept];
        var sortedStratum = strata.IsEmpty ? null : new int[kept];
        for (int i = 0; i < n; i++)
        {
            int row = position[i];
            if (row < 0)
            {
                continue;
            }

            sortedTime[row] = time[i];
            sortedEvent[row] = status[i] == 1;
            ws[row] = weights.IsEmpty ? 1.0 : weights[i];
            if (sortedStratum is not null)
            {
                sortedStratum[row] = strata[i];
            }

            int to = row * p;
            for (int j = 0; j < p; j++)
            {
                xs[to + j] = columns[j][i] - mean[j];
            }
        }

        var deathEnd = new int[kept];
        var groupEnd = new int[kept];
        var groupNewStratum = new bool[kept];
        int groups = -1;
        int lastStratum = -1;
        double lastTime = 0;
        for (int row = 0; row < kept; row++)
        {
            int s = sortedStratum is null ? 0 : sortedStratum[row];
            double t = sortedTime[row];
            if (s != lastStratum || t != lastTime || groups < 0)
            {
                groups++;
                groupNewStratum[groups] = s != lastStratum;
                deathEnd[groups] = row;
                lastStratum = s;
                lastTime = t;
            }

            if (sortedEvent[row])
            {
                deathEnd[groups] = row + 1;
            }

            groupEnd[groups] = row + 1;
        }

        groups++;
        return new CoxKernel(p, xs, ws, deathEnd[..groups], groupEnd[..groups], groupNewStratum[..groups], ties);
    }

    private static bool[] NewStratumFlags(int runs)
    {
        var flags = new bool[runs];
        flags[0] = true;
        return flags;
    }

    /// <summary>The case weights as doubles, weight i written to row position[i].</summary>
    private static double[] Weights(ReadOnlySpan<int> weights, int[] position)
    {
        var ws = new double[position.Length];
        if (weights.IsEmpty)
        {
            Array.Fill(ws, 1.0);
        }
        else
        {
            for (int i = 0; i < position.Length; i++)
            {
                ws[position[i]] = weights[i];
            }
        }

        return ws;
    }

    /// <summary>The centred covariates, row-major, row i of the input written to row position[i].</summary>
    private static double[] ScatterRows(int[] position, List<double[]> columns, double[] mean)
    {
        int p = columns.Count;
        int n = position.Length;
        var xs = new double[n * p];
        if (p == 3)
        {
            double[] c0 = columns[0], c1 = columns[1], c2 = columns[2];
            double m0 = mean[0], m1 = mean[1], m2 = mean[2];
            for (int i = 0; i < n; i++)
            {
                int to = 3 * position[i];
                xs[to] = c0[i] - m0;
                xs[to + 1] = c1[i] - m1;
                xs[to + 2] = c2[i] - m2;
            }

            return xs;
        }

        for (int i = 0; i < n; i++)
        {
            int to = p * position[i];
            for (int j = 0; j < p; j++)
            {
                xs[to + j] = columns[j][i] - mean[j];
            }
        }

        return xs;
    }

    /// <summary>
    /// Row indices ordered by time descending and, at equal times, events before censorings (the inverse of
    /// <see cref="SortPositions"/>). Rows with equal time and status keep no particular order (none is needed).
    /// </summary>
    internal static int[] SortByTimeDescending(ReadOnlySpan<double> time, ReadOnlySpan<int> status)
    {
        int[] position = SortPositions(time, status, out _, out _);
        var order = new int[position.Length];
        for (int i = 0; i < position.Length; i++)
        {
            order[position[i]] = i;
        }

        return order;
    }

    /// <summary>
    /// The position of each row in the order by time descending and, at equal times, events before censorings.
    /// Integer times whose range is small next to n (e.g. days) take one counting sort on 2·(max − t) + (1 − status);
    /// other times a <see cref="RadixSort"/> ascending on key = (IEEE-754 bits of t + 0.0) &lt;&lt; 1 | status, read
    /// backwards (for times ≥ 0 the bit pattern is monotone and its sign bit is 0, so the shift loses nothing).
    /// </summary>
    /// <param name="time">Times.</param>
    /// <param name="status">Statuses.</param>
    /// <param name="deathEnd">Per run of equal times in sorted order: the exclusive end of its events.</param>
    /// <param name="end">Per run of equal times in sorted order: its exclusive end.</param>
    internal static int[] SortPositions(ReadOnlySpan<double> time, ReadOnlySpan<int> status, out int[] deathEnd, out int[] end)
    {
        int n = time.Length;
        var position = new int[n];
        double min = double.PositiveInfinity;
        double max = double.NegativeInfinity;
        bool integers = true;
        foreach (double t in time)
        {
            if (t != Math.Floor(t))
            {
                integers = false;
                break;
            }

            min = Math.Min(min, t);
            max = Math.Max(max, t);
        }

        if (integers && max - min <= Math.Max(4096.0, 2.0 * n))
        {
            int cells = (2 * (int)(max - min)) + 2;
            var start = new int[cells + 1];
            for (int i = 0; i < n; i++)
            {
                start[(2 * (int)(max - time[i])) + 1 - status[i] + 1]++;
            }

            for (int c = 0; c < cells; c++)
            {
                start[c + 1] += start[c];
            }

            int runs = 0;
            for (int c = 0; c < cells; c += 2)
            {
                if (start[c + 2] > start[c])
                {
                    runs++;
                }
            }

            deathEnd = new int[runs];
            end = new int[runs];
            runs = 0;
            for (int c = 0; c < cells; c += 2)
            {
                if (start[c + 2] > start[c])
                {
                    deathEnd[runs] = start[c + 1];
                    end[runs++] = start[c + 2];
                }
            }

            for (int i = 0; i < n; i++)
            {
                position[i] = start[(2 * (int)(max - time[i])) + 1 - status[i]]++;
            }

            return position;
        }

        var rows = new KeyedRow[n];
        for (int i = 0; i < n; i++)
        {
            // +0.0 turns −0 into +0.
            rows[i] = new KeyedRow((BitConverter.DoubleToUInt64Bits(time[i] + 0.0) << 1) | (uint)status[i], (uint)i);
        }

        RadixSort.Sort(rows, n <= RadixSort.InsertionSortLimit ? default : new KeyedRow[n]);
        int count = 0;
        for (int k = 0; k < n; k++)
        {
            position[(int)rows[k].Payload] = n - 1 - k;
            if (k == 0 || (rows[k].Key >> 1) != (rows[k - 1].Key >> 1))
            {
                count++;
            }
        }

        deathEnd = new int[count];
        end = new int[count];
        int run = -1;
        for (int row = 0; row < n; row++)
        {
            ulong key = rows[n - 1 - row].Key;
            if (row == 0 || (key >> 1) != (rows[n - row].Key >> 1))
            {
                run++;
                deathEnd[run] = row;
            }

            if ((key & 1UL) != 0)
            {
                deathEnd[run] = row + 1;
            }

            end[run] = row + 1;
        }

        return position;
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
