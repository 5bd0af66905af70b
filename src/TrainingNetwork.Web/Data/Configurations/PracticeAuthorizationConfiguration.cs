using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingNetwork.Domain.Credentials;
using TrainingNetwork.Domain.Documents;

namespace TrainingNetwork.Web.Data.Configurations;

internal sealed class PracticeAuthorizationConfiguration : IEntityTypeConfiguration<PracticeAuthorization>
{
    public void Configure(EntityTypeBuilder<PracticeAuthorization> builder)
    {
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.UserId).HasMaxLength(450);
        builder.Property(a => a.Basis).HasMaxLength(10);
        builder.Property(a => a.Categories).HasColumnType("text[]");
        builder.Property(a => a.License).HasMaxLength(60);
        builder.Property(a => a.State).HasMaxLength(2).IsFixedLength();
        builder.HasIndex(a => a.UserId);
        builder.HasIndex(a => a.Verification);
        builder.Property(a => a.FirstCheckedByUserId).HasMaxLength(450);
        builder.Property(a => a.VerifiedByUserId).HasMaxLength(450);
        builder.Property(a => a.RejectionReason).HasMaxLength(1000);
        builder.Ignore(a => a.IsVerified);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StoredDocument>().WithMany().HasForeignKey(a => a.LicenseDocumentId).OnDelete(DeleteBehavior.Restrict);
        builder.ToTable(t => t.HasCheckConstraint("ck_practice_authorizations_dates", "listed_until IS NULL OR listed_until >= listed_from"));
    }
}
