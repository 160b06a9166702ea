using System.CommandLine;
using System.Text;
using System.Text.Json;
using OncoTrial.Clinical.Study;

using OncoTrial.Statistics;

namespace OncoTrial.Cli;

/// <summary>
/// <c>oncotrial validate --study DIR</c>: every problem of a study folder, one line each (or JSON). Exit code 0 when
/// clean, 1 when problems were found, 2 when the input is unusable (no folder, no DM).
/// </summary>
internal static class ValidateCommand
{
    /// <summary>Exit code when the study has problems but could be read.</summary>
    public const int ProblemsFound = 1;

    public static Command Create(TextWriter output)
    {
        var study = new Option<string>("--study") { Description = "Study folder: one CSV file per SDTM domain (docs/data-format.md).", Required = true };
        var format = FormatOption.Create();
        var command = new Command("validate", "Checks a study folder and lists every problem with file, line, row, column, what was expected, what was found and the fix.")
        {
            study, format,
        };

        command.SetAction(parse =>
        {
            var report = StudyValidator.Validate(parse.GetValue(study)!);
            if (parse.GetValue(format) == "json")
            {
                WriteJson(output, report);
            }
            else if (report.IsClean)
            {
                output.WriteLine($"{report.Study}: no problems found.");
            }
            else
            {
                foreach (var p in report.Problems)
                {
                    output.WriteLine(p.ToString());
                }
            }

            return !report.IsUsable ? OncoTrialCommandLine.BadInput : report.IsClean ? 0 : ProblemsFound;
        });
        return command;
    }

    private static void WriteJson(TextWriter output, ValidationReport report)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("study", report.Study);
            w.WriteBoolean("usable", report.IsUsable);
            w.WriteStartArray("problems");
            foreach (var p in report.Problems)
            {
                w.WriteStartObject();
                w.WriteString("file", p.File);
                WriteNullable(w, "line", p.Line);
                WriteNullable(w, "row", p.Row);
                if (p.Column is null)
                {
                    w.WriteNull("column");
                }
                else
                {
                    w.WriteString("column", p.Column);
                }

                w.WriteString("code", p.Code);
                w.WriteString("severity", p.Severity == ProblemSeverity.Error ? "error" : "warning");
                w.WriteString("expected", p.Expected);
                w.WriteString("found", p.Found);
                w.WriteString("fix", p.Fix);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartObject("counts");
            w.WriteNumber("total", report.Problems.Count);
            w.WriteNumber("errors", report.Problems.Count(p => p.Severity == ProblemSeverity.Error));
            w.WriteNumber("warnings", report.Problems.Count(p => p.Severity == ProblemSeverity.Warning));
            w.WriteStartObject("by_code");
            foreach (var (code, n) in report.CountsByCode)
            {
                w.WriteNumber(code, n);
            }

            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void WriteNullable(Utf8JsonWriter w, string name, int? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
