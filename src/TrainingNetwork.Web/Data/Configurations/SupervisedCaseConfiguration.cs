using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingNetwork.Domain.Cases;
using TrainingNetwork.Domain.Centers;
using TrainingNetwork.Domain.Trainees;

namespace TrainingNetwork.Web.Data.Configurations;

internal sealed class SupervisedCaseConfiguration : IEntityTypeConfiguration<SupervisedCase>
{
    public void Configure(EntityTypeBuilder<SupervisedCase> builder)
    {
        builder.ToTable("cases", t => t.HasCheckConstraint("ck_cases_activity", "activity_mbq > 0"));
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.SupervisorUserId).HasMaxLength(450);
        builder.Property(c => c.Radiopharmaceutical).HasMaxLength(120);
        builder.Property(c => c.Nuclide).HasMaxLength(20);
        builder.Property(c => c.ActivityMbq).HasPrecision(12, 3);
        builder.Property(c => c.ReturnNote).HasMaxLength(2000);
        builder.Property(c => c.Note).HasMaxLength(1000);
        builder.Property(c => c.PatientToken).HasMaxLength(64);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => new { c.CenterId, c.PatientToken });
        builder.HasMany(c => c.History).WithOne().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(c => c.History).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(c => c.IsSignedOff);
        builder.HasIndex(c => new { c.TraineeId, c.AdministeredOn });
        builder.HasIndex(c => new { c.SupervisorUserId, c.Status });
        builder.HasIndex(c => new { c.CenterId, c.Status });
        builder.HasOne<TraineeProfile>().WithMany().HasForeignKey(c => c.TraineeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Center>().WithMany().HasForeignKey(c => c.CenterId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(c => c.SupervisorUserId).OnDelete(DeleteBehavior.Restrict);
    }
}
