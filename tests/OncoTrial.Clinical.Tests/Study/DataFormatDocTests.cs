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
        var seed = ValidationProfile.Seed;
        foreach (var d in DomainSpecs.All)
        {
            string required = ValidationProfile.Sdtm.RequiresDomain(d.Name) ? "required" : seed.RequiresDomain(d.Name) ? "required by the seed profile" : "optional";
            sb.Append("### ").Append(d.Name).Append(" (`").Append(d.CsvFileName).Append("`, ").Append(required).Append(")\n\n");
            sb.Append(d.Description).Append(" Natural key: ").Append(string.Join(", ", d.NaturalKey)).Append(".\n\n");
            sb.Append("| Variable | Type | Core | Seed | Controlled terms | Meaning |\n|---|---|---|---|---|---|\n");
            foreach (var v in d.Variables)
            {
                string meaning = (v.IsSponsorExtension ? "*Sponsor extension (not SDTM).* " : string.Empty) + v.Description;
                string seedNote = seed.Requires(d, v) && !v.IsRequired ? "required" : string.Empty;
                if (seed.CodelistOf(d, v) is { } own && !ReferenceEquals(own, v.Codelist))
                {
                    seedNote += (seedNote.Length > 0 ? "; " : string.Empty) + Terms(own);
                }

                sb.Append("| ").Append(v.Name).Append(" | ").Append(TypeName(v.Type)).Append(" | ").Append(CoreName(v.Core)).Append(" | ").Append(seedNote)
                  .Append(" | ").Append(v.Codelist is { } c ? Terms(c) : string.Empty).Append(" | ").Append(meaning.Replace("|", "\\|", StringComparison.Ordinal)).Append(" |\n");
            }

            sb.Append("\nExample:\n\n```csv\n").Append(string.Join(",", d.Variables.Select(v => v.Name))).Append('\n')
              .Append(string.Join(",", d.Variables.Select(v => v.Example.Contains(',', StringComparison.Ordinal) ? "\"" + v.Example + "\"" : v.Example))).Append("\n```\n\n");
        }

        return sb.ToString();
    }

    private static string Terms(Codelist c) =>
        (c.IsSponsorDefined ? c.Name : c.Code + (c.IsExtensible ? " (extensible)" : string.Empty)) + ": " + string.Join(", ", c.Terms.Select(a => "`" + a + "`")) + (c.IsExtensible ? ", ..." : string.Empty);

    private static string CoreName(VariableCore core) => core switch
    {
        VariableCore.Required => "Req",
        VariableCore.Expected => "Exp",
        _ => "Perm",
    };

    private static string TypeName(VariableType type) => type switch
    {
        VariableType.WholeNumber => "integer",
        VariableType.Number => "number",
        VariableType.Date => "ISO 8601 date",
        _ => "text",
    };
}
