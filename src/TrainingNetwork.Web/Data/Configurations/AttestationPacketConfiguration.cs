using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingNetwork.Domain.Attestations;
using TrainingNetwork.Domain.Documents;

namespace TrainingNetwork.Web.Data.Configurations;

internal sealed class AttestationPacketConfiguration : IEntityTypeConfiguration<AttestationPacket>
{
    public void Configure(EntityTypeBuilder<AttestationPacket> builder)
    {
        builder.HasKey(p => p.AttestationId);
        builder.Property(p => p.Sha256).HasMaxLength(64).IsFixedLength();
        builder.HasIndex(p => p.Sha256).IsUnique();
        builder.HasOne<SignedAttestation>().WithOne().HasForeignKey<AttestationPacket>(p => p.AttestationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StoredDocument>().WithOne().HasForeignKey<AttestationPacket>(p => p.DocumentId).OnDelete(DeleteBehavior.Restrict);
    }
}
