using TrainingNetwork.Domain.Readiness.Records;

namespace TrainingNetwork.Domain.Attestations;

/// <summary>
/// The wording a preceptor signs, modelled on NRC Form 313A (AUT) Part II. Each signed attestation stores its version and
/// the exact text, so a new wording gets a new <see cref="CurrentVersion"/> and never changes what was signed before.
/// </summary>
public static class AttestationStatements
{
    public const string CurrentVersion = "2026-11";

    /// <summary>The attestation of a preceptor who is an Authorized User for the categories attested.</summary>
    public static string PreceptorAu(string traineeName, Pathway pathway, IEnumerable<UseCategory> categories) =>
        $"I attest that {traineeName} has satisfactorily completed the requirements in {Section(pathway)} and is able to "
        + "independently fulfill the radiation safety-related duties as an authorized user for the medical uses of unsealed "
        + $"byproduct material for which a written directive is required, in the following categories: {CategoryList(categories)}. "
        + "I am an authorized user who meets the requirements in 10 CFR 35.390, or equivalent Agreement State requirements, "
        + "for the categories I attest.";

    /// <summary>The attestation of a residency program director, with the concurrence of an Authorized User on the faculty.</summary>
    public static string ResidencyProgramDirector(string traineeName, Pathway pathway, IEnumerable<UseCategory> categories, string concurringFacultyName) =>
        $"As residency program director, I attest that {traineeName} has satisfactorily completed the requirements in {Section(pathway)} "
        + "and is able to independently fulfill the radiation safety-related duties as an authorized user for the medical uses of "
        + $"unsealed byproduct material for which a written directive is required, in the following categories: {CategoryList(categories)}. "
        + "This attestation represents the consensus of the residency program faculty, where at least one faculty member is an "
        + "authorized user who meets the requirements in 10 CFR 35.390, or equivalent Agreement State requirements, for these "
        + $"categories; {concurringFacultyName}, an authorized user on the faculty, concurs with it.";

    /// <summary>What the signature means, shown with it wherever it appears.</summary>
    public static string Meaning(string printedName) =>
        $"By signing I, {printedName}, attest that the statement above is true and that I have reviewed the training and experience "
        + "records it refers to. This electronic signature is the legally binding equivalent of my handwritten signature.";

    /// <summary>A category in the words of 10 CFR 35.390(b)(1)(ii)(G) and of the 2005 text.</summary>
    public static string CategoryDescription(UseCategory category) => category switch
    {
        UseCategory.G1 => "(G)(1) oral administration of sodium iodide I-131 requiring a written directive in quantities less than or equal to 1.22 gigabecquerels (33 millicuries)",
        UseCategory.G2 => "(G)(2) oral administration of sodium iodide I-131 requiring a written directive in quantities greater than 1.22 gigabecquerels (33 millicuries)",
        UseCategory.G3 => "(G)(3) parenteral administration of any beta emitter, or a photon-emitting radionuclide with a photon energy less than 150 keV, for which a written directive is required",
        UseCategory.G4 => "(G)(4) parenteral administration of any other radionuclide for which a written directive is required",
        UseCategory.L3 => "parenteral administration of any beta emitter, or a photon-emitting radionuclide with a photon energy less than 150 keV, for which a written directive is required (2005 text)",
        _ => "parenteral administration of any other radionuclide for which a written directive is required (2005 text)",
    };

    private static string Section(Pathway pathway) => pathway == Pathway.Section396 ? "10 CFR 35.396" : "10 CFR 35.390";

    private static string CategoryList(IEnumerable<UseCategory> categories) =>
        string.Join("; ", categories.Distinct().Order().Select(CategoryDescription));
}
