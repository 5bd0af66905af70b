using System.Text;
using TrainingNetwork.Web.Reports;

namespace TrainingNetwork.Web.Tests.Reports;

public sealed class CsvDownloadTests
{
    [Fact]
    public void Fields_with_a_comma_a_quote_or_a_line_break_are_quoted_and_quotes_doubled()
    {
        var csv = CsvDownload.Write(["Name", "Note"], [["Okafor, Maya", "said \"fine\""], ["two\nlines", "plain"]]);

        Assert.Equal("Name,Note\r\n\"Okafor, Maya\",\"said \"\"fine\"\"\"\r\n\"two\nlines\",plain\r\n", csv);
    }

    [Theory]
    [InlineData("=SUM(A1:A9)")]
    [InlineData("+1")]
    [InlineData("-1+2")]
    [InlineData("@cmd")]
    public void Text_that_a_spreadsheet_would_run_as_a_formula_is_escaped(string text)
    {
        var csv = CsvDownload.Write(["Value"], [[text]]);

        Assert.Equal($"Value\r\n\"'{text}\"\r\n", csv);
    }

    [Fact]
    public void File_is_utf8_csv_with_the_download_name()
    {
        var file = CsvDownload.File("centers.csv", ["Center"], [["Zürich"]]);

        Assert.Equal("text/csv; charset=utf-8", file.ContentType);
        Assert.Equal("centers.csv", file.FileDownloadName);
        Assert.Equal("Center\r\nZürich\r\n", Encoding.UTF8.GetString(file.FileContents));
    }

    [Theory]
    [InlineData(0, "0")]
    [InlineData(1, "<5")]
    [InlineData(4, "<5")]
    [InlineData(5, "5")]
    [InlineData(1234, "1234")]
    public void Small_cells_from_one_to_four_read_less_than_five(int count, string shown) =>
        Assert.Equal(shown, SmallCells.Show(count));
}
