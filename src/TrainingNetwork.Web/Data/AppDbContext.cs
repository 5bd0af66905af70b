using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Domain.Attestations;
using TrainingNetwork.Domain.Audit;
using TrainingNetwork.Domain.Cases;
using TrainingNetwork.Domain.Centers;
using TrainingNetwork.Domain.Credentials;
using TrainingNetwork.Domain.Documents;
using TrainingNetwork.Domain.Jurisdictions;
using TrainingNetwork.Domain.Matching;
using TrainingNetwork.Domain.Reviews;
using TrainingNetwork.Domain.Trainees;

namespace TrainingNetwork.Web.Data;

/// <summary>
/// The portal's database. Saving does two things besides writing: audit entries added to the change tracker are chained
/// onto the trail under an append lock in the same transaction, and the readiness summaries of every physician whose
/// evidence changed are re-evaluated by the engine afterwards.
/// </summary>
public sealed class AppDbContext(DbContextOptions<AppDbContext> options, TimeProvider clock)
    : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    // Any constant shared by every instance: the key of the advisory lock that serializes appends to the audit chain.
    private const long AuditAppendLock = 0x54_4E_41_55_44_49_54;

    public DbSet<Center> Centers => Set<Center>();
    public DbSet<CenterTherapy> CenterTherapies => Set<CenterTherapy>();
    public DbSet<CategoryCapacity> CategoryCapacities => Set<CategoryCapacity>();
    public DbSet<JurisdictionRule> JurisdictionRules => Set<JurisdictionRule>();
    public DbSet<WaitlistEntry> WaitlistEntries => Set<WaitlistEntry>();
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
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<PacketReview> PacketReviews => Set<PacketReview>();
    public DbSet<ReviewPointClosure> ReviewPointClosures => Set<ReviewPointClosure>();
    public DbSet<ReadinessSummary> ReadinessSummaries => Set<ReadinessSummary>();
    public DbSet<CaseMonthTally> CaseMonthTallies => Set<CaseMonthTally>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<SignInSession> SignInSessions => Set<SignInSession>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    // Staged outside the change tracker: an entry has no key (its sequence) until it is chained at save time.
    private readonly List<AuditEntry> _stagedAudit = [];

    /// <summary>Stages an audit entry; it is chained and written by the next save, together with the change it records.</summary>
    public void Audit(string? actorUserId, AuditAction action, string subjectType, object subjectId, object? before, object? after, string summary) =>
        _stagedAudit.Add(AuditEntry.Record(clock.GetUtcNow(), actorUserId, action, subjectType, subjectId.ToString()!, before, after, summary));

    /// <summary>
    /// Only the Data Protection key ring saves synchronously (its EF store has no async path); everything else must use
    /// SaveChangesAsync, which chains audit entries and refreshes readiness summaries.
    /// </summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        _stagedAudit.Count == 0 && ChangeTracker.Entries().All(e => e.Entity is DataProtectionKey || e.State == EntityState.Unchanged)
            ? base.SaveChanges(acceptAllChangesOnSuccess)
            : throw new NotSupportedException("Save with SaveChangesAsync: it chains audit entries and refreshes readiness summaries.");

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var evidence = EvidenceChanges.Collect(ChangeTracker);
        var written = _stagedAudit.Count > 0
            ? await SaveWithAuditChainAsync(acceptAllChangesOnSuccess, cancellationToken)
            : await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (!evidence.IsEmpty)
        {
            await Data.ReadinessSummaries.RefreshAfterSaveAsync(this, evidence, clock.Today(), cancellationToken);
        }

        return written;
    }

    private async Task<int> SaveWithAuditChainAsync(bool acceptAllChangesOnSuccess, CancellationToken ct)
    {
        await using var ownTransaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(ct) : null;
        await Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AuditAppendLock})", ct);
        var head = await AuditEntries.AsNoTracking().OrderByDescending(a => a.Sequence)
            .Select(a => new { a.Sequence, a.Hash }).FirstOrDefaultAsync(ct);
        var sequence = head?.Sequence ?? 0;
        var previous = head?.Hash ?? AuditEntry.GenesisHash;
        foreach (var entry in _stagedAudit)
        {
            entry.Chain(++sequence, previous);
            previous = entry.Hash;
        }

        AuditEntries.AddRange(_stagedAudit);
        int written;
        try
        {
            written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);
        }
        catch
        {
            // Not written: stop tracking the entries, so that a retried save chains them again after the head of that moment.
            foreach (var entry in _stagedAudit)
            {
                Entry(entry).State = EntityState.Detached;
            }

            throw;
        }

        if (ownTransaction is not null)
        {
            await ownTransaction.CommitAsync(ct);
        }

        _stagedAudit.Clear();
        return written;
    }

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

        builder.Entity<DataProtectionKey>().ToTable("data_protection_keys");
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: readable in SQL and safe when members are reordered.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(60);
    }
}
