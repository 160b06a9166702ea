namespace OncoTrial.Reporting;

/// <summary>What a command writes.</summary>
public enum OutputFormat
{
    /// <summary>Plain text for people (<see cref="TextRenderer"/>).</summary>
    Text,

    /// <summary>JSON for machines (<see cref="Json.ResultJson"/>).</summary>
    Json,

    /// <summary>CSV of a table (<see cref="CsvRenderer"/>).</summary>
    Csv,
}
