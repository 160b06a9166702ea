using OncoTrial.Clinical.Data;
using OncoTrial.Statistics;

namespace OncoTrial.Cli;

/// <summary>Reads the time-to-event columns of a data file, throwing its problems.</summary>
internal static class TimeToEventInput
{
    public static TimeToEventData Read(string path, TimeToEventColumns columns)
    {
        using var stream = File.OpenRead(path);
        var (data, problems) = TimeToEventData.Read(stream, path, columns);
        ProblemException.ThrowIfAnyError(problems);
        return data ?? throw new ProblemException(problems);
    }
}
