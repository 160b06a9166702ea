using System.CommandLine;
using OncoTrial.Reporting;
using OncoTrial.Statistics;

namespace OncoTrial.Cli;

/// <summary>Builders of the options every command shares, spelled with the <see cref="Vocabulary"/>.</summary>
internal static class CliOptions
{
    /// <summary><c>--format</c> with the given choices, the first the default.</summary>
    public static Option<OutputFormat> Format(params OutputFormat[] allowed)
    {
        allowed = allowed.Length == 0 ? [OutputFormat.Text, OutputFormat.Json] : allowed;
        return Choice("--format", "Output format.", allowed[0], allowed);
    }

    /// <summary>An option whose values are the tokens of <typeparamref name="T"/> (all, or <paramref name="allowed"/>).</summary>
    public static Option<T> Choice<T>(string name, string description, T defaultValue, params T[] allowed)
        where T : struct, Enum
    {
        string[] tokens = allowed.Length == 0 ? [.. Vocabulary.Tokens<T>()] : [.. allowed.Select(Vocabulary.Token)];
        var option = new Option<T>(name)
        {
            Description = $"{description} One of: {string.Join(", ", tokens)} (default {Vocabulary.Token(defaultValue)}).",
            DefaultValueFactory = _ => defaultValue,
            CustomParser = result => Vocabulary.TryParse(result.Tokens.Count > 0 ? result.Tokens[^1].Value : null, out T value) ? value : defaultValue,
        };
        option.AcceptOnlyFromAmong(tokens);
        return option;
    }

    /// <summary>A problem with a path option that names nothing, or null when it exists (a file, or a folder when <paramref name="folderAllowed"/>).</summary>
    public static Problem? MissingPath(string option, string? path, string expected, bool folderAllowed = false)
    {
        if (path is null || File.Exists(path) || (folderAllowed && Directory.Exists(path)))
        {
            return null;
        }

        return Problem.ForOption(option, "PATH_MISSING", expected, "nothing at " + Problem.Quote(path), "Check the path.");
    }

    /// <summary>
    /// Comma-separated numbers (<c>12,24</c>); a part that is not a number is a problem for <paramref name="option"/>
    /// and NaN in the list, so that the list keeps one entry per part.
    /// </summary>
    public static IReadOnlyList<double> Numbers(string? text, string option, string example, List<Problem> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var values = new List<double>();
        foreach (string part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (double.TryParse(part, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double v))
            {
                values.Add(v);
            }
            else
            {
                values.Add(double.NaN);
                problems.Add(Problem.ForOption(option, "OPTION_FORMAT", $"comma-separated numbers (e.g. {example})", Problem.Quote(part), "Use a dot as the decimal separator."));
            }
        }

        return values;
    }

    /// <summary>
    /// The problems of the analyses of a group-sequential design that need no other option: the number of stages
    /// and one futility bound per interim look (parts that were not numbers count as present).
    /// </summary>
    public static IReadOnlyList<Problem> Looks(IReadOnlyList<double> informationRates, IReadOnlyList<double>? futility) =>
        Statistics.Design.GroupSequentialDesign.ValidateLooks(informationRates, futility?.Select(f => double.IsNaN(f) ? 0 : f).ToList());
}
