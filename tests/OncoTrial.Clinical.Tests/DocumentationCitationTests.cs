using System.Text.RegularExpressions;

namespace OncoTrial.Clinical.Tests;

/// <summary>
/// Citations of documents resolve inside the repository: every Markdown file under docs/ that a source file, test,
/// doc or oracle script names exists, and a cited section (<c>§N.N</c>) is a heading (or numbered item) of that file.
/// No file cites the research notes kept outside the repository; their facts live in the files of docs/reference/.
/// </summary>
public partial class DocumentationCitationTests
{
    /// <summary>A citation: a docs path, then optionally one or more sections ("§2.3", "§3.1 and §3.2", "§2, §2.4").</summary>
    [GeneratedRegex(@"(?<![\w./-])docs/(?<path>[\w./-]+?\.md)(?![\w-])(?:(?:</c>|[`'"")\]*\s])*(?<sections>§\s*\d+(?:\.\d+)*(?:(?:\s*,\s*|\s+and\s+|\s+or\s+)§\s*\d+(?:\.\d+)*)*))?", RegexOptions.CultureInvariant)]
    private static partial Regex Citation();

    [GeneratedRegex(@"\d+(?:\.\d+)*", RegexOptions.CultureInvariant)]
    private static partial Regex SectionNumber();

    /// <summary>A path to one of the notes under reference/ that is not docs/reference/.</summary>
    [GeneratedRegex(@"(?<!docs/)reference/[\w-]+\.md", RegexOptions.CultureInvariant)]
    private static partial Regex OutsideReferenceFile();

    /// <summary>A research note named without a folder, e.g. "ctcae.md §6" (docs/methods/ctcae.md is a path, not a match).</summary>
    [GeneratedRegex(@"(?<![\w./-])(?:recist|ctcae|survival|tlf-ecosystem|aesthetics)\.md", RegexOptions.CultureInvariant)]
    private static partial Regex BareNoteName();

    [Fact]
    public void Every_docs_file_cited_in_src_and_tests_exists_and_has_the_cited_section()
    {
        var (citations, problems) = Check(CodeFiles());

        Assert.True(citations.Count(c => c.Section is not null) >= 20, $"Expected at least 20 section citations in src/ and tests/, found {citations.Count(c => c.Section is not null)}: the scan is broken.");
        Assert.True(problems.Count == 0, "Citations that do not resolve:\n" + string.Join('\n', problems));
    }

    [Fact]
    public void Every_docs_file_cited_in_the_docs_readme_and_oracle_scripts_exists_and_has_the_cited_section()
    {
        var (citations, problems) = Check(DocumentFiles());

        Assert.NotEmpty(citations);
        Assert.True(problems.Count == 0, "Citations that do not resolve:\n" + string.Join('\n', problems));
    }

    [Fact]
    public void No_file_cites_the_research_notes_kept_outside_the_repository()
    {
        var problems = new List<string>();
        foreach (string file in CodeFiles().Concat(DocumentFiles()).Where(f => Path.GetFileName(f) != nameof(DocumentationCitationTests) + ".cs"))
        {
            string[] lines = File.ReadAllLines(file);
            for (int i = 0; i < lines.Length; i++)
            {
                string line = lines[i];
                if (line.Contains("reference note", StringComparison.OrdinalIgnoreCase)
                    || line.Contains("shared/reference", StringComparison.Ordinal)
                    || OutsideReferenceFile().IsMatch(line)
                    || BareNoteName().IsMatch(line))
                {
                    problems.Add($"{Relative(file)}:{i + 1}: {line.Trim()}");
                }
            }
        }

        Assert.True(problems.Count == 0, "Cite the file and section of docs/reference/ instead of the research notes outside the repository:\n" + string.Join('\n', problems));
    }

    [Theory]
    [InlineData("## 2. admiralonco: what it computes", "2", true)]
    [InlineData("### 2.3 The confirmed-BOR algorithm", "2.3", true)]
    [InlineData("#### 2.4.12 Lab grade and AE grade are separate sources", "2.4.12", true)]
    [InlineData("#### 2.4.1 A missing LLN or ULN", "2.4", false)]
    [InlineData("#### 2.4.12 Lab grade and AE grade", "2.4.1", false)]
    [InlineData("## 1. RECIST 1.1", "1.1", false)]
    [InlineData("- **2.4.1** A missing LLN", "2.4.1", true)]
    [InlineData("2.4.1. A missing LLN", "2.4.1", true)]
    [InlineData("3. **SD**: a CR, PR or SD record", "3", false)]
    [InlineData("The nadir is in §1.3", "1.3", false)]
    public void A_section_is_a_heading_with_its_number_or_a_numbered_item_with_a_dotted_number(string line, string section, bool expected)
    {
        Assert.Equal(expected, IsSection(line, section));
    }

    [Theory]
    [InlineData("/// (docs/reference/recist-rules.md §2.3, steps 1 and 2).", "reference/recist-rules.md", "2.3")]
    [InlineData("/// <c>docs/reference/dosing-and-rdi.md</c> §3.1 and §3.2, and", "reference/dosing-and-rdi.md", "3.1,3.2")]
    [InlineData("Reference: `docs/reference/ctcae-conventions.md` §2, §2.4 and §3.1.", "reference/ctcae-conventions.md", "2,2.4,3.1")]
    [InlineData("see docs/data-format.md.\")", "data-format.md", "")]
    [InlineData("SASmanual/docs/medical/exposure.md", null, null)]
    public void A_citation_is_a_docs_path_with_its_sections(string line, string? path, string? sections)
    {
        var m = Citation().Match(line);
        Assert.Equal(path, m.Success ? m.Groups["path"].Value : null);
        Assert.Equal(sections, m.Success ? string.Join(',', SectionNumber().Matches(m.Groups["sections"].Value).Select(s => s.Value)) : null);
    }

    /// <summary>
    /// Whether <paramref name="line"/> opens section <paramref name="section"/>: a Markdown heading whose text starts with
    /// the number, or a line (optionally a list item, optionally bold) starting with a dotted number such as 2.4.1. The
    /// number must end there: "2.4.1" does not open "2.4". Plain "3." list items are ordinary lists, not sections.
    /// </summary>
    internal static bool IsSection(string line, string section)
    {
        string text = line.TrimStart();
        bool heading = text.StartsWith('#');
        if (heading)
        {
            text = text.TrimStart('#').TrimStart();
        }
        else if (section.Contains('.', StringComparison.Ordinal))
        {
            text = text.TrimStart('-', '*', '+', ' ');
        }
        else
        {
            return false;
        }

        text = text.TrimStart('§');
        if (!text.StartsWith(section, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = text.AsSpan(section.Length);
        return rest.IsEmpty || !(char.IsAsciiDigit(rest[0]) || (rest[0] == '.' && rest.Length > 1 && char.IsAsciiDigit(rest[1])));
    }

    private sealed record CitationAt(string File, int Line, string Target, string? Section);

    private static (List<CitationAt> Citations, List<string> Problems) Check(IEnumerable<string> files)
    {
        var citations = new List<CitationAt>();
        var problems = new List<string>();
        var documents = new Dictionary<string, string[]?>(StringComparer.Ordinal);
        foreach (string file in files)
        {
            string[] lines = File.ReadAllLines(file);
            for (int i = 0; i < lines.Length; i++)
            {
                foreach (Match m in Citation().Matches(lines[i]))
                {
                    string target = m.Groups["path"].Value;
                    if (target.EndsWith(".received.md", StringComparison.Ordinal))
                    {
                        continue; // written beside a golden file when it does not match; not a citation
                    }

                    string where = $"{Relative(file)}:{i + 1}";
                    if (!documents.TryGetValue(target, out string[]? doc))
                    {
                        string full = RepositoryPaths.File(["docs", .. target.Split('/')]);
                        doc = File.Exists(full) ? File.ReadAllLines(full) : null;
                        documents[target] = doc;
                    }

                    var sections = SectionNumber().Matches(m.Groups["sections"].Value).Select(s => s.Value).ToList();
                    if (sections.Count == 0)
                    {
                        citations.Add(new CitationAt(file, i + 1, target, null));
                    }

                    foreach (string section in sections)
                    {
                        citations.Add(new CitationAt(file, i + 1, target, section));
                        if (doc is not null && !doc.Any(l => IsSection(l, section)))
                        {
                            problems.Add($"{where}: docs/{target} has no heading for §{section}.");
                        }
                    }

                    if (doc is null)
                    {
                        problems.Add($"{where}: docs/{target} does not exist.");
                    }
                }
            }
        }

        return (citations, problems);
    }

    /// <summary>The C# files of src/ and tests/, build output left out.</summary>
    private static IEnumerable<string> CodeFiles() =>
        new[] { "src", "tests" }.SelectMany(d => Files(RepositoryPaths.File(d), "*.cs"));

    /// <summary>docs/**/*.md, README.md and the oracle scripts tests/oracle/*.R.</summary>
    private static IEnumerable<string> DocumentFiles() =>
        Files(RepositoryPaths.File("docs"), "*.md")
            .Where(f => !f.EndsWith(".received.md", StringComparison.Ordinal))
            .Append(RepositoryPaths.File("README.md"))
            .Concat(Files(RepositoryPaths.File("tests", "oracle"), "*.R"));

    private static IEnumerable<string> Files(string folder, string pattern) =>
        Directory.EnumerateFiles(folder, pattern, SearchOption.AllDirectories)
            .Where(f => !Relative(f).Split('/').Any(part => part is "bin" or "obj"))
            .Order(StringComparer.Ordinal);

    private static string Relative(string path) => Path.GetRelativePath(RepositoryPaths.Root, path).Replace('\\', '/');
}
