using TrainingNetwork.Domain.Centers;
using TrainingNetwork.Domain.Readiness.Records;

namespace TrainingNetwork.Domain.Tests.Centers;

public sealed class CenterTests
{
    private const string Lutathera = "Lu-177 dotatate (Lutathera)";
    private const string Pluvicto = "Lu-177 vipivotide tetraxetan (Pluvicto)";

    [Fact]
    public void UpdateProfile_validProfile_replacesEveryField()
    {
        var center = NewCenter();

        center.UpdateProfile("Gateway Cancer Center", "1 Hospital Drive", "Kansas City", "ks", Regulator.AgreementState, "Gateway Health", "KS-1001", 4, Regulator.AgreementState);

        Assert.Equal(
            ("Gateway Cancer Center", "1 Hospital Drive", "Kansas City", "KS", Regulator.AgreementState, "Gateway Health", "KS-1001", 4),
            (center.Name, center.Address, center.City, center.State, center.Regulator, center.Licensee, center.LicenseNumber, center.TraineeSlots));
    }

    [Fact]
    public void UpdateProfile_nrcLicenseInAnAgreementState_isAllowed()
    {
        var center = NewCenter();

        center.UpdateProfile("VA Medical Center", "915 N Grand Blvd", "Chicago", "IL", Regulator.Nrc, "Department of Veterans Affairs", "03-23853-01VA", 2, Regulator.AgreementState);

        Assert.Equal(("IL", Regulator.Nrc), (center.State, center.Regulator));
    }

    [Fact]
    public void UpdateProfile_agreementStateRegulatorOutsideAnAgreementState_throwsAndKeepsTheProfile()
    {
        var center = NewCenter();

        Assert.Throws<ArgumentException>(() =>
            center.UpdateProfile("Gateway", "1 Hospital Drive", "St. Louis", "MO", Regulator.AgreementState, "Gateway Health", "24-31001-01", 2, Regulator.Nrc));
        Assert.Equal(("", Regulator.Nrc), (center.Address, center.Regulator));
    }

    [Theory]
    [InlineData("", "1 Hospital Drive", "St. Louis", "Licensee", "24-1")]
    [InlineData("Gateway", " ", "St. Louis", "Licensee", "24-1")]
    [InlineData("Gateway", "1 Hospital Drive", "", "Licensee", "24-1")]
    [InlineData("Gateway", "1 Hospital Drive", "St. Louis", "", "24-1")]
    [InlineData("Gateway", "1 Hospital Drive", "St. Louis", "Licensee", " ")]
    public void UpdateProfile_blankText_throws(string name, string address, string city, string licensee, string license) =>
        Assert.Throws<ArgumentException>(() => NewCenter().UpdateProfile(name, address, city, "MO", Regulator.Nrc, licensee, license, 2, Regulator.Nrc));

    [Theory]
    [InlineData("XX")]
    [InlineData("Missouri")]
    public void UpdateProfile_unknownState_throws(string state) =>
        Assert.Throws<ArgumentException>(() => NewCenter().UpdateProfile("Gateway", "1 Hospital Drive", "St. Louis", state, Regulator.Nrc, "Licensee", "24-1", 2, Regulator.Nrc));

    [Theory]
    [InlineData(-1)]
    [InlineData(Center.MaxTraineeSlots + 1)]
    public void UpdateProfile_traineeSlotsOutOfRange_throws(int slots) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => NewCenter().UpdateProfile("Gateway", "1 Hospital Drive", "St. Louis", "MO", Regulator.Nrc, "Licensee", "24-1", slots, Regulator.Nrc));

    [Theory]
    [InlineData(0)]
    [InlineData(Center.MaxTraineeSlots)]
    public void UpdateProfile_traineeSlotsAtTheLimits_areKept(int slots)
    {
        var center = NewCenter();

        center.UpdateProfile("Gateway", "1 Hospital Drive", "St. Louis", "MO", Regulator.Nrc, "Licensee", "24-1", slots, Regulator.Nrc);

        Assert.Equal(slots, center.TraineeSlots);
    }

    [Fact]
    public void ChangeCapacity_offeredTherapy_changesOnlyThatTherapy()
    {
        var center = NewCenter();
        center.OfferTherapy(Guid.NewGuid(), Lutathera, 6);
        center.OfferTherapy(Guid.NewGuid(), Pluvicto, 10);

        center.ChangeCapacity(Lutathera, 0);

        Assert.Equal([(Lutathera, 0), (Pluvicto, 10)], center.Therapies.Select(t => (t.Agent, t.MonthlyCaseCapacity)));
    }

    [Fact]
    public void ChangeCapacity_therapyNotOffered_throws()
    {
        var center = NewCenter();
        center.OfferTherapy(Guid.NewGuid(), Lutathera, 6);

        Assert.Throws<InvalidOperationException>(() => center.ChangeCapacity(Pluvicto, 3));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(CenterTherapy.MaxMonthlyCaseCapacity + 1)]
    public void ChangeCapacity_outOfRange_throwsAndKeepsTheCapacity(int capacity)
    {
        var center = NewCenter();
        center.OfferTherapy(Guid.NewGuid(), Lutathera, 6);

        Assert.Throws<ArgumentOutOfRangeException>(() => center.ChangeCapacity(Lutathera, capacity));
        Assert.Equal(6, center.Therapies.Single().MonthlyCaseCapacity);
    }

    [Fact]
    public void OfferTherapy_capacityAboveTheLimit_throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => NewCenter().OfferTherapy(Guid.NewGuid(), Lutathera, CenterTherapy.MaxMonthlyCaseCapacity + 1));

    [Fact]
    public void StopOffering_offeredTherapy_removesAndReturnsIt()
    {
        var center = NewCenter();
        var lutathera = center.OfferTherapy(Guid.NewGuid(), Lutathera, 6);
        center.OfferTherapy(Guid.NewGuid(), Pluvicto, 10);

        var removed = center.StopOffering(Lutathera);

        Assert.Same(lutathera, removed);
        Assert.Equal([Pluvicto], center.Therapies.Select(t => t.Agent));
    }

    [Fact]
    public void StopOffering_therapyNotOffered_throws() =>
        Assert.Throws<InvalidOperationException>(() => NewCenter().StopOffering(Lutathera));

    [Fact]
    public void OfferTherapy_afterStopping_offersItAgain()
    {
        var center = NewCenter();
        center.OfferTherapy(Guid.NewGuid(), Lutathera, 6);
        center.StopOffering(Lutathera);

        center.OfferTherapy(Guid.NewGuid(), Lutathera, 2);

        Assert.Equal(2, center.Therapies.Single().MonthlyCaseCapacity);
    }

    private static Center NewCenter() =>
        new(Guid.NewGuid(), "Gateway Theranostics Center", "St. Louis", "MO", Regulator.Nrc, "Gateway University Hospital", "24-31001-01");
}
