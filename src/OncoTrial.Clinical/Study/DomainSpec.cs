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

/// <summary>One variable (column) of a study-folder domain.</summary>
/// <param name="Name">SDTM variable name (upper case, at most 8 characters).</param>
/// <param name="Type">What the values hold.</param>
/// <param name="Required">True when the column must be present and every record must have a value.</param>
/// <param name="Allowed">The allowed values (exact, case-sensitive), or empty when any value of the type is allowed.</param>
/// <param name="Description">What the variable means, for docs/data-format.md.</param>
/// <param name="Example">The value in the documented example row.</param>
/// <param name="IsSponsorExtension">True when the variable is not in the SDTM IG (a sponsor-defined extension).</param>
public sealed record VariableSpec(
    string Name,
    VariableType Type,
    bool Required,
    IReadOnlyList<string> Allowed,
    string Description,
    string Example,
    bool IsSponsorExtension = false);

/// <summary>One domain (one file) of a study folder.</summary>
/// <param name="Name">SDTM domain code (DM, AE, ...); the file is <c>name.csv</c> in lower case.</param>
/// <param name="Description">What one record is.</param>
/// <param name="Required">True when a study folder must contain the file.</param>
/// <param name="HasSubjects">True when every record belongs to a subject of DM (USUBJID).</param>
/// <param name="NaturalKey">Variables whose values identify one record; two records with equal values are duplicates.</param>
/// <param name="Variables">The variables, in the documented column order.</param>
public sealed record DomainSpec(
    string Name,
    string Description,
    bool Required,
    bool HasSubjects,
    IReadOnlyList<string> NaturalKey,
    IReadOnlyList<VariableSpec> Variables)
{
    /// <summary>The file name the study folder uses for this domain in CSV form (e.g. <c>dm.csv</c>).</summary>
    public string CsvFileName => Name.ToLowerInvariant() + ".csv";

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
