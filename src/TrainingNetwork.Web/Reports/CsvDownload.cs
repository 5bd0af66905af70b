using System.Globalization;
using System.Text;
using CsvHelper;
using Microsoft.AspNetCore.Mvc;

namespace TrainingNetwork.Web.Reports;

/// <summary>CSV downloads written with CsvHelper: a header row, then one record per row, RFC 4180 quoting, UTF-8.</summary>
public static class CsvDownload
{
    // A cell starting with =, +, - or @ is escaped so that spreadsheet programs never run it as a formula.
    private static readonly CsvWriterOptions Options = new() { Injection = CsvInjection.Escape };

    public static string Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, Options))
        {
            csv.WriteHeader([.. header]);
            foreach (var row in rows)
            {
                csv.WriteRecord([.. row]);
            }
        }

        return text.ToString();
    }

    public static FileContentResult File(string fileName, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows) =>
        new(Encoding.UTF8.GetBytes(Write(header, rows)), "text/csv; charset=utf-8") { FileDownloadName = fileName };
}

/// <summary>
/// Small-cell suppression for anything aggregated: a count from 1 to 4 could identify a physician or a patient, so it is
/// shown as "&lt;5". Zero is shown as it is.
/// </summary>
public static class SmallCells
{
    public const int Threshold = 5;

    public static string Show(int count) =>
        count is > 0 and < Threshold ? "<5" : count.ToString(CultureInfo.InvariantCulture);
}
