using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingNetwork.Domain.Attestations;
using TrainingNetwork.Domain.Reviews;
using TrainingNetwork.Domain.Trainees;

namespace TrainingNetwork.Web.Data.Configurations;

internal sealed class PacketReviewConfiguration : IEntityTypeConfiguration<PacketReview>
{
    public void Configure(EntityTypeBuilder<PacketReview> builder)
    {
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.ReviewerUserId).HasMaxLength(450);
        builder.Property(r => r.ReviewerName).HasMaxLength(200);
        builder.Property(r => r.Note).HasMaxLength(4000);
        builder.Property(r => r.EngineVersion).HasMaxLength(20);
        builder.HasIndex(r => new { r.AttestationId, r.DecidedAt });
        builder.HasIndex(r => r.TraineeId);
        builder.HasOne<SignedAttestation>().WithMany().HasForeignKey(r => r.AttestationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<TraineeProfile>().WithMany().HasForeignKey(r => r.TraineeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.ReviewerUserId).OnDelete(DeleteBehavior.Restrict);
    }
}
