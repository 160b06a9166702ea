using System.Globalization;

namespace OncoTrial.Clinical.Ctcae;

/// <summary>
/// A CTCAE grade, 0 to 5. Grades 1-5 are CTCAE's (mild, moderate, severe, life-threatening, death); 0 is the usual
/// convention for "gradable, no criterion met". "Not gradable" is not a grade: see <see cref="LabGrade"/>.
/// </summary>
public readonly record struct CtcaeGrade : IComparable<CtcaeGrade>
{
    private CtcaeGrade(int value) => Value = value;

    /// <summary>The grade, 0 to 5.</summary>
    public int Value { get; }

    /// <summary>Grade 0: gradable, no criterion met.</summary>
    public static CtcaeGrade Zero => new(0);

    /// <summary>A grade from its number.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The number is outside 0..5.</exception>
    public static CtcaeGrade Create(int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 5);
        return new CtcaeGrade(value);
    }

    /// <summary>Reads "0".."5" (surrounding blanks allowed); false for anything else, including "".</summary>
    public static bool TryParse(string? text, out CtcaeGrade grade)
    {
        grade = default;
        if (int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int v) && v is >= 0 and <= 5)
        {
            grade = new CtcaeGrade(v);
            return true;
        }

        return false;
    }

    /// <inheritdoc/>
    public int CompareTo(CtcaeGrade other) => Value.CompareTo(other.Value);

    /// <summary>Orders grades.</summary>
    public static bool operator <(CtcaeGrade left, CtcaeGrade right) => left.Value < right.Value;

    /// <summary>Orders grades.</summary>
    public static bool operator >(CtcaeGrade left, CtcaeGrade right) => left.Value > right.Value;

    /// <summary>Orders grades.</summary>
    public static bool operator <=(CtcaeGrade left, CtcaeGrade right) => left.Value <= right.Value;

    /// <summary>Orders grades.</summary>
    public static bool operator >=(CtcaeGrade left, CtcaeGrade right) => left.Value >= right.Value;

    /// <inheritdoc/>
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
