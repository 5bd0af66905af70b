using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingNetwork.Domain.Trainees;

namespace TrainingNetwork.Web.Data.Configurations;

internal sealed class BoardCertificateConfiguration : IEntityTypeConfiguration<BoardCertificate>
{
    public void Configure(EntityTypeBuilder<BoardCertificate> builder)
    {
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.Board).HasMaxLength(200);
        builder.Property(b => b.Specialty).HasMaxLength(200);
        builder.Property(b => b.RecognizedUnder).HasColumnType("text[]");
        builder.HasIndex(b => b.TraineeId);
        builder.HasOne<TraineeProfile>().WithMany().HasForeignKey(b => b.TraineeId).OnDelete(DeleteBehavior.Restrict);
    }
}
