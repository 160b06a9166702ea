using OncoTrial.Clinical.Protocol;
using OncoTrial.Clinical.Recist;
using OncoTrial.Simulation;
using OncoTrial.Statistics;
using OncoTrial.Statistics.Design;

namespace OncoTrial.Reporting.Tests.Json;

public class VocabularyTests
{
    [Fact]
    public void Every_method_variant_has_the_token_the_command_line_accepts()
    {
        Assert.Equal(["log-log", "log", "linear", "arcsine", "logit"], Vocabulary.Tokens<SurvivalCiTransform>());
        Assert.Equal(["sas", "r", "r-quantile"], Vocabulary.Tokens<QuantileRule>());
        Assert.Equal(["sas", "extend"], Vocabulary.Tokens<LandmarkRule>());
        Assert.Equal(["efron", "breslow"], Vocabulary.Tokens<CoxTies>());
        Assert.Equal(["logrank", "wilcoxon", "tarone-ware", "peto", "modified-peto", "fleming-harrington"], Vocabulary.Tokens<LogRankWeighting>());
        Assert.Equal(["clopper-pearson", "wilson", "wilson-cc", "jeffreys", "agresti-coull", "wald"], Vocabulary.Tokens<BinomialCiMethod>());
        Assert.Equal(["obf", "pocock"], Vocabulary.Tokens<LanDeMetsSpending>());
        Assert.Equal(["exponential", "wu"], Vocabulary.Tokens<SingleArmSurvivalMethod>());
        Assert.Equal(["admiralonco", "strict"], Vocabulary.Tokens<CrThenPrPolicy>());
        Assert.Equal(["mosteller", "dubois", "haycock", "gehan-george", "boyd"], Vocabulary.Tokens<BsaFormula>());
        Assert.Equal(["exponential", "fixed-fraction"], Vocabulary.Tokens<DropoutModel>());
        Assert.Equal(["h0", "h1"], Vocabulary.Tokens<SimulatedHypothesis>());
    }

    [Fact]
    public void Tokens_parse_back_exactly_and_nothing_else_parses()
    {
        foreach (var value in Enum.GetValues<LogRankWeighting>())
        {
            Assert.True(Vocabulary.TryParse(Vocabulary.Token(value), out LogRankWeighting back));
            Assert.Equal(value, back);
        }

        Assert.False(Vocabulary.TryParse<LogRankWeighting>("LogRank", out _));
        Assert.False(Vocabulary.TryParse<LogRankWeighting>("log-rank", out _));
        Assert.False(Vocabulary.TryParse<LogRankWeighting>(null, out _));
        Assert.Throws<ArgumentException>(() => Vocabulary.Parse<CoxTies>("exact"));
    }

    [Fact]
    public void Described_options_use_the_same_words()
    {
        Assert.Equal("95% CI, log-log transform, sas quantile rule, sas landmark rule", KaplanMeierOptions.Default.Describe());
        Assert.Equal("logrank", LogRankOptions.Default.ToString());
    }
}
