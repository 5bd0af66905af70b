using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingNetwork.Domain.Audit;

namespace TrainingNetwork.Web.Data.Configurations;

/// <summary>Append-only: a trigger (migration AuditTrail) refuses UPDATE, DELETE and TRUNCATE on the table.</summary>
internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_entries", t => t.HasCheckConstraint("ck_audit_entries_sequence_positive", "sequence > 0"));
        builder.HasKey(a => a.Sequence);
        builder.Property(a => a.Sequence).ValueGeneratedNever();
        builder.Property(a => a.ActorUserId).HasMaxLength(450);
        builder.Property(a => a.SubjectType).HasMaxLength(60);
        builder.Property(a => a.SubjectId).HasMaxLength(450);
        builder.Property(a => a.BeforeSha256).HasMaxLength(64).IsFixedLength();
        builder.Property(a => a.AfterSha256).HasMaxLength(64).IsFixedLength();
        builder.Property(a => a.Summary).HasMaxLength(1000);
        builder.Property(a => a.PreviousHash).HasMaxLength(64).IsFixedLength();
        builder.Property(a => a.Hash).HasMaxLength(64).IsFixedLength();
        builder.HasIndex(a => new { a.SubjectType, a.SubjectId });
        builder.HasIndex(a => a.At);
        // No foreign key to the actor: the trail outlives any account and must never block or cascade.
    }
}
