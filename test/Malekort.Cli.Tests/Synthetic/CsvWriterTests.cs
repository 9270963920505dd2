using System.Text;

namespace Malekort.Cli.Synthetic;

public sealed class CsvWriterTests : IDisposable
{
    private readonly string path = Path.Combine(Path.GetTempPath(), "malekort-csv-" + Guid.NewGuid().ToString("N") + ".csv");

    public void Dispose() => File.Delete(path);

    [Fact]
    public void Writes_utf8_without_bom_quoting_only_cells_that_need_it()
    {
        using (var csv = new CsvWriter(path, "code", "name"))
        {
            csv.Text("110");
            csv.Text("Livsopphold, supplerende");
            csv.EndRow();
            csv.Text("x");
            csv.Text("sa \"nei\"");
            csv.EndRow();
            csv.Text("Strøm");
            csv.Empty();
            csv.EndRow();
        }

        var bytes = File.ReadAllBytes(path);
        Assert.NotEqual(0xEF, bytes[0]);
        Assert.Equal("code,name\n110,\"Livsopphold, supplerende\"\nx,\"sa \"\"nei\"\"\"\nStrøm,\n", Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void Writes_amounts_dates_and_booleans_in_the_capture_format()
    {
        using (var csv = new CsvWriter(path, "amount", "small", "date", "none", "flag"))
        {
            csv.Kroner(720_000);
            csv.Kroner(123_450);
            csv.Date(new DateOnly(2024, 2, 29).DayNumber);
            csv.Date(SimDay.None);
            csv.Boolean(false);
            csv.EndRow();
            csv.Kroner(5);
            csv.Integer(0);
            csv.Date(new DateOnly(987, 1, 9).DayNumber);
            csv.Integer(1_234_567_890_123);
            csv.Boolean(true);
            csv.EndRow();
        }

        Assert.Equal("amount,small,date,none,flag\n7200,1234.50,2024-02-29,,false\n0.05,0,0987-01-09,1234567890123,true\n",
            File.ReadAllText(path));
    }
}
