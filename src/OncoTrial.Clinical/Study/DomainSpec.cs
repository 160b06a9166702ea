namespace OncoTrial.Clinical.Study;

/// <summary>What a study-folder variable holds.</summary>
public enum VariableType
{
    /// <summary>Free or coded text.</summary>
    Text,

    /// <summary>A whole number written with digits (an optional leading minus).</summary>
    WholeNumber,

    /// <summary>A number with an optional decimal point (a dot, never a comma) and no thousands separator.</summary>
    Number,

    /// <summary>An ISO 8601 date as SDTM allows it, possibly partial (<see cref="PartialDate"/>).</summary>
    Date,
}

/// <summary>
/// The SDTMIG core designation of a variable (SDTMIG 3.4 §4.1.5, "SDTM Core Designations"): whether the variable
/// must be in the dataset and whether it may be null.
/// </summary>
public enum VariableCore
{
    /// <summary>Req: the variable is in the dataset and never null (identifiers, topic variables).</summary>
    Required,

    /// <summary>Exp: the variable is in the dataset; it may be null when the value was not collected or does not apply.</summary>
    Expected,

    /// <summary>Perm: the variable may be left out of the dataset; when present it may be null.</summary>
    Permissible,
}

/// <summary>
/// A list of terms a variable takes: a CDISC controlled-terminology codelist (NCI code, name, extensibility as
/// published by NCI EVS) or a sponsor-defined list. A value outside a codelist that is not extensible is an error; a
/// value outside an extensible one is a sponsor term, allowed but worth a look.
/// </summary>
/// <param name="Code">The NCI codelist code (e.g. <c>C66731</c>), or <c>sponsor</c> for a list the sponsor defines.</param>
/// <param name="Name">The codelist name (e.g. "Sex").</param>
/// <param name="IsExtensible">True when sponsors may add terms (CDISC "Extensible: Yes").</param>
/// <param name="Terms">The submission values, exact and case-sensitive. For a large extensible codelist, the terms a study of this kind uses.</param>
public sealed record Codelist(string Code, string Name, bool IsExtensible, IReadOnlyList<string> Terms)
{
    /// <summary>The code a sponsor-defined list carries instead of an NCI code.</summary>
    public const string SponsorCode = "sponsor";

    /// <summary>True when the list is the sponsor's, not CDISC's.</summary>
    public bool IsSponsorDefined => Code == SponsorCode;

    /// <summary>True when the value is one of the terms (exact, case-sensitive).</summary>
    public bool Contains(string value) => Terms.Contains(value, StringComparer.Ordinal);

    /// <summary>"C66731 Sex", or the name of a sponsor list ("seed protocol: dose units").</summary>
    public override string ToString() => IsSponsorDefined ? Name : Code + " " + Name;

    /// <summary>A sponsor-defined list that does not take other terms.</summary>
    public static Codelist Sponsor(string name, params string[] terms) => new(SponsorCode, name, false, terms);

    /// <summary>This codelist with more terms, and the name of who added them, as an extensible codelist extended by a sponsor.</summary>
    public Codelist ExtendedWith(string by, params string[] terms) =>
        new(Code, Name + " + " + by, IsExtensible, [.. Terms, .. terms.Where(t => !Contains(t))]);
}

/// <summary>One variable (column) of a study-folder domain.</summary>
/// <param name="Name">SDTM variable name (upper case, at most 8 characters).</param>
/// <param name="Type">What the values hold.</param>
/// <param name="Core">The SDTMIG core designation (Req, Exp, Perm); sponsor extensions are Perm.</param>
/// <param name="Codelist">The controlled terminology the values come from, or null when any value of the type is allowed.</param>
/// <param name="Description">What the variable means, for docs/data-format.md.</param>
/// <param name="Example">The value in the documented example row.</param>
/// <param name="IsSponsorExtension">True when the variable is not in the SDTM IG (a sponsor-defined extension).</param>
public sealed record VariableSpec(
    string Name,
    VariableType Type,
    VariableCore Core,
    Codelist? Codelist,
    string Description,
    string Example,
    bool IsSponsorExtension = false)
{
    /// <summary>True for an SDTMIG Required variable: in the dataset and never null.</summary>
    public bool IsRequired => Core == VariableCore.Required;

    /// <summary>The terms of the codelist, or empty when any value of the type is allowed.</summary>
    public IReadOnlyList<string> Allowed => Codelist?.Terms ?? [];
}

/// <summary>One domain (one file) of a study folder.</summary>
/// <param name="Name">SDTM domain code (DM, AE, ...); the file is <c>name.csv</c> (or .xpt, .json, ...) in lower case.</param>
/// <param name="Description">What one record is.</param>
/// <param name="HasSubjects">True when every record belongs to a subject of DM (USUBJID).</param>
/// <param name="NaturalKey">
/// Variables whose values identify one record (the SDTMIG dataset keys, less STUDYID): two records with equal values
/// (an absent or empty variable counting as a value) describe the same thing.
/// </param>
/// <param name="Variables">The variables, in the documented column order.</param>
public sealed record DomainSpec(
    string Name,
    string Description,
    bool HasSubjects,
    IReadOnlyList<string> NaturalKey,
    IReadOnlyList<VariableSpec> Variables)
{
    /// <summary>The file name the study folder uses for this domain in CSV form (e.g. <c>dm.csv</c>).</summary>
    public string CsvFileName => Name.ToLowerInvariant() + ".csv";

    /// <summary>The sequence variable (<c>AESEQ</c>), or null for DM and TS-like domains without one.</summary>
    public string? SequenceVariable => Find(Name + "SEQ")?.Name;

    /// <summary>The variable of that name, or null.</summary>
    public VariableSpec? Find(string name)
    {
        foreach (var v in Variables)
        {
            if (v.Name == name)
            {
                return v;
            }
        }

        return null;
    }
}
