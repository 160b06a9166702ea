using System.Text;
using OncoTrial.Clinical.Study;
using OncoTrial.Clinical.Study.Rules;

namespace OncoTrial.Clinical.Tests.Study.Rules;

/// <summary>docs/validation-rules.md lists every rule of <see cref="StudyValidator.Rules"/> with the message of its example, generated from both.</summary>
public class ValidationRulesDocTests
{
    private const string Begin = "<!-- BEGIN GENERATED FROM StudyValidator.Rules: edit src/OncoTrial.Clinical/Study/Rules and tests/OncoTrial.Clinical.Tests/Study/Rules/RuleExamples.cs, not this section -->";
    private const string End = "<!-- END GENERATED -->";

    private static readonly Dictionary<ValidationRuleArea, string> AreaNames = new()
    {
        [ValidationRuleArea.FilesAndValues] = "files, structure and values",
        [ValidationRuleArea.KeysAndIdentity] = "keys and identity",
        [ValidationRuleArea.DatesAndEventOrder] = "dates and event order",
        [ValidationRuleArea.Recist] = "RECIST 1.1 lesions",
        [ValidationRuleArea.AdverseEvents] = "adverse events (CTCAE v5.0)",
        [ValidationRuleArea.Labs] = "laboratory results",
        [ValidationRuleArea.TrialSummaryAndCutoff] = "trial summary and data cutoff",
        [ValidationRuleArea.DispositionAndExposure] = "disposition and exposure",
        [ValidationRuleArea.BaselineCharacteristics] = "baseline characteristics",
    };

    [Fact]
    public void The_validation_rules_document_lists_every_rule_with_the_message_of_its_example()
    {
        string path = Path.Combine(StudyFolders.RepositoryRoot, "docs", "validation-rules.md");
        string doc = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        int b = doc.IndexOf(Begin, StringComparison.Ordinal);
        int e = doc.IndexOf(End, StringComparison.Ordinal);
        Assert.True(b >= 0 && e > b, $"{path} lacks the generated section markers.");
        string actual = doc[(b + Begin.Length)..e];
        string expected = "\n" + Generate();
        if (actual != expected)
        {
            File.WriteAllText(Path.Combine(StudyFolders.RepositoryRoot, "docs", "validation-rules.received.md"), doc[..(b + Begin.Length)] + expected + doc[e..]);
            Assert.Fail("docs/validation-rules.md is out of date with StudyValidator.Rules; the regenerated file is docs/validation-rules.received.md.");
        }
    }

    [Fact]
    public void Every_area_has_a_name_in_the_document()
    {
        Assert.All(Enum.GetValues<ValidationRuleArea>(), area => Assert.True(AreaNames.ContainsKey(area), area.ToString()));
    }

    private static string Generate()
    {
        var sb = new StringBuilder();
        foreach (var area in StudyValidator.Rules.GroupBy(r => r.Area))
        {
            sb.Append("## OT").Append((int)area.Key).Append("xxx: ").Append(AreaNames[area.Key]).Append("\n\n");
            sb.Append("| Id | Title | Codes | Severity (sdtm) | Severity (seed) | Source |\n|---|---|---|---|---|---|\n");
            foreach (var rule in area)
            {
                sb.Append("| ").Append(rule.Id).Append(" | ").Append(rule.Title).Append(" | ").Append(string.Join(", ", rule.Codes.Select(c => "`" + c + "`")))
                  .Append(" | ").Append(rule.DefaultSeverity.ToString().ToLowerInvariant()).Append(" | ").Append(ValidationProfile.Seed.SeverityOf(rule).ToString().ToLowerInvariant())
                  .Append(" | ").Append(rule.Source).Append(" |\n");
            }

            sb.Append('\n');
            foreach (var rule in area)
            {
                AppendExample(sb, rule, RuleExamples.Of(rule.Id));
            }
        }

        return sb.ToString();
    }

    private static void AppendExample(StringBuilder sb, ValidationRule rule, RuleExample example)
    {
        using var source = example.Rejected();
        var problem = StudyValidator.Validate(source).Problems.First(p => p.RuleId == rule.Id);
        sb.Append("**").Append(rule.Id).Append("** ").Append(rule.Title).Append(". ");
        if (problem.Line is { } line)
        {
            string[] lines = Encoding.UTF8.GetString(source.ReadAllBytes(problem.File!)).Split('\n');
            sb.Append("Rejects `").Append(problem.File).Append("`, line ").Append(line).Append(":\n\n```csv\n");
            foreach (string text in lines.Take(line))
            {
                sb.Append(text).Append('\n');
            }

            sb.Append("```\n\n");
        }
        else
        {
            Assert.False(string.IsNullOrEmpty(example.Input), $"The example of {rule.Id} has no line; give its Input.");
            sb.Append("Rejects ").Append(example.Input).Append(":\n\n");
        }

        sb.Append("```text\n").Append(problem).Append("\n```\n\n");
    }
}
