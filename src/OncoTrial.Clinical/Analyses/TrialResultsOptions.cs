using System.Globalization;
using OncoTrial.Clinical.Endpoints;
using OncoTrial.Clinical.Recist;
using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Analyses;

/// <summary>Which subjects of the analysis set form the evaluable subset of the response rates.</summary>
public enum EvaluableDefinition
{
    /// <summary>
    /// A best overall response other than NE, ND or MISSING (CR, PR, SD, NON-CR/NON-PD or PD), as
    /// <see cref="ResponseSummaries.ComputeResponseRates"/>'s evaluable set. The default: the paper's "43 patients with
    /// post-baseline response assessments" are its 5 CR + 31 PR + 6 SD + 1 PD, and its 45 subjects with a target-lesion
    /// decrease (a decreased complete sum is a PR or SD time point) cannot be reconciled with 43 by
    /// <see cref="PostBaselineResponse"/> (docs/decisions/0012-paper-analyses.md).
    /// </summary>
    BestResponse,

    /// <summary>
    /// At least one post-baseline time-point response (ADRS OVR, ANL01FL = Y) other than NE and ND: a subject whose only
    /// response is an SD before the SD minimum (BOR NE) is evaluable.
    /// </summary>
    PostBaselineResponse,
}

/// <summary>A baseline characteristic by which the subgroup analysis splits the analysis set.</summary>
public enum SubgroupFactor
{
    /// <summary>PD-L1 CPS at each cutoff of <see cref="TrialResultsOptions.CpsCutoffs"/> (CPS &lt; c vs ≥ c; unknown CPS left out).</summary>
    PdL1,

    /// <summary>ADSL SEX (male vs female).</summary>
    Sex,

    /// <summary>ADSL AGE below vs at or above <see cref="TrialResultsOptions.AgeCutoff"/>.</summary>
    Age,

    /// <summary>SC ECOG 0 vs ≥ 1.</summary>
    Ecog,

    /// <summary>SC METSITE LIVER: no vs yes.</summary>
    LiverMetastases,

    /// <summary>SC PRSURG: N vs Y.</summary>
    PriorSurgery,

    /// <summary>SC PRRADIO: N vs Y.</summary>
    PriorRadiotherapy,
}

/// <summary>
/// Every choice of the paper's analyses (<see cref="TrialResults"/>), one record with the paper's defaults (SAS
/// conventions; docs/decisions/0012-paper-analyses.md). Every result carries the options that made it, and
/// <see cref="Describe"/> prints them.
/// </summary>
public sealed record TrialResultsOptions
{
    /// <summary>The defaults: the paper's analyses with SAS conventions.</summary>
    public static TrialResultsOptions Default { get; } = new();

    /// <summary>The two-sided level of every interval: rates, Kaplan-Meier limits, Brookmeyer-Crowley quantiles, hazard ratios (default 95%).</summary>
    public ConfidenceLevel ConfidenceLevel { get; init; } = ConfidenceLevel.Default;

    /// <summary>The interval of ORR, DCR and every other response rate: exact Clopper-Pearson (the paper's Methods; SAS PROC FREQ EXACT BINOMIAL).</summary>
    public BinomialCiMethod ProportionMethod { get; init; } = BinomialCiMethod.ClopperPearson;

    /// <summary>The transform of the Kaplan-Meier pointwise limits and the Brookmeyer-Crowley quantile intervals: log-log (SAS PROC LIFETEST CONFTYPE=LOGLOG).</summary>
    public SurvivalCiTransform Transform { get; init; } = SurvivalCiTransform.LogLog;

    /// <summary>The point estimate of a median when the curve is flat at 0.5: SAS (midpoint to the next event time, NE when none).</summary>
    public QuantileRule QuantileRule { get; init; } = QuantileRule.Sas;

    /// <summary>What a landmark beyond the last observed time reports: SAS (not estimable unless the curve reached 0).</summary>
    public LandmarkRule LandmarkRule { get; init; } = LandmarkRule.Sas;

    /// <summary>Tied event times in the Cox model of the hazard ratios: Efron (R coxph; SAS PHREG TIES=EFRON).</summary>
    public CoxTies Ties { get; init; } = CoxTies.Efron;

    /// <summary>The test comparing survival curves: the log-rank test (SAS PROC LIFETEST TEST=LOGRANK; R survdiff rho = 0).</summary>
    public LogRankOptions LogRank { get; init; } = LogRankOptions.Default;

    /// <summary>Days per month: every time in months is days / this (30.4375 = 365.25 / 12); a landmark of t months is t × this days.</summary>
    public double DaysPerMonth { get; init; } = EndpointOptions.DaysPerMonth;

    /// <summary>Landmark times of the survival rates, in months (paper: 6, 12, 18, 24).</summary>
    public IReadOnlyList<double> LandmarkMonths { get; init; } = [6, 12, 18, 24];

    /// <summary>Times of the numbers at risk under a Kaplan-Meier figure, in months (0 to 30 by 3).</summary>
    public IReadOnlyList<double> RiskTableMonths { get; init; } = [0, 3, 6, 9, 12, 15, 18, 21, 24, 27, 30];

    /// <summary>The age cutoff in years: &lt; cutoff and ≥ cutoff (paper: 65).</summary>
    public int AgeCutoff { get; init; } = 65;

    /// <summary>The PD-L1 CPS cutoffs c: CPS &lt; c and CPS ≥ c for each (paper: 1 and 10), in increasing order.</summary>
    public IReadOnlyList<double> CpsCutoffs { get; init; } = [1, 10];

    /// <summary>Confirmed (CBOR, default) or unconfirmed (BOR) best overall response in the response tables.</summary>
    public ResponseBasis ResponseBasis { get; init; } = ResponseBasis.Confirmed;

    /// <summary>The evaluable subset of the response rates.</summary>
    public EvaluableDefinition Evaluable { get; init; } = EvaluableDefinition.BestResponse;

    /// <summary>A response is durable when its duration (ADTTE DOR AVAL, event or censored) is more than this many months (paper: 6).</summary>
    public double DurableResponseMonths { get; init; } = 6;

    /// <summary>Oligo-progression is 1 to this many progression sites at the first PD; more is systemic (paper: 2).</summary>
    public int OligoprogressionMaxSites { get; init; } = 2;

    /// <summary>The ADTTE parameters of the efficacy summary, in order (PFS, OS, DOR).</summary>
    public IReadOnlyList<string> Endpoints { get; init; } = ["PFS", "OS", "DOR"];

    /// <summary>The ADTTE parameters of the subgroup analysis (PFS and OS: the paper's Figs S1 and S2).</summary>
    public IReadOnlyList<string> SubgroupEndpoints { get; init; } = ["PFS", "OS"];

    /// <summary>The subgroup variables, in the order of the forest plot.</summary>
    public IReadOnlyList<SubgroupFactor> Subgroups { get; init; } =
        [SubgroupFactor.PdL1, SubgroupFactor.Sex, SubgroupFactor.Age, SubgroupFactor.Ecog, SubgroupFactor.LiverMetastases, SubgroupFactor.PriorSurgery, SubgroupFactor.PriorRadiotherapy];

    /// <summary>The reference arm of the hazard ratios between arms (DM ARM, or ACTARM by <c>SafetyOptions.Arm</c>); null takes the first arm in column order.</summary>
    public string? ReferenceArm { get; init; }

    /// <summary>The CMDECOD (or CMTRT) values counted as anti-PD-1 therapy, matched ignoring case as a part of the name; default <see cref="AntiPd1Agents.Default"/>.</summary>
    public IReadOnlyList<string> AntiPd1Agents { get; init; } = Analyses.AntiPd1Agents.Default;

    /// <summary>Decimals of the percentages of counts (paper: 0, Table 1 and Table 3), rounded half away from zero (SAS ROUND).</summary>
    public int PercentDecimals { get; init; }

    /// <summary>Decimals of rates, their limits, medians and landmark rates (paper: 1), rounded half away from zero.</summary>
    public int RateDecimals { get; init; } = 1;

    /// <summary>The Kaplan-Meier options these options give (transform, level, quantile and landmark rules).</summary>
    public KaplanMeierOptions KaplanMeier => new()
    {
        Transform = Transform,
        ConfidenceLevel = ConfidenceLevel,
        QuantileRule = QuantileRule,
        LandmarkRule = LandmarkRule,
    };

    /// <summary>The Cox options these options give (ties and level).</summary>
    public CoxOptions Cox => new() { Ties = Ties, ConfidenceLevel = ConfidenceLevel };

    /// <summary>Most decimals of a printed percentage.</summary>
    public const int MaxDecimals = 4;

    /// <summary>
    /// Every problem with the options (empty when valid), each named by its option: <c>conf-level</c> strictly between 0
    /// and 1; <c>days-per-month</c> &gt; 0; <c>landmarks</c> and <c>risk-times</c> finite months ≥ 0; <c>age-cutoff</c>
    /// &gt; 0; <c>cps-cutoffs</c> increasing, from 0 to 100; <c>durable-months</c> ≥ 0; <c>oligo-max-sites</c> ≥ 1;
    /// <c>percent-decimals</c> and <c>rate-decimals</c> 0 to <see cref="MaxDecimals"/>; defined enum members; the lists
    /// not null.
    /// </summary>
    public IReadOnlyList<Problem> Validate()
    {
        var problems = new List<Problem>();
        problems.AddRange(ConfidenceLevel.Validate(ConfidenceLevel.Value));
        OptionProblems.CheckDefined(problems, "ci-method", ProportionMethod);
        OptionProblems.CheckDefined(problems, "conf-type", Transform);
        OptionProblems.CheckDefined(problems, "median-rule", QuantileRule);
        OptionProblems.CheckDefined(problems, "landmark-rule", LandmarkRule);
        OptionProblems.CheckDefined(problems, "ties", Ties);
        OptionProblems.CheckDefined(problems, "response-basis", ResponseBasis);
        OptionProblems.CheckDefined(problems, "evaluable", Evaluable);
        if (LogRank is null)
        {
            problems.Add(Problem.ForOption("test", OptionProblems.Range, "a log-rank test option", "null"));
        }
        else
        {
            problems.AddRange(LogRank.Validate());
        }

        if (!(DaysPerMonth > 0 && double.IsFinite(DaysPerMonth)))
        {
            problems.Add(Problem.OptionRange("days-per-month", "a number of days > 0 (30.4375 = 365.25 / 12)", DaysPerMonth));
        }

        CheckTimes(problems, "landmarks", LandmarkMonths);
        CheckTimes(problems, "risk-times", RiskTableMonths);
        if (AgeCutoff <= 0)
        {
            problems.Add(OptionProblems.WholeNumber("age-cutoff", "an age in years > 0", AgeCutoff));
        }

        if (CpsCutoffs is null || CpsCutoffs.Any(c => !(c >= 0 && c <= 100)) || CpsCutoffs.Zip(CpsCutoffs.Skip(1)).Any(p => p.Second <= p.First))
        {
            problems.Add(Problem.ForOption("cps-cutoffs", OptionProblems.Range, "increasing PD-L1 CPS cutoffs from 0 to 100 (e.g. 1,10)", CpsCutoffs is null ? "null" : string.Join(",", CpsCutoffs.Select(c => c.ToString("R", CultureInfo.InvariantCulture)))));
        }

        if (!(DurableResponseMonths >= 0 && double.IsFinite(DurableResponseMonths)))
        {
            problems.Add(Problem.OptionRange("durable-months", "a number of months >= 0", DurableResponseMonths));
        }

        if (OligoprogressionMaxSites < 1)
        {
            problems.Add(OptionProblems.WholeNumber("oligo-max-sites", "a number of progression sites >= 1", OligoprogressionMaxSites));
        }

        foreach (var (option, value) in new[] { ("percent-decimals", PercentDecimals), ("rate-decimals", RateDecimals) })
        {
            if (value is < 0 or > MaxDecimals)
            {
                problems.Add(OptionProblems.WholeNumber(option, string.Create(CultureInfo.InvariantCulture, $"0 to {MaxDecimals} decimals"), value));
            }
        }

        if (Endpoints is null || SubgroupEndpoints is null || Endpoints.Concat(SubgroupEndpoints).Any(string.IsNullOrWhiteSpace))
        {
            problems.Add(Problem.ForOption("endpoints", OptionProblems.Range, "ADTTE PARAMCD values (e.g. PFS, OS, DOR)", "a null list or an empty code"));
        }

        if (Subgroups is null)
        {
            problems.Add(Problem.ForOption("subgroups", OptionProblems.Range, "a list of subgroup variables (empty for none)", "null"));
        }
        else
        {
            foreach (var factor in Subgroups)
            {
                OptionProblems.CheckDefined(problems, "subgroups", factor);
            }
        }

        if (AntiPd1Agents is null || AntiPd1Agents.Any(string.IsNullOrWhiteSpace))
        {
            problems.Add(Problem.ForOption("anti-pd1", OptionProblems.Range, "a list of anti-PD-1 agent names", AntiPd1Agents is null ? "null" : "an empty name"));
        }

        return problems.AsReadOnly();
    }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> listing every problem of <see cref="Validate"/>, one per line.</summary>
    public void EnsureValid() => OptionProblems.ThrowIfAny(Validate(), "options");

    /// <summary>
    /// The methods in one paragraph, every method word spelled as the command line accepts it, e.g. "Response: confirmed
    /// BOR (RECIST 1.1); 95% CIs by clopper-pearson. Time to event: Kaplan-Meier, 95% CI, log-log transform, ...".
    /// </summary>
    public string Describe()
    {
        string level = (ConfidenceLevel.Value * 100).ToString("0.###", CultureInfo.InvariantCulture);
        string months = DaysPerMonth.ToString("0.####", CultureInfo.InvariantCulture);
        string Times(IEnumerable<double> t) => string.Join(", ", t.Select(x => x.ToString("0.###", CultureInfo.InvariantCulture)));
        return string.Create(
            CultureInfo.InvariantCulture,
            $"Response: {Vocabulary.Token(ResponseBasis)} best overall response (RECIST 1.1); {level}% CIs by {Vocabulary.Token(ProportionMethod)}; evaluable subset: {Vocabulary.Token(Evaluable)}. "
            + $"Time to event: Kaplan-Meier, {KaplanMeier.Describe()}; medians with Brookmeyer-Crowley CIs; months = days / {months}; landmarks at {Times(LandmarkMonths)} months; median follow-up by reverse Kaplan-Meier on OS. "
            + $"Hazard ratios: Cox model, {Vocabulary.Token(Ties)} ties, Wald {level}% CI; p-values: {Vocabulary.Token(LogRank.Weighting)} test. "
            + $"Cutoffs: age {AgeCutoff} years; PD-L1 CPS {Times(CpsCutoffs)}; durable response > {DurableResponseMonths.ToString("0.###", CultureInfo.InvariantCulture)} months; oligo-progression 1-{OligoprogressionMaxSites} sites. "
            + $"Percentages rounded half away from zero to {PercentDecimals} decimals (rates to {RateDecimals}).");
    }

    /// <summary>A percentage rounded half away from zero to <see cref="PercentDecimals"/> (SAS ROUND; R's round() rounds half to even).</summary>
    public decimal RoundPercent(decimal percent) => Math.Round(percent, PercentDecimals, MidpointRounding.AwayFromZero);

    /// <summary>A rate, limit, median or landmark rate rounded half away from zero to <see cref="RateDecimals"/>.</summary>
    public double RoundRate(double value) => (double)Math.Round((decimal)value, RateDecimals, MidpointRounding.AwayFromZero);

    /// <summary>Days to months: days / <see cref="DaysPerMonth"/>.</summary>
    public double ToMonths(double days) => days / DaysPerMonth;

    /// <summary>Months to days: months × <see cref="DaysPerMonth"/>.</summary>
    public double ToDays(double months) => months * DaysPerMonth;

    private static void CheckTimes(List<Problem> problems, string option, IReadOnlyList<double>? times)
    {
        if (times is null || times.Any(t => !(t >= 0 && double.IsFinite(t))))
        {
            problems.Add(Problem.ForOption(option, OptionProblems.Range, "times in months, finite and >= 0", times is null ? "null" : string.Join(",", times.Select(t => t.ToString("R", CultureInfo.InvariantCulture)))));
        }
    }
}
