using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using OncoTrial.Statistics;

namespace OncoTrial.Reporting.Json;

/// <summary>
/// Writes every machine-readable result of OncoTrial: System.Text.Json with the source-generated contracts of
/// <see cref="OncoTrialJsonContext"/>, keys in snake_case, enum values spelled as the command line accepts them
/// (<see cref="Vocabulary"/>), a number that is not estimable (NaN, ±∞) as null, full precision (shortest
/// round-trip form), two-space indentation and LF line ends whatever the platform.
/// </summary>
public static class ResultJson
{
    /// <summary>The serializer options of every OncoTrial JSON output.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>The JSON text of <paramref name="value"/>, a contract type of <see cref="OncoTrialJsonContext"/>.</summary>
    /// <exception cref="InvalidOperationException"><typeparamref name="T"/> is not a registered contract (a programming error).</exception>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, TypeInfo<T>());

    /// <summary>Reads a contract back (tests, round trips).</summary>
    public static T? Deserialize<T>(string json) => JsonSerializer.Deserialize(json, TypeInfo<T>());

    private static JsonTypeInfo<T> TypeInfo<T>()
    {
        try
        {
            return (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));
        }
        catch (NotSupportedException ex)
        {
            throw new InvalidOperationException($"{typeof(T).Name} is not a contract of OncoTrialJsonContext; add [JsonSerializable(typeof({typeof(T).Name}))].", ex);
        }
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            WriteIndented = true,
            NewLine = "\n",
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            NumberHandling = JsonNumberHandling.Strict,
            TypeInfoResolver = OncoTrialJsonContext.Default,
        };
        options.Converters.Add(new FiniteDoubleConverter());
        options.Converters.Add(new VocabularyEnumConverterFactory());
        options.MakeReadOnly();
        return options;
    }
}

/// <summary>Writes NaN and ±∞ (not estimable) as null, and reads null back as NaN.</summary>
public sealed class FiniteDoubleConverter : JsonConverter<double>
{
    /// <inheritdoc/>
    public override bool HandleNull => true;

    /// <inheritdoc/>
    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? double.NaN : reader.GetDouble();

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (double.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}

/// <summary>Enum values as their <see cref="Vocabulary"/> tokens (<c>log-log</c>, <c>logrank</c>, <c>clopper-pearson</c>).</summary>
public sealed class VocabularyEnumConverterFactory : JsonConverterFactory
{
    /// <inheritdoc/>
    public override bool CanConvert(Type typeToConvert)
    {
        ArgumentNullException.ThrowIfNull(typeToConvert);
        return typeToConvert.IsEnum;
    }

    /// <inheritdoc/>
    public override JsonConverter? CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter?)Activator.CreateInstance(typeof(VocabularyEnumConverter<>).MakeGenericType(typeToConvert));

    private sealed class VocabularyEnumConverter<T> : JsonConverter<T>
        where T : struct, Enum
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Vocabulary.TryParse(reader.GetString(), out T value)
                ? value
                : throw new JsonException($"expected one of {string.Join(", ", Vocabulary.Tokens<T>())}, found \"{reader.GetString()}\".");

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(Vocabulary.Token(value));
    }
}
