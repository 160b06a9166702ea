using System.Globalization;
using OncoTrial.Clinical.Recist;

namespace OncoTrial.Clinical.Tests.Recist;

/// <summary>Builds response sequences written as in docs/reference/recist-rules.md §2.7: "0:PR, 31:CR" (day offset:AVALC).</summary>
internal static class ResponseSequences
{
    public static DateOnly Date(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static List<DatedResponse> Parse(string reference, string sequence)
    {
        var day0 = Date(reference);
        var result = new List<DatedResponse>();
        foreach (var item in sequence.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = item.Split(':', 2);
            Assert.True(OverallResponseCodes.TryParse(parts[1], out var response), $"bad code in {item}");
            result.Add(new DatedResponse(day0.AddDays(int.Parse(parts[0], CultureInfo.InvariantCulture)), response));
        }

        return result;
    }

    /// <summary>The derivation with every cut (the public method).</summary>
    public static BestOverallResponse Derive(string reference, string sequence, RecistOptions options, DateOnly? progressionDate = null, DateOnly? newTherapy = null) =>
        RecistDerivation.DeriveBestOverallResponse([new SubjectResponses("S", Date(reference), Parse(reference, sequence), newTherapy, progressionDate)], options)[0];

    /// <summary>admiralonco's functions called without source_pd: the records as they are, no PD cut.</summary>
    public static (OverallResponse? Bor, DateOnly? BorDate, OverallResponse? Cbor, DateOnly? CborDate, DateOnly? Crsp) DeriveWithoutCut(string reference, string sequence, RecistOptions options)
    {
        var records = Parse(reference, sequence).OrderBy(r => r.Date).ToList();
        var (bor, borDate) = RecistDerivation.ComputeUnconfirmedBest(records, Date(reference), options);
        var (cbor, cborDate) = RecistDerivation.ComputeConfirmedBest(records, Date(reference), options);
        return (bor, borDate, cbor, cborDate, RecistDerivation.ComputeConfirmedResponseDate(records, options));
    }

    public static string Code(OverallResponse? r) => BestOverallResponse.Code(r);

    public static string? Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
