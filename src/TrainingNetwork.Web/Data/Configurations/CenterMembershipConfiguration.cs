using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingNetwork.Domain.Centers;

namespace TrainingNetwork.Web.Data.Configurations;

internal sealed class CenterMembershipConfiguration : IEntityTypeConfiguration<CenterMembership>
{
    public void Configure(EntityTypeBuilder<CenterMembership> builder)
    {
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.UserId).HasMaxLength(450);
        builder.HasIndex(m => new { m.UserId, m.CenterId, m.Role }).IsUnique();
        builder.HasIndex(m => new { m.CenterId, m.Role });
        builder.HasOne<Center>().WithMany().HasForeignKey(m => m.CenterId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}
