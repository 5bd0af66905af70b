using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingNetwork.Domain.Centers;

namespace TrainingNetwork.Web.Data.Configurations;

internal sealed class CategoryCapacityConfiguration : IEntityTypeConfiguration<CategoryCapacity>
{
    public void Configure(EntityTypeBuilder<CategoryCapacity> builder)
    {
        builder.ToTable("center_category_capacities", t =>
        {
            t.HasCheckConstraint("ck_center_category_capacities_slots", "trainee_slots >= 0");
            t.HasCheckConstraint("ck_center_category_capacities_preceptor_cases", "preceptor_cases_per_month >= 0");
            t.HasCheckConstraint("ck_center_category_capacities_category", "category IN ('G1', 'G2', 'G3')");
        });
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Category).HasMaxLength(2);
        builder.HasIndex(c => new { c.CenterId, c.Category }).IsUnique();
    }
}
