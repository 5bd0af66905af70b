using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingNetwork.Domain.Trainees;

namespace TrainingNetwork.Web.Data.Configurations;

internal sealed class TraineeProfileConfiguration : IEntityTypeConfiguration<TraineeProfile>
{
    public void Configure(EntityTypeBuilder<TraineeProfile> builder)
    {
        builder.ToTable("trainees");
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.UserId).HasMaxLength(450);
        builder.Property(t => t.Specialty).HasMaxLength(100);
        builder.Property(t => t.PracticeState).HasMaxLength(2).IsFixedLength();
        builder.HasIndex(t => t.UserId).IsUnique();
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(t => t.Classroom).WithOne().HasForeignKey(c => c.TraineeId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(t => t.Classroom).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Property(t => t.RequestedCategories).HasColumnType("text[]");
        builder.Property(t => t.Npi).HasMaxLength(10).IsFixedLength();
        builder.Property(t => t.IntendedLicenseeState).HasMaxLength(2).IsFixedLength();
        builder.Property(t => t.RuleSetOverrideJustification).HasMaxLength(1000);
        builder.HasIndex(t => t.IntendedLicenseeState);
        builder.HasIndex(t => t.PracticeState);
    }
}
