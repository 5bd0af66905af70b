using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Domain.Attestations;
using TrainingNetwork.Domain.Cases;
using TrainingNetwork.Domain.Centers;
using TrainingNetwork.Domain.Credentials;
using TrainingNetwork.Domain.Documents;
using TrainingNetwork.Domain.Trainees;

namespace TrainingNetwork.Web.Data;

public sealed class AppDbContext(DbContextOptions<AppDbContext> options) : IdentityDbContext<ApplicationUser>(options)
{
    public DbSet<Center> Centers => Set<Center>();
    public DbSet<CenterTherapy> CenterTherapies => Set<CenterTherapy>();
    public DbSet<CenterMembership> CenterMemberships => Set<CenterMembership>();
    public DbSet<PracticeAuthorization> PracticeAuthorizations => Set<PracticeAuthorization>();
    public DbSet<TraineeProfile> Trainees => Set<TraineeProfile>();
    public DbSet<ClassroomEntry> ClassroomEntries => Set<ClassroomEntry>();
    public DbSet<Placement> Placements => Set<Placement>();
    public DbSet<SupervisedCase> Cases => Set<SupervisedCase>();
    public DbSet<CaseEvent> CaseEvents => Set<CaseEvent>();
    public DbSet<StateMedicalLicense> StateMedicalLicenses => Set<StateMedicalLicense>();
    public DbSet<BoardCertificate> BoardCertificates => Set<BoardCertificate>();
    public DbSet<WorkExperience> WorkExperience => Set<WorkExperience>();
    public DbSet<StoredDocument> Documents => Set<StoredDocument>();
    public DbSet<SignedAttestation> Attestations => Set<SignedAttestation>();
    public DbSet<AttestationPacket> AttestationPackets => Set<AttestationPacket>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        // AddDefaultIdentity sets these lengths through DI only; pinning them here keeps the model identical
        // for design-time tools and tests, so migrations never drift.
        builder.Entity<IdentityUserLogin<string>>(b =>
        {
            b.Property(l => l.LoginProvider).HasMaxLength(128);
            b.Property(l => l.ProviderKey).HasMaxLength(128);
        });
        builder.Entity<IdentityUserToken<string>>(b =>
        {
            b.Property(t => t.LoginProvider).HasMaxLength(128);
            b.Property(t => t.Name).HasMaxLength(128);
        });

        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: readable in SQL and safe when members are reordered.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(60);
    }
}
