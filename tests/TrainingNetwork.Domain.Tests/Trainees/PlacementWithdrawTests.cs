using TrainingNetwork.Domain.Trainees;

namespace TrainingNetwork.Domain.Tests.Trainees;

public sealed class PlacementWithdrawTests
{
    [Fact]
    public void Withdraw_requested_becomesWithdrawn()
    {
        var placement = NewPlacement();

        placement.Withdraw();

        Assert.Equal(PlacementStatus.Withdrawn, placement.Status);
    }

    [Fact]
    public void Withdraw_waitlisted_becomesWithdrawn()
    {
        var placement = NewPlacement();
        placement.Waitlist();

        placement.Withdraw();

        Assert.Equal(PlacementStatus.Withdrawn, placement.Status);
    }

    [Fact]
    public void Withdraw_accepted_throwsAndStaysAccepted()
    {
        var placement = NewPlacement();
        placement.Accept(new DateOnly(2026, 3, 1));

        Assert.Throws<InvalidOperationException>(placement.Withdraw);
        Assert.Equal(PlacementStatus.Accepted, placement.Status);
    }

    [Fact]
    public void Withdraw_declined_throws()
    {
        var placement = NewPlacement();
        placement.Decline("No capacity.");

        Assert.Throws<InvalidOperationException>(placement.Withdraw);
    }

    [Fact]
    public void Accept_withdrawn_throws()
    {
        var placement = NewPlacement();
        placement.Withdraw();

        Assert.Throws<InvalidOperationException>(() => placement.Accept(new DateOnly(2026, 3, 1)));
    }

    private static Placement NewPlacement() =>
        new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), new DateOnly(2026, 2, 1), new DateTimeOffset(2026, 1, 5, 10, 0, 0, TimeSpan.Zero));
}
