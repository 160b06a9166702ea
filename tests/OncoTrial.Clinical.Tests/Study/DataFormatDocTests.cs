using System.Text;
using OncoTrial.Clinical.Study;

namespace OncoTrial.Clinical.Tests.Study;

/// <summary>docs/data-format.md documents every domain and variable of <see cref="DomainSpecs"/>, generated from it.</summary>
public class DataFormatDocTests
{
    private const string Begin = "<!-- BEGIN GENERATED FROM DomainSpecs: edit src/OncoTrial.Clinical/Study/DomainSpecs.cs, not this section -->";
    private const string End = "<!-- END GENERATED -->";

    [Fact]
    public void The_data_format_document_lists_every_domain_and_variable_of_the_spec_table()
    {
        string path = Path.Combine(StudyFolders.RepositoryRoot, "docs", "data-format.md");
        string doc = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        int b = doc.IndexOf(Begin, StringComparison.Ordinal);
        int e = doc.IndexOf(End, StringComparison.Ordinal);
        Assert.True(b >= 0 && e > b, $"{path} lacks the generated section markers.");
        string actual = doc[(b + Begin.Length)..e];
        string expected = "\n" + Generate();
        if (actual != expected)
        {
            File.WriteAllText(Path.Combine(StudyFolders.RepositoryRoot, "docs", "data-format.received.md"), doc[..(b + Begin.Length)] + expected + doc[e..]);
            Assert.Fail("docs/data-format.md is out of date with DomainSpecs; the regenerated file is docs/data-format.received.md.");
        }
    }

    private static string Generate()
    {
        var sb = new StringBuilder();
        foreach (var d in DomainSpecs.All)
        {
            sb.Append("### ").Append(d.Name).Append(" (`").Append(d.CsvFileName).Append("`, ").Append(d.Required ? "required" : "optional").Append(")\n\n");
            sb.Append(d.Description).Append(" Duplicate check: one record per ").Append(string.Join(", ", d.NaturalKey)).Append(".\n\n");
            sb.Append("| Variable | Type | Required | Allowed values | Meaning |\n|---|---|---|---|---|\n");
            foreach (var v in d.Variables)
            {
                string allowed = v.Allowed.Count == 0 ? string.Empty : string.Join(", ", v.Allowed.Select(a => "`" + a + "`"));
                string meaning = (v.IsSponsorExtension ? "*Sponsor extension (not SDTM).* " : string.Empty) + v.Description;
                sb.Append("| ").Append(v.Name).Append(" | ").Append(TypeName(v.Type)).Append(" | ").Append(v.Required ? "yes" : "no")
                  .Append(" | ").Append(allowed).Append(" | ").Append(meaning.Replace("|", "\\|", StringComparison.Ordinal)).Append(" |\n");
            }

            sb.Append("\nExample:\n\n```csv\n").Append(string.Join(",", d.Variables.Select(v => v.Name))).Append('\n')
              .Append(string.Join(",", d.Variables.Select(v => v.Example.Contains(',', StringComparison.Ordinal) ? "\"" + v.Example + "\"" : v.Example))).Append("\n```\n\n");
        }

        return sb.ToString();
    }

    private static string TypeName(VariableType type) => type switch
    {
        VariableType.WholeNumber => "integer",
        VariableType.Number => "number",
        VariableType.Date => "ISO 8601 date",
        _ => "text",
    };
}
