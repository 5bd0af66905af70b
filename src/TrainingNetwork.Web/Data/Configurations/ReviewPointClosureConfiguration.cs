using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingNetwork.Domain.Attestations;
using TrainingNetwork.Domain.Reviews;
using TrainingNetwork.Domain.Trainees;

namespace TrainingNetwork.Web.Data.Configurations;

internal sealed class ReviewPointClosureConfiguration : IEntityTypeConfiguration<ReviewPointClosure>
{
    public void Configure(EntityTypeBuilder<ReviewPointClosure> builder)
    {
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.PointKey).HasMaxLength(64).IsFixedLength();
        builder.Property(c => c.Category).HasMaxLength(10);
        builder.Property(c => c.ReasonCode).HasMaxLength(60);
        builder.Property(c => c.Detail).HasMaxLength(2000);
        builder.Property(c => c.Justification).HasMaxLength(4000);
        builder.Property(c => c.StaffUserId).HasMaxLength(450);
        builder.Property(c => c.StaffName).HasMaxLength(200);
        builder.HasIndex(c => new { c.AttestationId, c.PointKey }).IsUnique();
        builder.HasIndex(c => c.TraineeId);
        builder.HasOne<SignedAttestation>().WithMany().HasForeignKey(c => c.AttestationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<TraineeProfile>().WithMany().HasForeignKey(c => c.TraineeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(c => c.StaffUserId).OnDelete(DeleteBehavior.Restrict);
    }
}
