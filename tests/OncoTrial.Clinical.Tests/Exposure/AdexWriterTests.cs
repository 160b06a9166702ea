using OncoTrial.Clinical.Data;
using OncoTrial.Clinical.Exposure;
using static OncoTrial.Clinical.Tests.Exposure.ExposureVectors;

namespace OncoTrial.Clinical.Tests.Exposure;

public class AdexWriterTests
{
    private static Dataset Adex()
    {
        Administration[] records = [.. VectorA(), .. VectorB(), Once("S1", "BENMELSTOBART", 92, 5, 1200, 1200, phase: TreatmentPhase.Maintenance)];
        return AdexWriter.ToDataset("STUDY", ExposureDerivation.DeriveDrugExposures(records));
    }

    private static double? Value(Dataset d, string drug, string phase, string paramcd)
    {
        for (int i = 0; i < d.RowCount; i++)
        {
            if (d.Find("PARCAT1")!.GetString(i) == drug && d.Find("PARCAT2")!.GetString(i) == phase && d.Find("PARAMCD")!.GetString(i) == paramcd)
            {
                return d.Find("AVAL")!.GetNumber(i);
            }
        }

        throw new InvalidOperationException($"no {drug} {phase} {paramcd}");
    }

    [Fact]
    public void Adex_has_one_record_per_drug_phase_and_parameter_with_xpt_safe_names_and_labels()
    {
        var d = Adex();
        Assert.Equal(5 * AdexWriter.Parameters.Count, d.RowCount);
        Assert.All(d.Columns, c => Assert.True(c.Name.Length <= 8 && c.Label.Length <= 40, c.Name));
        Assert.All(AdexWriter.Parameters, p => Assert.True(p.Code.Length <= 8, p.Code));
        Assert.Equal(92.31, Math.Round(Value(d, "BENMELSTOBART", "INITIAL THERAPY", "RDI")!.Value, 2));
        Assert.Equal(82.75, Math.Round(Value(d, "ANLOTINIB", "OVERALL", "RDI")!.Value, 2));
        Assert.Equal(89.64, Math.Round(Value(d, "ANLOTINIB", "INITIAL THERAPY", "TDOSINT")!.Value, 2));
        Assert.Equal(5, Value(d, "BENMELSTOBART", "OVERALL", "NCYCLE"));
        Assert.Equal(1, Value(d, "BENMELSTOBART", "MAINTENANCE THERAPY", "NCYCLE"));
        Assert.Equal(6000, Value(d, "BENMELSTOBART", "OVERALL", "TDOSE"));
        Assert.Equal(1, Value(d, "ANLOTINIB", "OVERALL", "NCYCRED"));
        Assert.Equal(Enumerable.Range(1, d.RowCount).Select(i => (double)i), Enumerable.Range(0, d.RowCount).Select(i => d.Find("ASEQ")!.GetNumber(i)!.Value));
    }

    [Theory]
    [InlineData(".xpt")]
    [InlineData(".json")]
    public void Adex_survives_a_round_trip_through_xpt_and_dataset_json(string extension)
    {
        var d = Adex();
        string path = Path.Combine(Path.GetTempPath(), "adex-" + Guid.NewGuid().ToString("N") + extension);
        try
        {
            DatasetFiles.Write(d, path);
            var back = DatasetFiles.Read(path);
            Assert.Equal(d.Columns.Select(c => c.Name), back.Columns.Select(c => c.Name));
            Assert.Equal(d.RowCount, back.RowCount);
            foreach (var column in d.Columns)
            {
                var other = back.Find(column.Name)!;
                for (int i = 0; i < d.RowCount; i++)
                {
                    if (column.IsCharacter)
                    {
                        Assert.Equal(column.GetString(i), other.GetString(i));
                    }
                    else if (column.GetNumber(i) is { } x)
                    {
                        Assert.Equal(x, other.GetNumber(i)!.Value, 1e-9);
                    }
                    else
                    {
                        Assert.Null(other.GetNumber(i));
                    }
                }
            }
        }
        finally
        {
            File.Delete(path);
        }
    }
}
