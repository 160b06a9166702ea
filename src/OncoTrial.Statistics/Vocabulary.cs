using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OncoTrial.Statistics;

/// <summary>
/// The one spelling of every method variant: the token by which a command-line option accepts an enum value, the
/// value its JSON output carries, and the word its text output prints. A member's token is its
/// <see cref="JsonStringEnumMemberNameAttribute"/> when it has one (where the established word differs from the
/// member name: SAS's <c>wilcoxon</c> for <see cref="LogRankWeighting.GehanBreslow"/>, <c>logrank</c>, <c>obf</c>),
/// otherwise the member name in lower kebab case (<see cref="JsonNamingPolicy.KebabCaseLower"/>:
/// <see cref="SurvivalCiTransform.LogLog"/> is <c>log-log</c>). The JSON contracts use the same rule, so the three can
/// never disagree.
/// </summary>
public static class Vocabulary
{
    private static readonly ConcurrentDictionary<Type, (string[] Tokens, Enum[] Values)> Cache = new();

    /// <summary>The naming policy of enum values that carry no explicit name.</summary>
    public static JsonNamingPolicy EnumNamingPolicy { get; } = JsonNamingPolicy.KebabCaseLower;

    /// <summary>The token of <paramref name="value"/>, e.g. <c>log-log</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a named member of its enum.</exception>
    public static string Token<T>(T value)
        where T : struct, Enum
    {
        var (tokens, values) = Entries(typeof(T));
        int i = Array.IndexOf(values, value);
        return i >= 0 ? tokens[i] : throw new ArgumentOutOfRangeException(nameof(value), value, $"{value} is not a named member of {typeof(T).Name}.");
    }

    /// <summary>Every token of <typeparamref name="T"/>, in declaration order.</summary>
    public static IReadOnlyList<string> Tokens<T>()
        where T : struct, Enum => Entries(typeof(T)).Tokens;

    /// <summary>The member whose token is <paramref name="token"/> (exact, case-sensitive), or false.</summary>
    public static bool TryParse<T>(string? token, out T value)
        where T : struct, Enum
    {
        var (tokens, values) = Entries(typeof(T));
        int i = token is null ? -1 : Array.IndexOf(tokens, token);
        value = i >= 0 ? (T)values[i] : default;
        return i >= 0;
    }

    /// <summary>The member whose token is <paramref name="token"/>.</summary>
    /// <exception cref="ArgumentException">No member has that token.</exception>
    public static T Parse<T>(string token)
        where T : struct, Enum =>
        TryParse(token, out T value)
            ? value
            : throw new ArgumentException($"expected one of {string.Join(", ", Tokens<T>())}, found \"{token}\".", nameof(token));

    private static (string[] Tokens, Enum[] Values) Entries(Type type) => Cache.GetOrAdd(type, static t =>
    {
        var fields = t.GetFields(BindingFlags.Public | BindingFlags.Static);
        var tokens = new string[fields.Length];
        var values = new Enum[fields.Length];
        for (int i = 0; i < fields.Length; i++)
        {
            tokens[i] = fields[i].GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? EnumNamingPolicy.ConvertName(fields[i].Name);
            values[i] = (Enum)fields[i].GetValue(null)!;
        }

        return (tokens, values);
    });
}
