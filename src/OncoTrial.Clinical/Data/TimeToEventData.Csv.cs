using System.Runtime.InteropServices;
using nietras.SeparatedValues;
using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Data;

/// <summary>The columnar CSV path of <see cref="TimeToEventData.Read(Stream, string, TimeToEventColumns)"/>.</summary>
public sealed partial class TimeToEventData
{
    /// <summary>
    /// One pass over the CSV with Sep: every record is checked as <see cref="CsvTable"/> checks it (blank, ragged,
    /// unterminated quote), and only the named columns of the selected records are parsed, from the field's
    /// characters to a number, a status code or a shared label string. The problems, and their order, are those of
    /// <see cref="CsvTable.Read(Stream, string)"/> (structure) followed by <see cref="FromTable"/> (values).
    /// </summary>
    private static (TimeToEventData? Data, IReadOnlyList<Problem> Problems) ReadCsv(Stream stream, string source, TimeToEventColumns columns)
    {
        var structure = new List<Problem>();
        var problems = new List<Problem>();
        using var text = CsvSep.Decode(stream);
        using var reader = CsvSep.Open(text);
        string[] header = [];
        int openQuoteLine = 0;
        if (reader.MoveNext())
        {
            openQuoteLine = CsvSep.EndsInsideQuotes(reader.Current.Span) ? 1 : 0;
            header = CsvSep.Fields(reader.Current);
        }
        else
        {
            structure.Add(CsvSep.EmptyFile(source));
        }

        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < header.Length; i++)
        {
            index.TryAdd(header[i], i);
        }

        int Find(string column, string option) => Require(header, index.GetValueOrDefault(column, -1), source, column, option, problems);

        CheckEventOrCensor(columns, problems);
        int time = Find(columns.Time, "time");
        int ev = columns.Event is null ? -1 : Find(columns.Event, "event");
        int cnsr = columns.Censor is null ? -1 : Find(columns.Censor, "censor");
        int group = columns.Group is null ? -1 : Find(columns.Group, "group");
        int strata = columns.Strata is null ? -1 : Find(columns.Strata, "strata");
        int weight = columns.Weight is null ? -1 : Find(columns.Weight, "weight");
        var filters = columns.Where.Select(f => (Filter: f, Index: Find(f.Column, "where"))).ToArray();
        bool read = problems.Count == 0;

        var t = new List<double>();
        var s = new List<int>();
        var g = group >= 0 ? new List<string>() : null;
        var st = strata >= 0 ? new List<string>() : null;
        var w = weight >= 0 ? new List<int>() : null;
        var groupLabels = new Labels();
        var strataLabels = new Labels();
        while (reader.MoveNext())
        {
            var row = reader.Current;
            int line = row.LineNumberFrom;
            if (CsvSep.EndsInsideQuotes(row.Span))
            {
                openQuoteLine = line;
            }

            if (CsvSep.IsBlank(row))
            {
                continue;
            }

            if (row.ColCount != header.Length)
            {
                structure.Add(CsvSep.Ragged(source, line, row.RowIndex, header.Length, row.ColCount));
                continue;
            }

            if (!read || !Selected(row, filters))
            {
                continue;
            }

            var rawTime = row[time].Span.Trim();
            if (!TryParseTime(rawTime, out double tv))
            {
                problems.Add(TimeProblem(columns.Time, rawTime.ToString()).At(source, line, row.RowIndex));
            }

            t.Add(tv);
            int status;
            if (ev >= 0)
            {
                var raw = row[ev].Span.Trim();
                if (!TryParseEvent(raw, out status))
                {
                    problems.Add(EventProblem(columns.Event!, raw.ToString()).At(source, line, row.RowIndex));
                }
            }
            else
            {
                var raw = row[cnsr].Span.Trim();
                if (!TryParseCensor(raw, out status))
                {
                    problems.Add(CensorProblem(columns.Censor!, raw.ToString()).At(source, line, row.RowIndex));
                }
            }

            s.Add(status);
            if (g is not null)
            {
                g.Add(Label(row[group].Span.Trim(), groupLabels, columns.Group!, source, line, row.RowIndex, problems));
            }

            if (st is not null)
            {
                st.Add(Label(row[strata].Span.Trim(), strataLabels, columns.Strata!, source, line, row.RowIndex, problems));
            }

            if (w is not null)
            {
                var raw = row[weight].Span.Trim();
                if (!TryParseWeight(raw, out int wv))
                {
                    problems.Add(WeightProblem(columns.Weight!, raw.ToString()).At(source, line, row.RowIndex));
                }

                w.Add(wv);
            }
        }

        if (openQuoteLine > 0)
        {
            structure.Insert(0, CsvSep.Unterminated(source, openQuoteLine));
        }

        if (read && t.Count == 0)
        {
            problems.Add(NoRows(source, columns));
        }

        if (structure.Count > 0 || problems.Count > 0)
        {
            structure.AddRange(problems);
            return (null, structure);
        }

        return (new TimeToEventData([.. t], [.. s], g?.ToArray(), st?.ToArray(), w?.ToArray()), problems);
    }

    private static bool Selected(SepReader.Row row, (RowFilter Filter, int Index)[] filters)
    {
        foreach (var (filter, i) in filters)
        {
            if (row[i].Span.Trim().SequenceEqual(filter.Value) == filter.Negate)
            {
                return false;
            }
        }

        return true;
    }

    private static string Label(ReadOnlySpan<char> value, Labels labels, string column, string source, int line, int row, List<Problem> problems)
    {
        if (value.Length == 0)
        {
            problems.Add(LabelProblem(column).At(source, line, row));
        }

        return labels.Get(value);
    }

    /// <summary>
    /// One string per distinct label: a group column of 2e6 rows holds two strings, not 2e6. The first few labels
    /// are found by comparing characters (a trial has a handful of arms), the rest through a dictionary.
    /// </summary>
    private sealed class Labels
    {
        private const int Few = 8;
        private readonly string[] _few = new string[Few];
        private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _labels =
            new Dictionary<string, string>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

        private int _count;

        public string Get(ReadOnlySpan<char> value)
        {
            for (int i = 0; i < _count; i++)
            {
                if (value.SequenceEqual(_few[i]))
                {
                    return _few[i];
                }
            }

            ref string? label = ref CollectionsMarshal.GetValueRefOrAddDefault(_labels, value, out _);
            if (label is null)
            {
                label = value.ToString();
                if (_count < Few)
                {
                    _few[_count++] = label;
                }
            }

            return label;
        }
    }
}
