using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingNetwork.Domain.Jurisdictions;

namespace TrainingNetwork.Web.Data.Configurations;

internal sealed class JurisdictionRuleConfiguration : IEntityTypeConfiguration<JurisdictionRule>
{
    public void Configure(EntityTypeBuilder<JurisdictionRule> builder)
    {
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.State).HasMaxLength(2).IsFixedLength();
        builder.Property(r => r.Note).HasMaxLength(JurisdictionRule.NoteMaxLength);
        builder.HasIndex(r => new { r.State, r.EffectiveFrom }).IsUnique();
    }
}
