using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingNetwork.Domain.Centers;

namespace TrainingNetwork.Web.Data.Configurations;

internal sealed class CenterConfiguration : IEntityTypeConfiguration<Center>
{
    public void Configure(EntityTypeBuilder<Center> builder)
    {
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.City).HasMaxLength(100);
        builder.Property(c => c.Address).HasMaxLength(300);
        builder.Property(c => c.State).HasMaxLength(2).IsFixedLength();
        builder.Property(c => c.Licensee).HasMaxLength(200);
        builder.Property(c => c.LicenseNumber).HasMaxLength(60);
        builder.HasIndex(c => c.Name).IsUnique();
        builder.HasIndex(c => c.State);
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_centers_trainee_slots", "trainee_slots >= 0");
            t.HasCheckConstraint("ck_centers_max_trainees_per_administration", "max_trainees_per_administration >= 1");
        });
        builder.Property(c => c.MaxTraineesPerAdministration).HasDefaultValue(1);
        builder.HasMany(c => c.Therapies).WithOne().HasForeignKey(t => t.CenterId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(c => c.Therapies).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(c => c.Capacities).WithOne().HasForeignKey(c => c.CenterId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(c => c.Capacities).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
