using System.Globalization;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.RootFinding;

namespace OncoTrial.Statistics.Design;

/// <summary>
/// One-sided group-sequential designs with Lan-DeMets alpha spending: critical values by the recursive numerical
/// integration of Armitage, McPherson &amp; Rowe (1969), as set out by Jennison &amp; Turnbull (2000, ch. 19).
/// </summary>
public static class GroupSequentialDesign
{
    /// <summary>Default Simpson panels per unit of z (the grid is tightened until the rpact fixture agrees; see docs).</summary>
    public const int DefaultGridPointsPerUnit = 100;

    private const double Tail = 8;

    /// <summary>The spending function value α(t).</summary>
    /// <param name="spending">O'Brien-Fleming or Pocock type.</param>
    /// <param name="alpha">One-sided level, 0 &lt; α &lt; 1.</param>
    /// <param name="t">Information fraction, 0 &lt; t ≤ 1.</param>
    /// <remarks>
    /// O'Brien-Fleming type α(t) = 2 − 2Φ(Φ⁻¹(1 − α/2)/√t); Pocock type α(t) = α ln(1 + (e − 1)t)
    /// (Lan &amp; DeMets 1983, Biometrika 70:659; Jennison &amp; Turnbull 2000, §7.2). rpact <c>asOF</c>, <c>asP</c>.
    /// </remarks>
    public static double ComputeAlphaSpent(LanDeMetsSpending spending, double alpha, double t) => spending switch
    {
        LanDeMetsSpending.OBrienFleming => 2 - (2 * Normal.CDF(0, 1, Normal.InvCDF(0, 1, 1 - (alpha / 2)) / Math.Sqrt(t))),
        LanDeMetsSpending.Pocock => alpha * Math.Log(1 + ((Math.E - 1) * t)),
        _ => throw new ArgumentOutOfRangeException(nameof(spending), spending, "Expected OBrienFleming or Pocock."),
    };

    /// <summary>Computes the efficacy boundaries and the design characteristics.</summary>
    /// <param name="informationRates">Information fractions, strictly increasing, 0 &lt; t_k, last = 1.</param>
    /// <param name="alpha">One-sided level, 0 &lt; α &lt; 0.5.</param>
    /// <param name="beta">Type II error, 0 &lt; β &lt; 1 − α.</param>
    /// <param name="spending">The alpha-spending function.</param>
    /// <param name="gridPointsPerUnit">Simpson panels per unit of z, ≥ 10.</param>
    /// <param name="futilityBounds">
    /// Optional non-binding futility bounds f₁ … f_{K−1} on the z scale (stop for futility when Z_k &lt; f_k); null for none.
    /// Non-binding: the efficacy bounds are computed as if the futility bounds were ignored, so α is kept whether or not
    /// they are followed; power, drift and expected information assume they are followed (rpact
    /// <c>futilityBounds</c>, <c>bindingFutility = FALSE</c>).
    /// </param>
    /// <returns>Critical values, alpha spent, rejection probabilities, drift, inflation factor, expected information.</returns>
    /// <remarks>
    /// <para>
    /// Canonical joint distribution (Jennison &amp; Turnbull 2000, §3.1): Z_k = S_k/√I_k with S_k a Brownian motion
    /// with drift θ observed at I_k. The sub-density of Z_k on the continuation region,
    /// f₁(z) = φ(z − θ√I₁) and f_k(z) = ∫_{−∞}^{c_{k−1}} f_{k−1}(u) (√I_k/√Δ_k) φ((z√I_k − u√I_{k−1} − θΔ_k)/√Δ_k) du,
    /// Δ_k = I_k − I_{k−1} (Armitage, McPherson &amp; Rowe 1969; Jennison &amp; Turnbull 2000, §19.2), is held on a
    /// uniform grid from θ√I_k − 8 to min(c_k, θ√I_k + 8) and integrated by composite Simpson. The crossing probability at look k is
    /// ∫ f_{k−1}(u) Φ̄((c_k√I_k − u√I_{k−1} − θΔ_k)/√Δ_k) du, and c_k solves
    /// P_{θ=0}(first crossing at k) = α(t_k) − α(t_{k−1}) by Brent's method (tolerance 1e-13).
    /// The drift θ√I_K giving power 1 − β is found the same way; the inflation factor is (θ√I_K/(z_α + z_β))².
    /// </para>
    /// <para>
    /// R: rpact <c>getDesignGroupSequential(kMax, alpha, beta, sided = 1, typeOfDesign = "asOF"/"asP",
    /// informationRates)</c> and <c>getDesignCharacteristics</c>; gsDesign <c>gsDesign(test.type = 1, sfu = sfLDOF)</c>.
    /// SAS: PROC SEQDESIGN (METHOD=ERRFUNCOBF / ERRFUNCPOC).
    /// </para>
    /// </remarks>
    /// <exception cref="ArgumentException">Inputs out of range; every problem is listed.</exception>
    public static GroupSequentialBoundaries Compute(
        IReadOnlyList<double> informationRates,
        double alpha = 0.025,
        double beta = 0.2,
        LanDeMetsSpending spending = LanDeMetsSpending.OBrienFleming,
        int gridPointsPerUnit = DefaultGridPointsPerUnit,
        IReadOnlyList<double>? futilityBounds = null)
    {
        ArgumentNullException.ThrowIfNull(informationRates);
        Validate(informationRates, alpha, beta, gridPointsPerUnit, futilityBounds);
        double[] t = [.. informationRates];
        int kMax = t.Length;
        double[] spent = [.. t.Select(x => ComputeAlphaSpent(spending, alpha, x))];
        spent[kMax - 1] = alpha;
        double[] critical = new double[kMax];
        double[] h0Efficacy = new double[kMax];
        var recursion = new Recursion(t, gridPointsPerUnit, null);
        double[] futility = [.. Enumerable.Range(0, kMax).Select(k => k < kMax - 1 && futilityBounds is not null ? futilityBounds[k] : double.NegativeInfinity)];
        var followed = new Recursion(t, gridPointsPerUnit, futility);
        double[] z = [];
        double[] w = [];
        for (int k = 0; k < kMax; k++)
        {
            double target = spent[k] - (k == 0 ? 0 : spent[k - 1]);
            if (k == 1)
            {
                (z, w) = recursion.First(critical[0], 0);
            }
            else if (k > 1)
            {
                (z, w) = recursion.Next(z, w, k - 1, critical[k - 1], 0);
            }

            int stage = k;
            double[] zs = z;
            double[] ws = w;
            Func<double, double> crossing = stage == 0
                ? c => Normal.CDF(0, 1, -c)
                : c => recursion.Cross(zs, ws, stage, c, 0);
            critical[k] = target <= 0
                ? double.PositiveInfinity
                : Brent.FindRoot(c => crossing(c) - target, -10, 40, 1e-13, 200);
            h0Efficacy[k] = double.IsPositiveInfinity(critical[k]) ? 0 : crossing(critical[k]);
        }

        double zSum = Normal.InvCDF(0, 1, 1 - alpha) + Normal.InvCDF(0, 1, 1 - beta);
        double drift = Brent.FindRoot(d => followed.CrossingProbabilities(critical, d).Efficacy.Sum() - (1 - beta), 0, zSum + 10, 1e-13, 200);
        var h1 = followed.CrossingProbabilities(critical, drift);
        var h0 = followed.CrossingProbabilities(critical, 0);
        return new GroupSequentialBoundaries(
            t,
            alpha,
            beta,
            spending,
            gridPointsPerUnit,
            critical,
            spent,
            h0Efficacy,
            h1.Efficacy,
            drift,
            drift * drift / (zSum * zSum),
            ExpectedInformation(t, h0.Efficacy, h0.Futility),
            ExpectedInformation(t, h1.Efficacy, h1.Futility))
        {
            FutilityBounds = futilityBounds is null ? [] : [.. futilityBounds],
            FutilityProbabilitiesH0 = h0.Futility[..^1],
            FutilityProbabilitiesH1 = h1.Futility[..^1],
        };
    }

    /// <summary>
    /// Σ_{k&lt;K} t_k (e_k + g_k) + t_K (1 − Σ_{k&lt;K} (e_k + g_k)): expected information fraction at stopping, with e_k
    /// and g_k the efficacy and futility stopping probabilities at look k.
    /// </summary>
    internal static double ExpectedInformation(IReadOnlyList<double> t, IReadOnlyList<double> efficacy, IReadOnlyList<double> futility)
    {
        int kMax = t.Count;
        double expected = 0;
        double early = 0;
        for (int k = 0; k < kMax - 1; k++)
        {
            double stop = efficacy[k] + futility[k];
            expected += t[k] * stop;
            early += stop;
        }

        return expected + (t[kMax - 1] * (1 - early));
    }

    private static void Validate(IReadOnlyList<double> t, double alpha, double beta, int grid, IReadOnlyList<double>? futility)
    {
        if (grid < 10)
        {
            throw new ArgumentOutOfRangeException(nameof(grid), grid, string.Create(CultureInfo.InvariantCulture, $"grid: expected at least 10 points per unit of z, found {grid}."));
        }

        var problems = ValidateLooks(t, futility);
        if (!(alpha > 0 && alpha < 0.5))
        {
            problems.Add(AlphaProblem(alpha));
        }

        if (!(beta > 0 && beta < 1 - alpha))
        {
            problems.Add(Problem.ForOption(
                "power",
                OptionProblems.Range,
                "a type II error beta = 1 - power between 0 and 1 - alpha (e.g. 0.2)",
                string.Create(CultureInfo.InvariantCulture, $"beta {beta:R}")));
        }

        OptionProblems.ThrowArgumentIfAny(problems);
    }

    /// <summary>The one-sided level problem: α strictly between 0 and 0.5 (option <c>alpha</c>).</summary>
    internal static Problem AlphaProblem(double alpha) =>
        Problem.OptionRange("alpha", "a one-sided level strictly between 0 and 0.5 (e.g. 0.025)", alpha);

    /// <summary>
    /// The problems with the looks: 1 to 20 information rates (option <c>stages</c>), strictly increasing in (0, 1]
    /// and ending at 1, and futility bounds (option <c>futility</c>), one finite z value (or −∞) per interim look.
    /// </summary>
    public static List<Problem> ValidateLooks(IReadOnlyList<double> t, IReadOnlyList<double>? futility)
    {
        var problems = new List<Problem>();
        int k = t.Count;
        if (futility is not null && futility.Count != k - 1)
        {
            problems.Add(OptionProblems.WholeNumber(
                "futility",
                string.Create(CultureInfo.InvariantCulture, $"one z value per interim look ({k - 1} for --stages {k})"),
                futility.Count,
                code: OptionProblems.Conflict));
        }
        else if (futility is not null)
        {
            foreach (double f in futility)
            {
                if (!double.IsFinite(f) && !double.IsNegativeInfinity(f))
                {
                    problems.Add(Problem.OptionRange("futility", "finite z values (or negative infinity for no futility stop at a look)", f));
                }
            }
        }

        if (k < 1 || k > 20)
        {
            problems.Add(OptionProblems.WholeNumber("stages", "a whole number of analyses from 1 to 20", k));
        }
        else
        {
            for (int i = 0; i < k; i++)
            {
                if (!(t[i] > (i == 0 ? 0 : t[i - 1]) && t[i] <= 1))
                {
                    problems.Add(Problem.ForOption(
                        "stages",
                        OptionProblems.Range,
                        "information rates strictly increasing fractions in (0, 1]",
                        string.Create(CultureInfo.InvariantCulture, $"{t[i]:R} at look {i + 1}")));
                }
            }

            if (Math.Abs(t[^1] - 1) > 1e-12)
            {
                problems.Add(Problem.ForOption(
                    "stages",
                    OptionProblems.Range,
                    "the last look at 1 (full information)",
                    t[^1].ToString("R", CultureInfo.InvariantCulture)));
            }
        }

        return problems;
    }

    /// <summary>The Armitage-McPherson-Rowe recursion on a Simpson grid, for given critical values and drift.</summary>
    private sealed class Recursion(double[] t, int gridPointsPerUnit, double[]? lower)
    {
        /// <summary>P(first crossing of the efficacy bound at look k) and P(stop for futility at look k), for every k.</summary>
        public (double[] Efficacy, double[] Futility) CrossingProbabilities(double[] critical, double drift)
        {
            var efficacy = new double[t.Length];
            var futility = new double[t.Length];
            double mu1 = drift * Math.Sqrt(t[0]);
            efficacy[0] = Normal.CDF(0, 1, mu1 - critical[0]);
            futility[0] = Lower(0) is var f0 && double.IsNegativeInfinity(f0) ? 0 : Normal.CDF(0, 1, f0 - mu1);
            if (t.Length == 1)
            {
                return (efficacy, new double[1]);
            }

            double[] z = [];
            double[] w = [];
            for (int k = 1; k < t.Length; k++)
            {
                (z, w) = k == 1 ? First(critical[0], drift) : Next(z, w, k - 1, critical[k - 1], drift);
                efficacy[k] = Cross(z, w, k, critical[k], drift);
                double f = Lower(k);
                futility[k] = double.IsNegativeInfinity(f) ? 0 : Below(z, w, k, f, drift);
            }

            return (efficacy, futility);
        }

        private double Lower(int stage) => lower is null ? double.NegativeInfinity : lower[stage];

        private double Below(double[] z, double[] w, int stage, double f, double drift)
        {
            double ik = t[stage];
            double ip = t[stage - 1];
            double delta = ik - ip;
            double sd = Math.Sqrt(delta);
            double sum = 0;
            for (int i = 0; i < z.Length; i++)
            {
                sum += w[i] * Normal.CDF(0, 1, ((f * Math.Sqrt(ik)) - (z[i] * Math.Sqrt(ip)) - (drift * delta)) / sd);
            }

            return sum;
        }

        public double Cross(double[] z, double[] w, int stage, double c, double drift)
        {
            if (double.IsPositiveInfinity(c))
            {
                return 0;
            }

            double ik = t[stage];
            double ip = t[stage - 1];
            double delta = ik - ip;
            double sd = Math.Sqrt(delta);
            double mean = drift * delta;
            double sum = 0;
            for (int i = 0; i < z.Length; i++)
            {
                sum += w[i] * Normal.CDF(0, 1, ((z[i] * Math.Sqrt(ip)) + mean - (c * Math.Sqrt(ik))) / sd);
            }

            return sum;
        }

        public (double[] Z, double[] W) First(double c, double drift)
        {
            double mu = drift * Math.Sqrt(t[0]);
            double[] z = Grid(Math.Max(mu - Tail, Lower(0)), Math.Min(c, mu + Tail), out double[] simpson);
            var w = new double[z.Length];
            for (int i = 0; i < z.Length; i++)
            {
                w[i] = simpson[i] * Normal.PDF(mu, 1, z[i]);
            }

            return (z, w);
        }

        public (double[] Z, double[] W) Next(double[] zPrev, double[] wPrev, int stage, double c, double drift)
        {
            double ik = t[stage];
            double ip = t[stage - 1];
            double delta = ik - ip;
            double sd = Math.Sqrt(delta);
            double mu = drift * Math.Sqrt(ik);
            double[] z = Grid(Math.Max(mu - Tail, Lower(stage)), Math.Min(c, mu + Tail), out double[] simpson);
            var w = new double[z.Length];
            double scale = Math.Sqrt(ik) / sd;
            for (int j = 0; j < z.Length; j++)
            {
                double sum = 0;
                double zi = z[j] * Math.Sqrt(ik);
                for (int i = 0; i < zPrev.Length; i++)
                {
                    double x = (zi - (zPrev[i] * Math.Sqrt(ip)) - (drift * delta)) / sd;
                    sum += wPrev[i] * Math.Exp(-0.5 * x * x);
                }

                w[j] = simpson[j] * sum * scale / Math.Sqrt(2 * Math.PI);
            }

            return (z, w);
        }

        /// <summary>Composite Simpson nodes on [a, b] with an even number of panels, and their weights.</summary>
        private double[] Grid(double a, double b, out double[] weights)
        {
            if (!(b > a))
            {
                weights = [];
                return [];
            }

            int panels = Math.Max(2, (int)Math.Ceiling((b - a) * gridPointsPerUnit));
            panels += panels % 2;
            double h = (b - a) / panels;
            var z = new double[panels + 1];
            weights = new double[panels + 1];
            for (int i = 0; i <= panels; i++)
            {
                z[i] = a + (i * h);
                weights[i] = h / 3 * (i == 0 || i == panels ? 1 : (i % 2 == 1 ? 4 : 2));
            }

            return z;
        }
    }
}
