using TrainingNetwork.Domain.Readiness.Records;

namespace TrainingNetwork.Domain.Readiness.Catalogue;

public enum AgentKind
{
    /// <summary>A therapeutic radiopharmaceutical: a 35.300 use when a written directive is required.</summary>
    Therapy,

    /// <summary>Oral sodium iodide I-131, classified by activity into (G)(1) or (G)(2).</summary>
    OralSodiumIodide,

    /// <summary>Imaging or uptake agent: 35.40 requires no written directive.</summary>
    Diagnostic,

    /// <summary>A device-like product regulated under 10 CFR 35.1000 (e.g. Y-90 microspheres).</summary>
    Part1000,
}

/// <summary>
/// A product the engine recognizes in the free-text <c>radiopharmaceutical</c> field. An alias matches case-insensitively
/// anywhere in the text; <see cref="Nuclide"/> must equal the case's nuclide unless it is null (products made with several nuclides).
/// </summary>
public sealed record Radiopharmaceutical(
    string Name,
    string? Nuclide,
    AgentKind Kind,
    AdministrationRoute UsualRoute,
    IReadOnlyList<string> Aliases);
