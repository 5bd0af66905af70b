using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingNetwork.Domain.Centers;
using TrainingNetwork.Domain.Trainees;

namespace TrainingNetwork.Web.Data.Configurations;

internal sealed class PlacementConfiguration : IEntityTypeConfiguration<Placement>
{
    public void Configure(EntityTypeBuilder<Placement> builder)
    {
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.DeclineReason).HasMaxLength(1000);
        builder.Property(p => p.Category).HasMaxLength(2).HasDefaultValue("G3");
        builder.HasIndex(p => new { p.CenterId, p.Status });
        builder.HasIndex(p => p.TraineeId);

        // One open request per physician and center, even when two requests race past the page's own check.
        builder.HasIndex(p => new { p.TraineeId, p.CenterId }).IsUnique()
            .HasFilter("status IN ('Requested', 'Waitlisted', 'Accepted')")
            .HasDatabaseName("ux_placements_one_open_per_center");
        builder.HasOne<TraineeProfile>().WithMany().HasForeignKey(p => p.TraineeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Center>().WithMany().HasForeignKey(p => p.CenterId).OnDelete(DeleteBehavior.Restrict);
    }
}
