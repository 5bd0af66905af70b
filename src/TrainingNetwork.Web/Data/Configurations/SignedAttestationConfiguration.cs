using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingNetwork.Domain.Attestations;
using TrainingNetwork.Domain.Trainees;

namespace TrainingNetwork.Web.Data.Configurations;

internal sealed class SignedAttestationConfiguration : IEntityTypeConfiguration<SignedAttestation>
{
    public void Configure(EntityTypeBuilder<SignedAttestation> builder)
    {
        builder.ToTable("attestations");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.SignerUserId).HasMaxLength(450);
        builder.Property(a => a.ConcurringFacultyUserId).HasMaxLength(450);
        builder.Property(a => a.Categories).HasColumnType("text[]");
        builder.Property(a => a.StatementVersion).HasMaxLength(20);
        builder.Property(a => a.StatementText).HasMaxLength(4000);
        builder.Property(a => a.SignerPrintedName).HasMaxLength(200);
        builder.Property(a => a.SignerCredentials).HasMaxLength(500);
        builder.Property(a => a.SignerLicense).HasMaxLength(60);
        builder.Property(a => a.Meaning).HasMaxLength(500);
        builder.Property(a => a.SignerTimeZone).HasMaxLength(64);
        builder.Property(a => a.EvidenceSha256).HasMaxLength(64).IsFixedLength();
        builder.Property(a => a.VerificationCode).HasMaxLength(12).IsFixedLength();
        builder.HasIndex(a => a.VerificationCode).IsUnique();
        builder.HasIndex(a => a.TraineeId);
        builder.HasIndex(a => a.WithdrawsAttestationId).IsUnique();
        builder.Ignore(a => a.IsWithdrawal);
        builder.HasOne<TraineeProfile>().WithMany().HasForeignKey(a => a.TraineeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.SignerUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.ConcurringFacultyUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SignedAttestation>().WithMany().HasForeignKey(a => a.WithdrawsAttestationId).OnDelete(DeleteBehavior.Restrict);
    }
}
