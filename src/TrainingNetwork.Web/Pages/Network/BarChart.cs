using System.Globalization;

namespace TrainingNetwork.Web.Pages.Network;

/// <summary>
/// A horizontal bar chart drawn by <c>_BarChart.cshtml</c> as inline SVG, followed by the same figures as a table. Both
/// show the first <see cref="MaxDrawn"/> bars in the order given, so that a dashboard over hundreds of centers stays short
/// and quick; the CSV exports give every row. <see cref="Id"/> is unique on the page (the table's <c>data-chart</c>);
/// <see cref="Title"/> is the chart's accessible name and the table's caption; <see cref="EmptyText"/> is shown instead
/// of both when there are no bars.
/// </summary>
public sealed record BarChart(string Id, string Title, string LabelHeader, string ValueHeader, IReadOnlyList<ChartBar> Bars, string EmptyText)
{
    public const int MaxDrawn = 12;

    /// <summary>When set, each bar is drawn inside an outlined bar of its <see cref="ChartBar.Target"/> (e.g. capacity).</summary>
    public string? TargetHeader { get; init; }

    /// <summary>When set (with a target), the table has a column giving each value as a percentage of its target.</summary>
    public string? ShareHeader { get; init; }

    public IReadOnlyList<ChartBar> Drawn { get; } = [.. Bars.Take(MaxDrawn)];

    /// <summary>A bar's length as an SVG percentage; three quarters of the width at most, leaving room for the figure.</summary>
    public string Length(int value) => (75m * value / Scale).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    // The longest bar drawn (value or target), so that every bar is drawn to one scale.
    private int Scale => Math.Max(1, Drawn.Select(b => Math.Max(b.Value, b.Target ?? 0)).DefaultIfEmpty().Max());
}

/// <summary>One bar; <see cref="Key"/> is a stable key for its table row (<c>data-key</c>), e.g. a code or an id.</summary>
public sealed record ChartBar(string Key, string Label, int Value, int? Target = null)
{
    public string Share => Target is > 0 ? (100m * Value / Target.Value).ToString("0", CultureInfo.InvariantCulture) + "%" : "–";

    /// <summary>
    /// Whether the label has a word too long for a phone-width table column (e.g. "Radiopharmaceutical"), which may then
    /// break mid-word; other labels keep their words whole.
    /// </summary>
    public bool HasLongWord => Label.Split(' ').Any(word => word.Length > 16);
}
