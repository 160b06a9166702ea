using OncoTrial.Clinical.Data;
using OncoTrial.Clinical.Exposure;
using OncoTrial.Clinical.Safety;
using OncoTrial.Clinical.Study;

using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Adam;

/// <summary>The safety-side ADaM datasets of a study and the problems met while deriving them.</summary>
/// <param name="Adae">ADAE (every AE record, with TRTEMFL and the analysis variables).</param>
/// <param name="Adex">ADEX (per subject, drug and phase: doses, cycles, duration, RDI), or null without EX.</param>
/// <param name="Problems">Warnings: records used with an assumption or left out.</param>
public sealed record SafetyDatasetsResult(Dataset Adae, Dataset? Adex, IReadOnlyList<Problem> Problems)
{
    /// <summary>The datasets derived, in the order ADAE, ADEX.</summary>
    public IReadOnlyList<Dataset> Datasets => new[] { Adae, Adex }.OfType<Dataset>().ToList();
}

/// <summary>From a study folder to ADAE (<see cref="TreatmentEmergence"/>, <see cref="AdaeWriter"/>) and ADEX
/// (<see cref="ExposureReader"/>, <see cref="ExposureDerivation"/>, <see cref="AdexWriter"/>), with default options.</summary>
public static class SafetyDatasets
{
    /// <summary>Derives ADAE and ADEX.</summary>
    /// <param name="study">A loaded, usable study folder.</param>
    /// <param name="safety">Safety options; defaults when null.</param>
    /// <param name="exposure">Exposure options; defaults when null.</param>
    public static SafetyDatasetsResult Run(StudyFolder study, SafetyOptions? safety = null, ExposureOptions? exposure = null)
    {
        ArgumentNullException.ThrowIfNull(study);
        safety ??= SafetyOptions.Default;
        exposure ??= ExposureOptions.Default;
        var data = SafetyData.Read(study);
        var problems = new List<Problem>(data.Problems);
        var adae = AdaeWriter.ToDataset(data.StudyId, TreatmentEmergence.Derive(data, safety));

        Dataset? adex = null;
        if (study.Domain("EX") is not null)
        {
            var ex = ExposureReader.Read(study);
            problems.AddRange(ex.Problems);
            adex = AdexWriter.ToDataset(data.StudyId, ExposureDerivation.DeriveDrugExposures(ex.Administrations, exposure));
        }

        return new SafetyDatasetsResult(adae, adex, problems.AsReadOnly());
    }
}
