namespace OncoTrial.ReferenceCohort.Generation;

/// <summary>One row of the paper's Table 3: subjects with the term at any grade, at grade 3 or worse, and the same for treatment-related events.</summary>
/// <param name="Term">AEDECOD.</param>
/// <param name="Any">All-cause, any grade.</param>
/// <param name="Grade3">All-cause, grade 3 or worse.</param>
/// <param name="Related">Treatment-related, any grade.</param>
/// <param name="Related3">Treatment-related, grade 3 or worse.</param>
internal sealed record AdverseTableRow(string Term, int Any, int Grade3, int Related, int Related3)
{
    /// <summary>Subjects whose worst event of the term is unrelated and of grade 3 or worse.</summary>
    public int Unrelated3 => Grade3 - Related3;

    /// <summary>Subjects with related events of the term, all of grade 1-2.</summary>
    public int RelatedLow => Related - Related3;

    /// <summary>Subjects with unrelated events of the term only, all of grade 1-2.</summary>
    public int UnrelatedLow => Any - Related - Unrelated3;
}

/// <summary>
/// The counts the generated AE domain must give under the project's AeSummary (treatment-emergent events, N = the
/// safety set), read from the paper's published values (published-values.json), never typed here.
/// </summary>
/// <param name="Table">Table 3's 16 frequent terms.</param>
/// <param name="AnyEvent">Subjects with any AE (ae_any).</param>
/// <param name="Grade3">Subjects with an AE of grade 3 or worse (ae_grade3plus).</param>
/// <param name="Related">Subjects with a treatment-related AE (trae_any).</param>
/// <param name="Related3">Subjects with a treatment-related AE of grade 3 or worse (trae_grade3plus).</param>
/// <param name="Withdrawn">Subjects with an AE leading to discontinuation, AEACN DRUG WITHDRAWN (ae_leading_to_discontinuation).</param>
/// <param name="Reduced">Subjects with an AE leading to dose reduction, AEACN DOSE REDUCED (ae_leading_to_dose_reduction).</param>
/// <param name="ImmuneRelated">Subjects with an immune-related AE (irae_any).</param>
/// <param name="ImmuneRelated3">Subjects with an immune-related AE of grade 3 or worse (irae_grade3plus).</param>
/// <param name="ImmuneHypothyroidism">Subjects with immune-related hypothyroidism (irae_hypothyroidism).</param>
/// <param name="ImmuneDiarrhea">Subjects with immune-related diarrhoea (irae_diarrhea).</param>
/// <param name="ImmuneAlt">Subjects with immune-related ALT increased (irae_alt_increased).</param>
/// <param name="Bleeding">Subjects with a bleeding event (bleeding_events).</param>
/// <param name="Fistula3">Subjects with a grade 3-4 oesophageal fistula (esophageal_fistula_grade3plus; the grade 5 one is counted with the deaths).</param>
internal sealed record AdverseTargets(
    IReadOnlyList<AdverseTableRow> Table,
    int AnyEvent,
    int Grade3,
    int Related,
    int Related3,
    int Withdrawn,
    int Reduced,
    int ImmuneRelated,
    int ImmuneRelated3,
    int ImmuneHypothyroidism,
    int ImmuneDiarrhea,
    int ImmuneAlt,
    int Bleeding,
    int Fistula3)
{
    /// <summary>The paper's targets.</summary>
    public static AdverseTargets Paper { get; } = From(PublishedValues.Paper);

    /// <summary>The targets in a set of published values.</summary>
    public static AdverseTargets From(PublishedValues published)
    {
        ArgumentNullException.ThrowIfNull(published);
        int Count(string id) => (int)(published[id].Value.Value ?? throw new InvalidOperationException($"{id}: expected a count, found NE."));
        var table = published["ae_table"];
        var columns = table.Columns ?? throw new InvalidOperationException("ae_table: expected columns.");
        int Column(string name) => columns.ToList().IndexOf(name) is int i and >= 0 ? i : throw new InvalidOperationException($"ae_table: expected a column {name}.");
        int any = Column("ae_any"), grade3 = Column("ae_grade3plus"), related = Column("trae_any"), related3 = Column("trae_grade3plus");
        var rows = (table.Rows ?? []).Select(r => new AdverseTableRow(r.Term, r.Values[any], r.Values[grade3], r.Values[related], r.Values[related3])).ToList();
        return new AdverseTargets(
            rows, Count("ae_any"), Count("ae_grade3plus"), Count("trae_any"), Count("trae_grade3plus"), Count("ae_leading_to_discontinuation"),
            Count("ae_leading_to_dose_reduction"), Count("irae_any"), Count("irae_grade3plus"), Count("irae_hypothyroidism"), Count("irae_diarrhea"),
            Count("irae_alt_increased"), Count("bleeding_events"), Count("esophageal_fistula_grade3plus"));
    }

    /// <summary>The row of a term.</summary>
    public AdverseTableRow Row(string term) => Table.First(r => r.Term == term);
}
