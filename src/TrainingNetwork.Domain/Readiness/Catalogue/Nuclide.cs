namespace TrainingNetwork.Domain.Readiness.Catalogue;

/// <summary>The radiation a radionuclide is primarily used for in medicine.</summary>
public enum EmissionUsed
{
    Beta,
    Alpha,
    Electron,
    Photon,
    Positron,
}

/// <summary>What the category texts of both rule sets look at: the emission used, with photons split at 150 keV.</summary>
public enum EmissionClass
{
    Beta,
    Alpha,
    Electron,
    PhotonBelow150KeV,
    PhotonAtOrAbove150KeV,
}

public sealed record Nuclide(
    string Symbol,
    EmissionUsed EmissionUsed,
    IReadOnlyList<decimal> PrincipalPhotonsKeV,
    string HalfLife,
    bool DiagnosticOnly)
{
    public const decimal PhotonEnergyLimitKeV = 150m;

    public EmissionClass EmissionClass => EmissionUsed switch
    {
        EmissionUsed.Beta => EmissionClass.Beta,
        EmissionUsed.Alpha => EmissionClass.Alpha,
        EmissionUsed.Electron => EmissionClass.Electron,
        // Positron emitters are imaged through 511 keV annihilation photons.
        EmissionUsed.Positron => EmissionClass.PhotonAtOrAbove150KeV,
        _ => PrincipalPhotonsKeV.Count > 0 && PrincipalPhotonsKeV.Min() < PhotonEnergyLimitKeV
            ? EmissionClass.PhotonBelow150KeV
            : EmissionClass.PhotonAtOrAbove150KeV,
    };
}
