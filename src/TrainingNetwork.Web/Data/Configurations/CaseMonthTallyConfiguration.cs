using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingNetwork.Domain.Centers;

namespace TrainingNetwork.Web.Data.Configurations;

internal sealed class CaseMonthTallyConfiguration : IEntityTypeConfiguration<CaseMonthTally>
{
    public void Configure(EntityTypeBuilder<CaseMonthTally> builder)
    {
        builder.HasKey(t => new { t.CenterId, t.Agent, t.Month });
        builder.Property(t => t.Agent).HasMaxLength(120);
        builder.HasIndex(t => t.Month);
        builder.HasOne<Center>().WithMany().HasForeignKey(t => t.CenterId).OnDelete(DeleteBehavior.Cascade);
    }
}
