using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingNetwork.Domain.Trainees;

namespace TrainingNetwork.Web.Data.Configurations;

internal sealed class WorkExperienceConfiguration : IEntityTypeConfiguration<WorkExperience>
{
    public void Configure(EntityTypeBuilder<WorkExperience> builder)
    {
        builder.ToTable("work_experience", t => t.HasCheckConstraint("ck_work_experience_hours", "hours IS NULL OR hours > 0"));
        builder.Property(w => w.Id).ValueGeneratedNever();
        builder.Property(w => w.Hours).HasPrecision(7, 2);
        builder.Property(w => w.SupervisorUserId).HasMaxLength(450);
        builder.Property(w => w.License).HasMaxLength(60);
        builder.HasIndex(w => w.TraineeId);
        builder.HasOne<TraineeProfile>().WithMany().HasForeignKey(w => w.TraineeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(w => w.SupervisorUserId).OnDelete(DeleteBehavior.Restrict);
    }
}
