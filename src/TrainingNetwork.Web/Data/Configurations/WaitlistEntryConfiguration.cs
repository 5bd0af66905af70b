using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingNetwork.Domain.Centers;
using TrainingNetwork.Domain.Matching;
using TrainingNetwork.Domain.Trainees;

namespace TrainingNetwork.Web.Data.Configurations;

internal sealed class WaitlistEntryConfiguration : IEntityTypeConfiguration<WaitlistEntry>
{
    public void Configure(EntityTypeBuilder<WaitlistEntry> builder)
    {
        builder.ToTable("waitlist_entries");
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.HomeState).HasMaxLength(2).IsFixedLength();
        builder.Property(e => e.Region).HasMaxLength(20);
        builder.Property(e => e.Category).HasMaxLength(2);
        builder.Property(e => e.PassedCenterIds).HasColumnType("uuid[]");
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.HasIndex(e => new { e.Status, e.Region, e.Category, e.QueuedAt });

        // One place in line per physician and category, even when two joins race past the page's own check.
        builder.HasIndex(e => new { e.TraineeId, e.Category }).IsUnique()
            .HasFilter("status IN ('Waiting', 'Offered')")
            .HasDatabaseName("ux_waitlist_entries_one_active_per_category");
        builder.HasOne<TraineeProfile>().WithMany().HasForeignKey(e => e.TraineeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Center>().WithMany().HasForeignKey(e => e.OfferedCenterId).OnDelete(DeleteBehavior.Restrict);
    }
}
