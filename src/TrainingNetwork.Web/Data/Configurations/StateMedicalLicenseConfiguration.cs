using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingNetwork.Domain.Trainees;

namespace TrainingNetwork.Web.Data.Configurations;

internal sealed class StateMedicalLicenseConfiguration : IEntityTypeConfiguration<StateMedicalLicense>
{
    public void Configure(EntityTypeBuilder<StateMedicalLicense> builder)
    {
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.State).HasMaxLength(2).IsFixedLength();
        builder.Property(l => l.Number).HasMaxLength(40);
        builder.HasIndex(l => new { l.TraineeId, l.State }).IsUnique();
        builder.HasOne<TraineeProfile>().WithMany().HasForeignKey(l => l.TraineeId).OnDelete(DeleteBehavior.Restrict);
    }
}
