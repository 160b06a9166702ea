using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using OncoTrial.Statistics;

namespace OncoTrial.Cli;

/// <summary>Renders a survival analysis as the JSON contract of <c>oncotrial survival --format json</c> (snake_case, NE = null).</summary>
internal static class SurvivalJson
{
    public static void Write(TextWriter output, SurvivalInvocation inv, SurvivalAnalysisResult result)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, JsonOutput.WriterOptions))
        {
            w.WriteStartObject();
            w.WriteStartObject("options");
            w.WriteString("input", inv.Input);
            w.WriteString("time", inv.Columns.Time);
            JsonOutput.StringOrNull(w, "event", inv.Columns.Event);
            JsonOutput.StringOrNull(w, "censor", inv.Columns.Censor);
            w.WriteStartArray("where");
            foreach (var filter in inv.Columns.Where)
            {
                w.WriteStringValue(filter.ToString());
            }

            w.WriteEndArray();
            JsonOutput.StringOrNull(w, "group", inv.Columns.Group);
            JsonOutput.StringOrNull(w, "strata", inv.Columns.Strata);
            JsonOutput.StringOrNull(w, "weight", inv.Columns.Weight);
            w.WriteString("conf_type", inv.ConfType);
            w.WriteNumber("conf_level", result.Options.KaplanMeier.ConfidenceLevel.Value);
            w.WriteStartArray("times");
            foreach (double t in result.Options.LandmarkTimes)
            {
                w.WriteNumberValue(t);
            }

            w.WriteEndArray();
            w.WriteString("median_rule", inv.MedianRule);
            w.WriteString("landmark_rule", inv.LandmarkRule);
            w.WriteString("ties", inv.Ties);
            w.WriteString("test", inv.Test);
            w.WriteEndObject();

            w.WriteStartArray("groups");
            foreach (var g in result.Groups)
            {
                WriteGroup(w, g);
            }

            w.WriteEndArray();
            WriteLogRank(w, result);
            WriteCox(w, result, inv.Ties);
            w.WriteStartArray("warnings");
            foreach (var warning in result.Warnings.Concat(result.LogRank?.Warnings ?? []))
            {
                w.WriteStringValue(warning.Message);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void WriteGroup(Utf8JsonWriter w, SurvivalGroupSummary g)
    {
        w.WriteStartObject();
        w.WriteString("group", g.Group);
        w.WriteNumber("n", g.Curve.N);
        w.WriteNumber("events", g.Curve.Events);
        w.WriteStartArray("quantiles");
        foreach (var q in g.Quantiles)
        {
            w.WriteStartObject();
            w.WriteNumber("p", q.P);
            JsonOutput.Number(w, "estimate", q.Estimate);
            JsonOutput.Number(w, "lower", q.Lower);
            JsonOutput.Number(w, "upper", q.Upper);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("landmarks");
        foreach (var lm in g.Landmarks)
        {
            w.WriteStartObject();
            w.WriteNumber("time", lm.Time);
            w.WriteNumber("n_risk", lm.AtRisk);
            JsonOutput.Number(w, "survival", lm.Survival);
            JsonOutput.Number(w, "std_err", lm.StandardError);
            JsonOutput.Number(w, "lower", lm.Lower);
            JsonOutput.Number(w, "upper", lm.Upper);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartObject("follow_up");
        w.WriteString("method", "reverse Kaplan-Meier median");
        JsonOutput.Number(w, "estimate", g.FollowUp.Estimate);
        JsonOutput.Number(w, "lower", g.FollowUp.Lower);
        JsonOutput.Number(w, "upper", g.FollowUp.Upper);
        w.WriteEndObject();
        w.WriteStartArray("curve");
        foreach (var s in g.Curve.Steps)
        {
            w.WriteStartObject();
            w.WriteNumber("time", s.Time);
            w.WriteNumber("n_risk", s.AtRisk);
            w.WriteNumber("n_event", s.Events);
            w.WriteNumber("n_censor", s.Censored);
            w.WriteNumber("survival", s.Survival);
            w.WriteNumber("std_err", s.StandardError);
            JsonOutput.Number(w, "lower", s.Lower);
            JsonOutput.Number(w, "upper", s.Upper);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteLogRank(Utf8JsonWriter w, SurvivalAnalysisResult result)
    {
        if (result.LogRank is not { } lr)
        {
            w.WriteNull("logrank");
            return;
        }

        w.WriteStartObject("logrank");
        w.WriteString("weighting", lr.Options.Weighting.ToString());
        JsonOutput.Number(w, "chisq", lr.Test.ChiSquare);
        w.WriteNumber("df", lr.Test.DegreesOfFreedom);
        JsonOutput.Number(w, "p", lr.Test.PValue);
        w.WriteStartArray("groups");
        for (int i = 0; i < result.Groups.Count; i++)
        {
            w.WriteStartObject();
            w.WriteString("group", result.Groups[i].Group);
            JsonOutput.Number(w, "observed", lr.Observed[i]);
            JsonOutput.Number(w, "expected", lr.Expected[i]);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("variance");
        foreach (var row in lr.Variance)
        {
            w.WriteStartArray();
            foreach (double v in row)
            {
                JsonOutput.NumberValue(w, v);
            }

            w.WriteEndArray();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteCox(Utf8JsonWriter w, SurvivalAnalysisResult result, string ties)
    {
        if (result.Cox is not { } cox)
        {
            w.WriteNull("cox");
            return;
        }

        w.WriteStartObject("cox");
        w.WriteString("ties", ties);
        JsonOutput.Number(w, "loglik", cox.LogLikelihood);
        JsonOutput.Number(w, "loglik_null", cox.LogLikelihoodNull);
        w.WriteStartArray("terms");
        foreach (var t in cox.Terms)
        {
            w.WriteStartObject();
            w.WriteString("term", t.Name);
            JsonOutput.Number(w, "coef", t.Coefficient);
            JsonOutput.Number(w, "se", t.StandardError);
            JsonOutput.Number(w, "hr", t.HazardRatio);
            JsonOutput.Number(w, "lower", t.Lower);
            JsonOutput.Number(w, "upper", t.Upper);
            JsonOutput.Number(w, "z", t.Z);
            JsonOutput.Number(w, "p", t.PValue);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        JsonOutput.Number(w, "wald_chisq", cox.Wald.ChiSquare);
        JsonOutput.Number(w, "wald_p", cox.Wald.PValue);
        JsonOutput.Number(w, "lr_chisq", cox.LikelihoodRatio.ChiSquare);
        JsonOutput.Number(w, "lr_p", cox.LikelihoodRatio.PValue);
        JsonOutput.Number(w, "score_chisq", cox.Score.ChiSquare);
        JsonOutput.Number(w, "score_p", cox.Score.PValue);
        w.WriteNumber("df", cox.Wald.DegreesOfFreedom);
        w.WriteBoolean("converged", cox.Converged);
        w.WriteNumber("iterations", cox.Iterations);
        w.WriteStartArray("warnings");
        foreach (var warning in cox.Warnings)
        {
            w.WriteStringValue(warning.Message);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }
}

/// <summary>JSON helpers shared by the commands: NE/NaN/∞ as null, shortest round-trip numbers.</summary>
internal static class JsonOutput
{
    public static JsonWriterOptions WriterOptions { get; } = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Number(Utf8JsonWriter w, string name, double? value)
    {
        w.WritePropertyName(name);
        NumberValue(w, value);
    }

    public static void NumberValue(Utf8JsonWriter w, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            w.WriteNumberValue(v);
        }
        else
        {
            w.WriteNullValue();
        }
    }

    public static void StringOrNull(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }
}
