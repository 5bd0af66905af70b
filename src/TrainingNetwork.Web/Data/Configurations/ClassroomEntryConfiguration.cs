using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingNetwork.Domain.Documents;
using TrainingNetwork.Domain.Trainees;

namespace TrainingNetwork.Web.Data.Configurations;

internal sealed class ClassroomEntryConfiguration : IEntityTypeConfiguration<ClassroomEntry>
{
    public void Configure(EntityTypeBuilder<ClassroomEntry> builder)
    {
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Hours).HasPrecision(7, 2);
        builder.Property(c => c.Provider).HasMaxLength(200);
        builder.HasIndex(c => c.TraineeId);
        builder.HasOne<StoredDocument>().WithMany().HasForeignKey(c => c.CertificateDocumentId).OnDelete(DeleteBehavior.Restrict);
        builder.ToTable(t => t.HasCheckConstraint("ck_classroom_entries_hours", "hours > 0"));
    }
}
