namespace OncoTrial.ReferenceCohort.Generation;

/// <summary>When in a treatment course an adverse event of a term starts.</summary>
internal enum AdverseTiming
{
    /// <summary>At the blood-count nadir of a cycle, 7-12 days after its day 1; over before the next cycle (chemotherapy myelotoxicity).</summary>
    Nadir,

    /// <summary>1-4 days after day 1 of an induction cycle, for days (cisplatin and paclitaxel: nausea, vomiting, anorexia, constipation).</summary>
    AfterInfusion,

    /// <summary>3-14 days into a cycle on anlotinib, and often lasting (hypertension, hand-foot skin reaction).</summary>
    OnAnlotinib,

    /// <summary>Any time in a cycle.</summary>
    AnyTime,

    /// <summary>At a cycle's day-1 visit from cycle 3 on, and lasting (hypothyroidism under a PD-L1 inhibitor).</summary>
    FromCycle3,

    /// <summary>At a cycle's day-1 weighing from cycle 2 on, and lasting (weight loss).</summary>
    AtWeighing,

    /// <summary>2-3 weeks after the first paclitaxel infusion, until after the induction phase (alopecia).</summary>
    HairLoss,

    /// <summary>At a cycle's blood test from cycle 2 on, over before the next cycle (a transaminase rise).</summary>
    AtLabVisit,
}

/// <summary>
/// A term the generator can report: its MedDRA preferred term as the paper names it (AEDECOD, the CTCAE v5.0 term
/// where one exists), a verbatim term (AETERM), the MedDRA system organ class, the highest CTCAE grade the generator
/// gives it (within the grades CTCAE v5.0 defines, rule OT5001), when it starts, and the drugs it is attributed to
/// when it is treatment-related.
/// </summary>
/// <param name="DecodedTerm">AEDECOD.</param>
/// <param name="Verbatim">AETERM, as an investigator writes it.</param>
/// <param name="SystemOrganClass">AEBODSYS and AESOC.</param>
/// <param name="MaxGrade">The highest grade the term takes here.</param>
/// <param name="Timing">When it starts.</param>
/// <param name="RelatedDrugs">EXTRT of the drugs a related event is attributed to (per-drug causality).</param>
/// <param name="ReducedDrug">The drug whose dose a grade 3 event of the term reduces (null: no reduction for it).</param>
internal sealed record AdverseTerm(
    string DecodedTerm,
    string Verbatim,
    string SystemOrganClass,
    int MaxGrade,
    AdverseTiming Timing,
    IReadOnlyList<string> RelatedDrugs,
    string? ReducedDrug = null)
{
    /// <summary>True when related events of the term come from the chemotherapy (and so fall in induction cycles).</summary>
    public bool IsChemotherapyToxicity => RelatedDrugs.Contains(AdverseDrugs.Paclitaxel) || RelatedDrugs.Contains(AdverseDrugs.Cisplatin);
}

/// <summary>EXTRT of the regimen's four drugs (src/OncoTrial.Clinical/Protocol/seed-regimen.json).</summary>
internal static class AdverseDrugs
{
    /// <summary>The PD-L1 inhibitor, every cycle.</summary>
    public const string Benmelstobart = "BENMELSTOBART";

    /// <summary>The oral multitargeted TKI, days 1-14 of every cycle.</summary>
    public const string Anlotinib = "ANLOTINIB";

    /// <summary>Induction chemotherapy, day 1.</summary>
    public const string Paclitaxel = "PACLITAXEL";

    /// <summary>Induction chemotherapy, day 1.</summary>
    public const string Cisplatin = "CISPLATIN";

    /// <summary>The drugs in AE per-drug causality column order (AERELBEN, AERELANL, AERELPAC, AERELCIS).</summary>
    public static IReadOnlyList<string> All { get; } = [Benmelstobart, Anlotinib, Paclitaxel, Cisplatin];
}

/// <summary>
/// The terms of the reference cohort's AE domain. The 16 terms of the paper's Table 3 are spelled as the paper spells
/// them; the others are CTCAE v5.0 terms (src/OncoTrial.Clinical/Ctcae/ctcae-v5.0-terms.csv where listed there).
/// System organ classes are MedDRA's: a haematological term the paper names by its Blood SOC preferred term
/// (Leukopenia, not White blood cell decreased) stays in that SOC.
/// </summary>
internal static class AdverseEventCatalogue
{
    private const string Blood = "Blood and lymphatic system disorders";
    private const string Gastrointestinal = "Gastrointestinal disorders";
    private const string Respiratory = "Respiratory, thoracic and mediastinal disorders";
    private const string General = "General disorders and administration site conditions";
    private const string Skin = "Skin and subcutaneous tissue disorders";
    private const string Endocrine = "Endocrine disorders";
    private const string Metabolism = "Metabolism and nutrition disorders";
    private const string Investigations = "Investigations";
    private const string Nervous = "Nervous system disorders";

    private static readonly string[] Chemotherapy = [AdverseDrugs.Paclitaxel, AdverseDrugs.Cisplatin];
    private static readonly string[] Tki = [AdverseDrugs.Anlotinib];
    private static readonly string[] Immunotherapy = [AdverseDrugs.Benmelstobart];

    /// <summary>Myelosuppression: one of the paper's four fatal AEs.</summary>
    public const string Myelosuppression = "Myelosuppression";

    /// <summary>The paper's "pulmonary infection", as CTCAE v5.0 names it.</summary>
    public const string LungInfection = "Lung infection";

    /// <summary>The fatal bleeding event.</summary>
    public const string IntracranialHemorrhage = "Intracranial hemorrhage";

    /// <summary>Two grade 3-4 events and one fatal one.</summary>
    public const string EsophagealFistula = "Esophageal fistula";

    /// <summary>The grade 1 bleeding event of the nose.</summary>
    public const string Epistaxis = "Epistaxis";

    /// <summary>The grade 1 bleeding event attributed to anlotinib.</summary>
    public const string LowerGastrointestinalHemorrhage = "Lower gastrointestinal hemorrhage";

    /// <summary>An immune-related event of the paper's prose (5 subjects).</summary>
    public const string AlanineAminotransferaseIncreased = "Alanine aminotransferase increased";

    /// <summary>The immune-related pneumonitis that stopped one subject's treatment.</summary>
    public const string Pneumonitis = "Pneumonitis";

    /// <summary>Every term by AEDECOD.</summary>
    public static IReadOnlyDictionary<string, AdverseTerm> Terms { get; } = new[]
    {
        // Table 3, in the paper's order.
        new AdverseTerm("Leukopenia", "White blood cell count decreased", Blood, 4, AdverseTiming.Nadir, Chemotherapy, AdverseDrugs.Paclitaxel),
        new AdverseTerm("Neutropenia", "Neutrophil count decreased", Blood, 4, AdverseTiming.Nadir, Chemotherapy, AdverseDrugs.Paclitaxel),
        new AdverseTerm("Anemia", "Haemoglobin decreased", Blood, 3, AdverseTiming.Nadir, Chemotherapy, AdverseDrugs.Cisplatin),
        new AdverseTerm("Hypertension", "Blood pressure increased", "Vascular disorders", 3, AdverseTiming.OnAnlotinib, Tki, AdverseDrugs.Anlotinib),
        new AdverseTerm("Nausea", "Nausea", Gastrointestinal, 3, AdverseTiming.AfterInfusion, [AdverseDrugs.Cisplatin], AdverseDrugs.Cisplatin),
        new AdverseTerm("Anorexia", "Loss of appetite", Metabolism, 3, AdverseTiming.AfterInfusion, [AdverseDrugs.Cisplatin, AdverseDrugs.Anlotinib], AdverseDrugs.Cisplatin),
        new AdverseTerm("Thrombocytopenia", "Platelet count decreased", Blood, 4, AdverseTiming.Nadir, Chemotherapy, AdverseDrugs.Cisplatin),
        new AdverseTerm("Fatigue", "Fatigue", General, 3, AdverseTiming.AnyTime, [AdverseDrugs.Anlotinib, AdverseDrugs.Benmelstobart], AdverseDrugs.Anlotinib),
        new AdverseTerm("Lymphopenia", "Lymphocyte count decreased", Blood, 4, AdverseTiming.Nadir, Chemotherapy, AdverseDrugs.Paclitaxel),
        new AdverseTerm("Diarrhea", "Diarrhoea", Gastrointestinal, 3, AdverseTiming.AnyTime, Tki, AdverseDrugs.Anlotinib),
        new AdverseTerm("Vomiting", "Vomiting", Gastrointestinal, 3, AdverseTiming.AfterInfusion, [AdverseDrugs.Cisplatin], AdverseDrugs.Cisplatin),
        new AdverseTerm("Cough", "Cough", Respiratory, 3, AdverseTiming.AnyTime, Immunotherapy),
        new AdverseTerm("Weight loss", "Weight decreased", Investigations, 3, AdverseTiming.AtWeighing, Tki, AdverseDrugs.Anlotinib),
        new AdverseTerm("Constipation", "Constipation", Gastrointestinal, 3, AdverseTiming.AfterInfusion, Chemotherapy),
        new AdverseTerm("Hypothyroidism", "Hypothyroidism", Endocrine, 2, AdverseTiming.FromCycle3, Immunotherapy),
        new AdverseTerm("Alopecia", "Hair loss", Skin, 2, AdverseTiming.HairLoss, [AdverseDrugs.Paclitaxel]),

        // The paper's prose: immune-related, bleeding, fistula and fatal events.
        new AdverseTerm(AlanineAminotransferaseIncreased, "ALT increased", Investigations, 3, AdverseTiming.AtLabVisit, Immunotherapy),
        new AdverseTerm(Pneumonitis, "Immune-related pneumonitis", Respiratory, 3, AdverseTiming.AnyTime, Immunotherapy),
        new AdverseTerm("Hyperthyroidism", "Hyperthyroidism", Endocrine, 2, AdverseTiming.FromCycle3, Immunotherapy),
        new AdverseTerm("Rash maculo-papular", "Rash", Skin, 2, AdverseTiming.AnyTime, Immunotherapy),
        new AdverseTerm("Pruritus", "Itching", Skin, 2, AdverseTiming.AnyTime, Immunotherapy),
        new AdverseTerm(Epistaxis, "Nosebleed", Respiratory, 1, AdverseTiming.OnAnlotinib, Tki),
        new AdverseTerm(LowerGastrointestinalHemorrhage, "Blood in stool", Gastrointestinal, 1, AdverseTiming.OnAnlotinib, Tki),
        new AdverseTerm(IntracranialHemorrhage, "Cerebral haemorrhage", Nervous, 5, AdverseTiming.AnyTime, Tki),
        new AdverseTerm(EsophagealFistula, "Oesophageal fistula", Gastrointestinal, 5, AdverseTiming.AnyTime, Tki),
        new AdverseTerm(LungInfection, "Pulmonary infection", "Infections and infestations", 5, AdverseTiming.AnyTime, []),
        new AdverseTerm(Myelosuppression, "Myelosuppression", Blood, 5, AdverseTiming.Nadir, Chemotherapy),

        // Other events of such a regimen, each in fewer than 20% of subjects (so not in Table 3), grade 1-2.
        new AdverseTerm("Peripheral sensory neuropathy", "Numbness of fingers and toes", Nervous, 2, AdverseTiming.AfterInfusion, [AdverseDrugs.Paclitaxel]),
        new AdverseTerm("Palmar-plantar erythrodysesthesia syndrome", "Hand-foot skin reaction", Skin, 2, AdverseTiming.OnAnlotinib, Tki, AdverseDrugs.Anlotinib),
        new AdverseTerm("Proteinuria", "Protein in urine", "Renal and urinary disorders", 2, AdverseTiming.OnAnlotinib, Tki, AdverseDrugs.Anlotinib),
        new AdverseTerm("Oral mucositis", "Mouth ulcers", Gastrointestinal, 2, AdverseTiming.OnAnlotinib, Tki),
        new AdverseTerm("Hoarseness", "Hoarse voice", Respiratory, 2, AdverseTiming.OnAnlotinib, Tki),
        new AdverseTerm("Hypokalemia", "Low potassium", Metabolism, 2, AdverseTiming.AfterInfusion, [AdverseDrugs.Cisplatin]),
        new AdverseTerm("Fever", "Fever", General, 2, AdverseTiming.AnyTime, []),
        new AdverseTerm("Dysphagia", "Difficulty swallowing", Gastrointestinal, 2, AdverseTiming.AnyTime, []),
        new AdverseTerm("Insomnia", "Insomnia", "Psychiatric disorders", 2, AdverseTiming.AnyTime, []),
    }.ToDictionary(t => t.DecodedTerm, StringComparer.Ordinal);

    /// <summary>Immune-related terms that fill the paper's count of subjects with an irAE, after hypothyroidism, diarrhoea and ALT increased.</summary>
    public static IReadOnlyList<string> OtherImmuneRelatedTerms { get; } = ["Rash maculo-papular", "Hyperthyroidism", "Pruritus", Pneumonitis];

    /// <summary>Grade 1-2 background terms and the range of subjects each is given to (always fewer than 20% of 50).</summary>
    public static IReadOnlyList<(string Term, int Min, int Max, bool IsRelated)> BackgroundTerms { get; } =
    [
        ("Peripheral sensory neuropathy", 5, 9, true), ("Palmar-plantar erythrodysesthesia syndrome", 4, 8, true), ("Proteinuria", 4, 8, true),
        ("Oral mucositis", 2, 5, true), ("Hoarseness", 2, 4, true), ("Hypokalemia", 2, 5, true), ("Fever", 3, 6, false),
        ("Dysphagia", 3, 6, false), ("Insomnia", 2, 4, false),
    ];

    /// <summary>The term of an AEDECOD.</summary>
    /// <exception cref="KeyNotFoundException">The catalogue has no such term.</exception>
    public static AdverseTerm Get(string decodedTerm) =>
        Terms.TryGetValue(decodedTerm, out var term) ? term : throw new KeyNotFoundException($"decodedTerm: expected a term of the AE catalogue, found \"{decodedTerm}\".");
}
