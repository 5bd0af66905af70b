using System.Collections.Frozen;

namespace TrainingNetwork.Domain.Readiness.Catalogue;

/// <summary>Emission data for the radionuclides the engine can classify (au-rules.md §7; photon lines tagged [U] there are marked so in docs).</summary>
public static class NuclideTable
{
    public static readonly IReadOnlyList<Nuclide> All =
    [
        new("Lu-177", EmissionUsed.Beta, [113m, 208m], "6.65 d", DiagnosticOnly: false),
        new("I-131", EmissionUsed.Beta, [364m], "8.02 d", DiagnosticOnly: false),
        new("Sm-153", EmissionUsed.Beta, [103m], "46.3 h", DiagnosticOnly: false),
        new("Sr-89", EmissionUsed.Beta, [], "50.5 d", DiagnosticOnly: false),
        new("Y-90", EmissionUsed.Beta, [], "64.1 h", DiagnosticOnly: false),
        new("P-32", EmissionUsed.Beta, [], "14.3 d", DiagnosticOnly: false),
        new("Re-186", EmissionUsed.Beta, [137m], "3.7 d", DiagnosticOnly: false),
        new("Re-188", EmissionUsed.Beta, [155m], "17.0 h", DiagnosticOnly: false),
        new("Ho-166", EmissionUsed.Beta, [81m], "26.8 h", DiagnosticOnly: false),
        new("Cu-67", EmissionUsed.Beta, [185m], "61.8 h", DiagnosticOnly: false),
        new("Tb-161", EmissionUsed.Beta, [49m, 75m], "6.9 d", DiagnosticOnly: false),
        new("Er-169", EmissionUsed.Beta, [], "9.4 d", DiagnosticOnly: false),
        new("Ra-223", EmissionUsed.Alpha, [82m, 154m, 269m], "11.4 d", DiagnosticOnly: false),
        new("Ac-225", EmissionUsed.Alpha, [218m, 440m], "9.9 d", DiagnosticOnly: false),
        // Pb-212 itself decays by beta emission; it is used for the alphas of its daughters Bi-212 and Po-212.
        new("Pb-212", EmissionUsed.Alpha, [239m], "10.6 h", DiagnosticOnly: false),
        new("Th-227", EmissionUsed.Alpha, [236m], "18.7 d", DiagnosticOnly: false),
        new("At-211", EmissionUsed.Alpha, [79m], "7.2 h", DiagnosticOnly: false),
        new("Bi-213", EmissionUsed.Alpha, [440m], "45.6 min", DiagnosticOnly: false),
        new("I-125", EmissionUsed.Electron, [35m], "59.4 d", DiagnosticOnly: false),
        new("Tc-99m", EmissionUsed.Photon, [140m], "6.0 h", DiagnosticOnly: true),
        new("In-111", EmissionUsed.Photon, [171m, 245m], "2.8 d", DiagnosticOnly: true),
        new("I-123", EmissionUsed.Photon, [159m], "13.2 h", DiagnosticOnly: true),
        new("Ga-67", EmissionUsed.Photon, [93m, 185m, 300m], "3.3 d", DiagnosticOnly: true),
        new("Tl-201", EmissionUsed.Photon, [71m, 167m], "73 h", DiagnosticOnly: true),
        new("Xe-133", EmissionUsed.Photon, [81m], "5.2 d", DiagnosticOnly: true),
        new("F-18", EmissionUsed.Positron, [511m], "110 min", DiagnosticOnly: true),
        new("Ga-68", EmissionUsed.Positron, [511m], "68 min", DiagnosticOnly: true),
        new("Cu-64", EmissionUsed.Positron, [511m], "12.7 h", DiagnosticOnly: true),
        new("Zr-89", EmissionUsed.Positron, [511m, 909m], "78.4 h", DiagnosticOnly: true),
        new("I-124", EmissionUsed.Positron, [511m, 603m], "4.2 d", DiagnosticOnly: true),
        new("Rb-82", EmissionUsed.Positron, [511m], "76 s", DiagnosticOnly: true),
        new("N-13", EmissionUsed.Positron, [511m], "10 min", DiagnosticOnly: true),
        new("C-11", EmissionUsed.Positron, [511m], "20.4 min", DiagnosticOnly: true),
        new("O-15", EmissionUsed.Positron, [511m], "2.0 min", DiagnosticOnly: true),
    ];

    private static readonly FrozenDictionary<string, Nuclide> BySymbol =
        All.ToFrozenDictionary(n => n.Symbol, StringComparer.OrdinalIgnoreCase);

    public static Nuclide? Find(string symbol) => BySymbol.GetValueOrDefault(symbol.Trim());
}
