using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingNetwork.Domain.Centers;

namespace TrainingNetwork.Web.Data.Configurations;

internal sealed class CenterTherapyConfiguration : IEntityTypeConfiguration<CenterTherapy>
{
    public void Configure(EntityTypeBuilder<CenterTherapy> builder)
    {
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Agent).HasMaxLength(120);
        builder.HasIndex(t => new { t.CenterId, t.Agent }).IsUnique();
        builder.ToTable(t => t.HasCheckConstraint("ck_center_therapies_capacity", "monthly_case_capacity >= 0"));
    }
}
