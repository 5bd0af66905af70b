using TrainingNetwork.Domain.Readiness.Records;

namespace TrainingNetwork.Domain.Readiness.Catalogue;

/// <summary>Named products (au-rules.md §7). Order matters only where aliases overlap: the first match wins.</summary>
public static class RadiopharmaceuticalCatalogue
{
    public static readonly IReadOnlyList<Radiopharmaceutical> All =
    [
        new("Y-90 microspheres (TheraSphere glass, SIR-Spheres resin)", null, AgentKind.Part1000, AdministrationRoute.IntraArterial,
            ["microsphere", "TheraSphere", "SIR-Spheres", "QuiremSpheres"]),
        new("Sodium iodide I-131 (oral)", "I-131", AgentKind.OralSodiumIodide, AdministrationRoute.Oral,
            ["sodium iodide", "radioiodine", "Hicon"]),
        new("Lu-177 dotatate (Lutathera)", "Lu-177", AgentKind.Therapy, AdministrationRoute.Intravenous, ["dotatate", "Lutathera"]),
        new("Lu-177 vipivotide tetraxetan (Pluvicto)", "Lu-177", AgentKind.Therapy, AdministrationRoute.Intravenous,
            ["vipivotide", "PSMA-617", "Pluvicto"]),
        new("Ra-223 dichloride (Xofigo)", "Ra-223", AgentKind.Therapy, AdministrationRoute.Intravenous, ["dichloride", "Xofigo", "radium"]),
        new("I-131 iobenguane (Azedra)", "I-131", AgentKind.Therapy, AdministrationRoute.Intravenous, ["iobenguane", "MIBG", "Azedra"]),
        new("Sm-153 lexidronam (Quadramet)", "Sm-153", AgentKind.Therapy, AdministrationRoute.Intravenous, ["lexidronam", "EDTMP", "Quadramet"]),
        new("Sr-89 chloride (Metastron)", "Sr-89", AgentKind.Therapy, AdministrationRoute.Intravenous, ["chloride", "Metastron"]),
        new("Y-90 ibritumomab tiuxetan (Zevalin)", "Y-90", AgentKind.Therapy, AdministrationRoute.Intravenous, ["ibritumomab", "Zevalin"]),
        new("In-111 ibritumomab tiuxetan (Zevalin imaging dose)", "In-111", AgentKind.Diagnostic, AdministrationRoute.Intravenous,
            ["ibritumomab", "Zevalin"]),
        new("Ac-225 agents (e.g. Ac-225-PSMA, Ac-225-DOTATATE; investigational, IND)", "Ac-225", AgentKind.Therapy, AdministrationRoute.Intravenous,
            ["PSMA", "DOTATATE", "Ac-225"]),
        new("Pb-212 DOTAMTATE (AlphaMedix; investigational)", "Pb-212", AgentKind.Therapy, AdministrationRoute.Intravenous,
            ["DOTAMTATE", "AlphaMedix", "Pb-212"]),
        new("I-123 iobenguane (AdreView)", "I-123", AgentKind.Diagnostic, AdministrationRoute.Intravenous, ["iobenguane", "MIBG", "AdreView"]),
        new("Ga-68 dotatate (NETSPOT)", "Ga-68", AgentKind.Diagnostic, AdministrationRoute.Intravenous, ["dotatate", "NETSPOT"]),
        new("Ga-68 gozetotide / PSMA-11 (Illuccix, Locametz)", "Ga-68", AgentKind.Diagnostic, AdministrationRoute.Intravenous,
            ["gozetotide", "PSMA", "Illuccix", "Locametz"]),
        new("Cu-64 dotatate (Detectnet)", "Cu-64", AgentKind.Diagnostic, AdministrationRoute.Intravenous, ["dotatate", "Detectnet"]),
        new("F-18 fludeoxyglucose (FDG)", "F-18", AgentKind.Diagnostic, AdministrationRoute.Intravenous, ["fludeoxyglucose", "FDG"]),
        new("F-18 piflufolastat (Pylarify)", "F-18", AgentKind.Diagnostic, AdministrationRoute.Intravenous, ["piflufolastat", "Pylarify"]),
        new("Tc-99m medronate (MDP)", "Tc-99m", AgentKind.Diagnostic, AdministrationRoute.Intravenous, ["medronate", "MDP"]),
        new("Tc-99m sestamibi", "Tc-99m", AgentKind.Diagnostic, AdministrationRoute.Intravenous, ["sestamibi"]),
        new("In-111 pentetreotide (Octreoscan)", "In-111", AgentKind.Diagnostic, AdministrationRoute.Intravenous, ["pentetreotide", "Octreoscan"]),
    ];

    public static Radiopharmaceutical? Find(string radiopharmaceutical, string nuclide) =>
        All.FirstOrDefault(agent =>
            (agent.Nuclide is null || string.Equals(agent.Nuclide, nuclide.Trim(), StringComparison.OrdinalIgnoreCase))
            && agent.Aliases.Any(alias => radiopharmaceutical.Contains(alias, StringComparison.OrdinalIgnoreCase)));
}
