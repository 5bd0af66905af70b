using TrainingNetwork.Domain.Attestations;
using TrainingNetwork.Domain.Readiness.Records;

namespace TrainingNetwork.Domain.Tests.Attestations;

public sealed class AttestationStatementsTests
{
    [Fact]
    public void PreceptorAu_for_35_396_G3_names_the_trainee_section_and_category()
    {
        var text = AttestationStatements.PreceptorAu("Dr. Fatima Zahra", Pathway.Section396, [UseCategory.G3]);

        Assert.Equal(
            "I attest that Dr. Fatima Zahra has satisfactorily completed the requirements in 10 CFR 35.396 and is able to "
            + "independently fulfill the radiation safety-related duties as an authorized user for the medical uses of unsealed "
            + "byproduct material for which a written directive is required, in the following categories: (G)(3) parenteral "
            + "administration of any beta emitter, or a photon-emitting radionuclide with a photon energy less than 150 keV, for "
            + "which a written directive is required. I am an authorized user who meets the requirements in 10 CFR 35.390, or "
            + "equivalent Agreement State requirements, for the categories I attest.",
            text);
    }

    [Fact]
    public void PreceptorAu_lists_categories_once_in_order_whatever_order_they_are_given()
    {
        var text = AttestationStatements.PreceptorAu("Dr. A", Pathway.Section390, [UseCategory.G3, UseCategory.G1, UseCategory.G3]);

        Assert.Contains("requirements in 10 CFR 35.390 and", text);
        var g1 = text.IndexOf("(G)(1)", StringComparison.Ordinal);
        var g3 = text.IndexOf("(G)(3)", StringComparison.Ordinal);
        Assert.True(g1 >= 0 && g1 < g3);
        Assert.Equal(g3, text.LastIndexOf("(G)(3)", StringComparison.Ordinal));
    }

    [Fact]
    public void ResidencyProgramDirector_names_the_concurring_faculty_member()
    {
        var text = AttestationStatements.ResidencyProgramDirector("Dr. B", Pathway.Section396, [UseCategory.G3], "Dr. Alice Lee");

        Assert.StartsWith("As residency program director, I attest that Dr. B has satisfactorily completed the requirements in 10 CFR 35.396", text);
        Assert.Contains("consensus of the residency program faculty", text);
        Assert.EndsWith("Dr. Alice Lee, an authorized user on the faculty, concurs with it.", text);
    }

    [Fact]
    public void Meaning_names_the_signer_and_states_the_legal_equivalence()
    {
        var meaning = AttestationStatements.Meaning("Dr. Irene Walsh");

        Assert.StartsWith("By signing I, Dr. Irene Walsh, attest", meaning);
        Assert.EndsWith("This electronic signature is the legally binding equivalent of my handwritten signature.", meaning);
    }

    [Fact]
    public void CurrentVersion_is_a_year_and_month()
    {
        Assert.Matches(@"^\d{4}-\d{2}$", AttestationStatements.CurrentVersion);
    }
}
