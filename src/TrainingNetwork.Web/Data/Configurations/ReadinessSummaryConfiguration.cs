using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingNetwork.Domain.Trainees;

namespace TrainingNetwork.Web.Data.Configurations;

internal sealed class ReadinessSummaryConfiguration : IEntityTypeConfiguration<ReadinessSummary>
{
    public void Configure(EntityTypeBuilder<ReadinessSummary> builder)
    {
        builder.HasKey(s => s.TraineeId);
        builder.Property(s => s.EngineVersion).HasMaxLength(20);
        builder.Property(s => s.CategoryStatuses).HasColumnType("text[]");
        builder.Property(s => s.CasesStillNeeded).HasColumnType("text[]");
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasIndex(s => s.Stage);
        builder.HasIndex(s => s.EvaluatedOn);
        builder.HasOne<TraineeProfile>().WithOne().HasForeignKey<ReadinessSummary>(s => s.TraineeId).OnDelete(DeleteBehavior.Cascade);
    }
}
