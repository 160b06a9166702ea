using System.Collections.ObjectModel;
using System.Globalization;
using OncoTrial.Clinical.Study;
using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Analyses;

/// <summary>
/// A subject's baseline characteristics from SC (the seed protocol's tests: ECOG, STAGE, PDL1CPS, METSITE, NMETSITE,
/// PRSURG, PRRADIO; docs/data-format.md). Null means not recorded.
/// </summary>
/// <param name="Subject">USUBJID.</param>
/// <param name="Ecog">ECOG performance status (SCSTRESC), or null.</param>
/// <param name="Stage">Disease stage (SCSTRESC, upper case), or null.</param>
/// <param name="Cps">PD-L1 combined positive score (SCSTRESN, else SCSTRESC as a number), or null when not assessed or not a number.</param>
/// <param name="MetastaticSites">The METSITE values (upper case; any value naming a lymph node is LYMPH NODE: all lymph nodes are one site), distinct, ordered.</param>
/// <param name="MetastaticSiteCount">SC NMETSITE, else the number of <paramref name="MetastaticSites"/> when the subject has METSITE records; null without either.</param>
/// <param name="PriorSurgery">PRSURG Y (true), N (false), or null.</param>
/// <param name="PriorRadiotherapy">PRRADIO Y (true), N (false), or null.</param>
public sealed record SubjectCharacteristics(
    string Subject,
    string? Ecog,
    string? Stage,
    double? Cps,
    IReadOnlyList<string> MetastaticSites,
    int? MetastaticSiteCount,
    bool? PriorSurgery,
    bool? PriorRadiotherapy)
{
    /// <summary>The METSITE value of a lymph-node site.</summary>
    public const string LymphNode = "LYMPH NODE";

    /// <summary>The METSITE value of a liver metastasis.</summary>
    public const string Liver = "LIVER";

    /// <summary>Whether the subject has any SC record (else every characteristic is unknown, and liver metastasis too).</summary>
    public bool HasRecords { get; init; }

    /// <summary>Liver metastasis (METSITE LIVER): true, false (SC records without it), or null (no SC record).</summary>
    public bool? HasLiverMetastasis => HasRecords ? MetastaticSites.Contains(Liver, StringComparer.Ordinal) : null;

    /// <summary>
    /// Reads SC of a study: one record per subject that has SC records. Never throws for bad content: a PDL1CPS that is not
    /// a number, an NMETSITE that is not a whole number or a Y/N test with another value is a warning, and the value counts
    /// as not recorded.
    /// </summary>
    /// <param name="study">A loaded study folder.</param>
    public static (IReadOnlyDictionary<string, SubjectCharacteristics> Subjects, IReadOnlyList<Problem> Problems) Read(StudyFolder study)
    {
        ArgumentNullException.ThrowIfNull(study);
        var problems = new List<Problem>();
        var result = new SortedDictionary<string, SubjectCharacteristics>(StringComparer.Ordinal);
        if (study.Domain("SC") is not { } sc)
        {
            return (new ReadOnlyDictionary<string, SubjectCharacteristics>(result), problems);
        }

        foreach (var subject in sc.Table.Records.GroupBy(r => sc.Value(r, "USUBJID").Trim(), StringComparer.Ordinal).Where(g => g.Key.Length > 0))
        {
            string? ecog = null, stage = null;
            double? cps = null;
            int? count = null;
            bool? surgery = null, radio = null;
            var sites = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var r in subject)
            {
                string test = sc.Value(r, "SCTESTCD").Trim().ToUpperInvariant();
                string value = sc.Value(r, "SCSTRESC").Trim();
                string number = sc.Value(r, "SCSTRESN").Trim();
                void Warn(string expected, string fix) => problems.Add(new Problem(
                    sc.FileName, r.Line, r.Row, "SCSTRESC", "ANALYSIS_CHARACTERISTIC_UNUSABLE", expected + " for SCTESTCD " + test, Problem.Quote(value), fix, ProblemSeverity.Warning));
                switch (test)
                {
                    case "ECOG" when value.Length > 0:
                        ecog = value;
                        break;
                    case "STAGE" when value.Length > 0:
                        stage = value.ToUpperInvariant();
                        break;
                    case "PDL1CPS" when value.Length > 0 || number.Length > 0:
                        if (TryNumber(number, out double n) || TryNumber(value, out n))
                        {
                            cps = n;
                        }
                        else if (!IsNotDone(value))
                        {
                            Warn("a PD-L1 combined positive score (a number 0 to 100)", "Write the score as a number; the subject counts as PD-L1 unknown.");
                        }

                        break;
                    case "METSITE" when value.Length > 0:
                        sites.Add(value.Contains("LYMPH", StringComparison.OrdinalIgnoreCase) ? LymphNode : value.ToUpperInvariant());
                        break;
                    case "NMETSITE" when value.Length > 0 || number.Length > 0:
                        if (int.TryParse(number.Length > 0 ? number : value, NumberStyles.None, CultureInfo.InvariantCulture, out int c))
                        {
                            count = c;
                        }
                        else
                        {
                            Warn("a number of metastatic sites, a whole number >= 0", "Write the count as digits; the count of METSITE records is used.");
                        }

                        break;
                    case "PRSURG" or "PRRADIO" when value.Length > 0:
                        bool? yes = value.ToUpperInvariant() switch { "Y" or "YES" => true, "N" or "NO" => false, _ => null };
                        if (yes is null)
                        {
                            Warn("Y or N", "Write Y or N; the subject counts as not recorded.");
                        }
                        else if (test == "PRSURG")
                        {
                            surgery = yes;
                        }
                        else
                        {
                            radio = yes;
                        }

                        break;
                }
            }

            count ??= sites.Count > 0 ? sites.Count : null;
            result[subject.Key] = new SubjectCharacteristics(subject.Key, ecog, stage, cps, [.. sites], count, surgery, radio) { HasRecords = true };
        }

        return (new ReadOnlyDictionary<string, SubjectCharacteristics>(result), problems);
    }

    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    private static bool IsNotDone(string value) =>
        value.Length == 0 || value.Equals("NOT DONE", StringComparison.OrdinalIgnoreCase) || value.Equals("UNKNOWN", StringComparison.OrdinalIgnoreCase)
        || value.Equals("ND", StringComparison.OrdinalIgnoreCase) || value.Equals("NA", StringComparison.OrdinalIgnoreCase);
}
