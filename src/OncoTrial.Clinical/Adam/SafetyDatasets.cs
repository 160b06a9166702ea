using OncoTrial.Clinical.Data;
using OncoTrial.Clinical.Disposition;
using OncoTrial.Clinical.Exposure;
using OncoTrial.Clinical.Safety;
using OncoTrial.Clinical.Study;

using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Adam;

/// <summary>The subject-level and safety-side ADaM datasets of a study and the problems met while deriving them.</summary>
/// <param name="Adsl">ADSL: one record per DM subject (screen failures and never-dosed subjects with SAFFL = N).</param>
/// <param name="Adae">ADAE (every AE record of the safety set, with TRTEMFL and the analysis variables), or null without AE.</param>
/// <param name="Adex">ADEX (per subject, drug and phase: doses, cycles, duration, RDI), or null without EX or without EXCYCLE.</param>
/// <param name="Problems">Warnings (records used with an assumption or left out) and notes (how the study was read).</param>
public sealed record SafetyDatasetsResult(Dataset Adsl, Dataset? Adae, Dataset? Adex, IReadOnlyList<Problem> Problems)
{
    /// <summary>The datasets derived, in the order ADSL, ADAE, ADEX.</summary>
    public IReadOnlyList<Dataset> Datasets => new[] { Adsl, Adae, Adex }.OfType<Dataset>().ToList();
}

/// <summary>From a study folder to ADSL (<see cref="AdslWriter"/>), ADAE (<see cref="TreatmentEmergence"/>,
/// <see cref="AdaeWriter"/>) and ADEX (<see cref="ExposureReader"/>, <see cref="ExposureDerivation"/>,
/// <see cref="AdexWriter"/>), each only from the domains it needs.</summary>
public static class SafetyDatasets
{
    /// <summary>
    /// Derives ADSL always (from DM, with EX and DS when present), ADAE when the study has AE, ADEX when it has EX with
    /// EXCYCLE (the cycle-based exposure; without it a note says why there is no ADEX).
    /// </summary>
    /// <param name="study">A loaded, usable study folder.</param>
    /// <param name="safety">Safety options; defaults when null.</param>
    /// <param name="exposure">Exposure options; defaults when null.</param>
    /// <param name="disposition">Disposition options (enrolment and end of study in ADSL); defaults when null.</param>
    public static SafetyDatasetsResult Run(StudyFolder study, SafetyOptions? safety = null, ExposureOptions? exposure = null, DispositionOptions? disposition = null)
    {
        ArgumentNullException.ThrowIfNull(study);
        safety ??= SafetyOptions.Default;
        exposure ??= ExposureOptions.Default;
        var data = SafetyData.Read(study, safety);
        var problems = new List<Problem>(data.Problems);

        var summary = DispositionSummary.Compute(study, disposition);
        problems.AddRange(summary.Problems);
        var (subjects, adslProblems) = AdslWriter.DeriveRecords(study, summary);
        problems.AddRange(adslProblems);
        var adsl = AdslWriter.ToDataset(subjects);

        Dataset? adae = study.Domain("AE") is null ? null : AdaeWriter.ToDataset(data, TreatmentEmergence.Derive(data, safety));

        Dataset? adex = null;
        if (study.Domain("EX") is not null)
        {
            var ex = ExposureReader.Read(study);
            problems.AddRange(ex.Problems);
            if (ExposureReader.HasCycles(study.Domain("EX")!))
            {
                adex = AdexWriter.ToDataset(data.StudyId, ExposureDerivation.DeriveDrugExposures(ex.Administrations, exposure));
            }
        }

        return new SafetyDatasetsResult(adsl, adae, adex, problems.AsReadOnly());
    }
}
