using System.Text.Json.Serialization;
using OncoTrial.Reporting.Contracts;

namespace OncoTrial.Reporting.Json;

/// <summary>
/// The one source-generated serializer context of OncoTrial's JSON outputs: every contract a command, the report's
/// analysis-results file or a server writes is registered here. Write through <see cref="ResultJson"/>, which adds
/// the converters (not-estimable numbers as null, enum values as command-line tokens).
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(SurvivalJson))]
[JsonSerializable(typeof(ProportionJson))]
[JsonSerializable(typeof(SingleArmSurvivalDesignJson))]
[JsonSerializable(typeof(SimonDesignJson))]
[JsonSerializable(typeof(SingleStageDesignJson))]
[JsonSerializable(typeof(TwoArmSurvivalDesignJson))]
[JsonSerializable(typeof(SingleArmSimulationJson))]
[JsonSerializable(typeof(TwoArmSimulationJson))]
[JsonSerializable(typeof(RecistJson))]
[JsonSerializable(typeof(ValidationJson))]
[JsonSerializable(typeof(ProblemJson))]
[JsonSerializable(typeof(IReadOnlyList<ProblemJson>))]
[JsonSerializable(typeof(DocumentJson))]
[JsonSerializable(typeof(DeriveJson))]
[JsonSerializable(typeof(RegimenJson))]
[JsonSerializable(typeof(ScheduleJson))]
[JsonSerializable(typeof(DoseJson))]
[JsonSerializable(typeof(AnalysisResultsJson))]
internal sealed partial class OncoTrialJsonContext : JsonSerializerContext;
