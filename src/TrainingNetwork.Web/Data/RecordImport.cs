using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Domain.Audit;
using TrainingNetwork.Domain.Cases;
using TrainingNetwork.Domain.Centers;
using TrainingNetwork.Domain.Credentials;
using TrainingNetwork.Domain.Jurisdictions;
using TrainingNetwork.Domain.Readiness.Records;
using TrainingNetwork.Domain.Trainees;
using TrainingNetwork.Domain.Validation;
using TrainingNetwork.Web.Security;
using TrainingNetwork.Web.Setup;

namespace TrainingNetwork.Web.Data;

/// <summary>
/// Staff import of physician records (docs/decisions/0010-record-import.md). Both the dry run and the import read the file,
/// check it against the database and build every entity an entry becomes with the domain's constructors; the dry run
/// then stops, the import creates all entries in one transaction, or none when any is rejected.
/// </summary>
public sealed class RecordImport(AppDbContext db, UserManager<ApplicationUser> users, PseudonymKey key, TimeProvider clock)
{
    /// <summary>The SHA-256 of a file: names the import in the audit trail and ties an import to the file that was checked.</summary>
    public static string Fingerprint(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>The dry run: what the import would create or reject, and why. Writes nothing.</summary>
    public async Task<ImportReport> CheckAsync(byte[] content, string staffUserId, CancellationToken ct) =>
        (await PlanAsync(content, staffUserId, ct)).Report;

    /// <summary>
    /// Creates every entry, or nothing when any is rejected; returns the new accounts, to be invited once this has returned.
    /// The one audit entry of the import stands for everything it created, imported case submissions included.
    /// </summary>
    public async Task<(ImportReport Report, IReadOnlyList<ApplicationUser> Created)> ImportAsync(byte[] content, string staffUserId, CancellationToken ct)
    {
        var (report, plans) = await PlanAsync(content, staffUserId, ct);
        if (!report.CanImport)
        {
            return (report, []);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var plan in plans)
        {
            if (await CreateAccountAsync(plan.User) is { } problem)
            {
                plan.Entry.Reject($"{plan.Entry.Path}.email", problem);
                return (report, []);
            }

            plan.Stage(db);
        }

        db.Audit(staffUserId, AuditAction.RecordsImported, "import", report.Sha256, null, new { created = plans.Count, rejected = 0 },
            $"Imported {plans.Count} physician record{(plans.Count == 1 ? "" : "s")}");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (report, [.. plans.Select(p => p.User)]);
    }

    private async Task<string?> CreateAccountAsync(ApplicationUser user)
    {
        try
        {
            var result = await users.CreateAsync(user);
            if (result.Succeeded)
            {
                result = await users.AddToRoleAsync(user, Roles.Trainee);
            }

            return result.Succeeded ? null : string.Join(" ", result.Errors.Select(e => e.Description));
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            return "an account with this address was created meanwhile";
        }
    }

    private async Task<(ImportReport Report, List<Plan> Plans)> PlanAsync(byte[] content, string staffUserId, CancellationToken ct)
    {
        var sha256 = Fingerprint(content);
        var today = clock.Today();
        var jurisdictions = (await db.JurisdictionRules.AsNoTracking().ToListAsync(ct)).ToLookup(r => r.State);
        var file = ImportEntry.ReadFile(content, today, state => JurisdictionRule.InForce(jurisdictions[state], today).Regulator);
        if (file.Error is not null)
        {
            return (new ImportReport(sha256, file.Error, []), []);
        }

        var known = await LookUpAsync(file.Entries, ct);
        var now = clock.GetUtcNow();
        var plans = new List<Plan>();
        foreach (var entry in file.Entries)
        {
            CheckAddress(entry, known);
            if (entry.Record is not null && Build(entry, entry.Record, known, staffUserId, now) is { } plan && !entry.IsRejected)
            {
                plans.Add(plan);
            }
        }

        return (new ImportReport(sha256, null, file.Entries), plans);
    }

    /// <summary>The accounts, preceptors and centers the entries name, each looked up once for the whole file.</summary>
    private async Task<Known> LookUpAsync(IReadOnlyList<ImportEntry> entries, CancellationToken ct)
    {
        var records = entries.Select(e => e.Record).OfType<TraineeRecord>().ToList();
        var addresses = entries.Select(e => e.Email).OfType<string>().Select(Normalize).ToList();
        var taken = await db.Users.Where(u => addresses.Contains(u.NormalizedEmail!) || addresses.Contains(u.NormalizedUserName!))
            .Select(u => new[] { u.NormalizedEmail, u.NormalizedUserName }).ToListAsync(ct);

        var supervisors = records.SelectMany(r => r.WorkExperience.Select(w => w.SupervisorId).Concat(r.Cases.Select(c => c.SupervisorId)))
            .Select(Normalize).Distinct().ToList();
        var preceptors = await db.Users.Where(u => supervisors.Contains(u.NormalizedEmail!))
            .Select(u => new
            {
                u.Id,
                u.NormalizedEmail,
                Centers = db.CenterMemberships.Where(m => m.UserId == u.Id && m.Role == CenterRole.Preceptor).Select(m => m.CenterId).ToList(),
            })
            .ToListAsync(ct);

        var licenses = records.SelectMany(r => r.Cases.Select(c => c.License)).Distinct().ToList();
        var centers = await db.Centers.Where(c => licenses.Contains(c.LicenseNumber)).OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.LicenseNumber }).ToListAsync(ct);

        return new Known(
            taken.SelectMany(names => names).OfType<string>().ToHashSet(StringComparer.Ordinal),
            preceptors.Where(p => p.Centers.Count > 0).ToDictionary(p => p.NormalizedEmail!, p => new RosterPreceptor(p.Id, p.Centers), StringComparer.Ordinal),
            centers.ToLookup(c => c.LicenseNumber, c => c.Id, StringComparer.Ordinal));
    }

    private string Normalize(string address) => users.NormalizeEmail(address) ?? "";

    private void CheckAddress(ImportEntry entry, Known known)
    {
        if (entry.Email is not { } address)
        {
            return;
        }

        if (known.TakenAddresses.Contains(Normalize(address)))
        {
            entry.Reject($"{entry.Path}.email", $"'{address}' already has an account; a physician is imported once");
        }
        else if (address.Any(c => !users.Options.User.AllowedUserNameCharacters.Contains(c)))
        {
            entry.Reject($"{entry.Path}.email", $"'{address}' cannot be a sign-in name here: use letters, digits and {string.Concat(users.Options.User.AllowedUserNameCharacters.Where(c => !char.IsAsciiLetterOrDigit(c)))} only");
        }
    }

    /// <summary>
    /// Builds what the entry becomes, reporting each value a domain constructor refuses under its path; returns null when
    /// the profile itself cannot be built.
    /// </summary>
    private Plan? Build(ImportEntry entry, TraineeRecord record, Known known, string staffUserId, DateTimeOffset now)
    {
        var user = Invitations.NewAccount(entry.Email ?? "", TextInput.Clean(entry.FullName ?? ""));
        var specialty = TextInput.Clean(record.Trainee.Specialty);
        var profile = Attempt(entry, $"{entry.RecordPath}.jurisdiction.state",
            () => new TraineeProfile(Guid.CreateVersion7(now), user.Id, specialty, record.Jurisdiction.State, record.Pathway));
        if (profile is null)
        {
            return null;
        }

        Attempt(entry, $"{entry.RecordPath}.requested_categories", () => profile.ChoosePathway(record.Pathway, record.RequestedCategories));
        profile.UpdateProfile(specialty, profile.PracticeState, entry.Npi);
        var plan = new Plan(entry, user, profile);
        Each(record.ClassroomTraining, $"{entry.RecordPath}.classroom_training", (c, path) => Attempt(entry, path,
            () => profile.RecordClassroom(Guid.CreateVersion7(now), c.Topic, c.Hours, c.Completed, TextInput.Clean(c.Provider))));
        Each(record.Trainee.BoardCertifications, $"{entry.RecordPath}.trainee.board_certifications", (b, path) => plan.Add(Attempt(entry, path,
            () => new BoardCertificate(Guid.CreateVersion7(now), profile.Id, TextInput.Clean(b.Board), TextInput.Clean(b.Specialty), b.Issued, [.. b.RecognizedUnder]))));
        Each(record.Trainee.AuAuthorizations, $"{entry.RecordPath}.trainee.au_authorizations", (a, path) => plan.Add(Attempt(entry, path,
            () => new PracticeAuthorization(
                Guid.CreateVersion7(now), user.Id, RecordCodes.Bases.ToCode(a.Basis), [.. a.Categories.Select(RecordCodes.Categories.ToCode)],
                TextInput.Clean(a.License), a.Regulator, a.State, a.ListedFrom, a.ListedUntil, a.Status))));
        Each(record.WorkExperience, $"{entry.RecordPath}.work_experience", (w, path) =>
        {
            if (Preceptor(entry, known, w.SupervisorId, path) is { } supervisor)
            {
                plan.Add(Attempt(entry, path, () => new WorkExperience(
                    Guid.CreateVersion7(now), profile.Id, w.Element, w.Completed, w.Hours, supervisor.UserId, TextInput.Clean(w.License))));
            }
        });
        Each(record.Cases, $"{entry.RecordPath}.cases", (c, path) =>
        {
            if (Center(entry, known, c, path) is { } center)
            {
                plan.Add(Attempt(entry, path, () => SubmittedCase(profile.Id, center.CenterId, center.SupervisorUserId, c, staffUserId, now)));
            }
        });
        return plan;
    }

    private RosterPreceptor? Preceptor(ImportEntry entry, Known known, string supervisorId, string path)
    {
        if (known.Preceptors.GetValueOrDefault(Normalize(supervisorId)) is { } preceptor)
        {
            return preceptor;
        }

        entry.Reject($"{path}.supervisor_id", $"'{supervisorId}' is not the e-mail of a preceptor on a network center's roster");
        return null;
    }

    /// <summary>The center whose license the case names and on whose roster its supervisor is: only then can the case be attached truthfully.</summary>
    private (Guid CenterId, string SupervisorUserId)? Center(ImportEntry entry, Known known, CaseEntry c, string path)
    {
        var centers = known.CentersByLicense[c.License].ToList();
        if (centers.Count == 0)
        {
            entry.Reject($"{path}.license", $"'{c.License}' is not the license number of a network center");
            return null;
        }

        if (Preceptor(entry, known, c.SupervisorId, path) is not { } supervisor)
        {
            return null;
        }

        var center = centers.Find(supervisor.Centers.Contains);
        if (center != Guid.Empty)
        {
            return (center, supervisor.UserId);
        }

        entry.Reject($"{path}.supervisor_id", $"'{c.SupervisorId}' is not on the preceptor roster of the center with license '{c.License}'");
        return null;
    }

    /// <summary>A paper sign-off is not a network sign-off: the case goes to its preceptor for review, logged by the staff member who imported it.</summary>
    private SupervisedCase SubmittedCase(Guid traineeId, Guid centerId, string supervisorUserId, CaseEntry c, string staffUserId, DateTimeOffset now)
    {
        // Random, not time-ordered, like every case id (Cases/Create).
        var supervisedCase = new SupervisedCase(
            Guid.NewGuid(), traineeId, centerId, supervisorUserId, c.Date, TextInput.Clean(c.Radiopharmaceutical), TextInput.Clean(c.Nuclide),
            c.Route, c.ActivityMbq, c.WrittenDirectiveRequired, c.PersonalParticipation, PatientPseudonym.Token(c.PatientPseudonym, centerId, key.Bytes),
            c.SignedOff ? "Imported by network staff from a migrated record that shows it signed off on paper." : "Imported by network staff from a migrated record.",
            staffUserId, now);
        supervisedCase.Submit(staffUserId, now);
        return supervisedCase;
    }

    private static void Each<T>(IReadOnlyList<T> items, string path, Action<T, string> build)
    {
        for (var index = 0; index < items.Count; index++)
        {
            build(items[index], $"{path}[{index}]");
        }
    }

    private static T? Attempt<T>(ImportEntry entry, string path, Func<T> build) where T : class
    {
        try
        {
            return build();
        }
        catch (ArgumentException e)
        {
            // The constructor's own sentence, without the parameter name and value .NET appends.
            entry.Reject(path, e.Message.Split(Environment.NewLine)[0].Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal));
            return null;
        }
    }

    private static void Attempt(ImportEntry entry, string path, Action build) => Attempt(entry, path, () =>
    {
        build();
        return entry;
    });

    private sealed record Known(HashSet<string> TakenAddresses, Dictionary<string, RosterPreceptor> Preceptors, ILookup<string, Guid> CentersByLicense);

    private sealed record RosterPreceptor(string UserId, List<Guid> Centers);

    /// <summary>Everything one entry becomes, built but not yet added to the context.</summary>
    private sealed class Plan(ImportEntry entry, ApplicationUser user, TraineeProfile profile)
    {
        private readonly List<object> _evidence = [];

        public ImportEntry Entry => entry;
        public ApplicationUser User => user;

        public void Add(object? built)
        {
            if (built is not null)
            {
                _evidence.Add(built);
            }
        }

        /// <summary>Adds the profile, with its classroom entries, and the rest of the evidence to the context.</summary>
        public void Stage(AppDbContext db)
        {
            db.Trainees.Add(profile);
            db.AddRange(_evidence);
        }
    }
}

/// <summary>What a file would create or rejects, entry by entry; <see cref="FileError"/> when the file as a whole cannot be read.</summary>
public sealed record ImportReport(string Sha256, string? FileError, IReadOnlyList<ImportEntry> Entries)
{
    public int Accepted => Entries.Count(e => !e.IsRejected);

    public int Rejected => Entries.Count(e => e.IsRejected);

    public bool CanImport => FileError is null && Entries.Count > 0 && Rejected == 0;
}
