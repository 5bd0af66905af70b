using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Domain.Attestations;
using TrainingNetwork.Domain.Cases;
using TrainingNetwork.Domain.Centers;
using TrainingNetwork.Domain.Credentials;
using TrainingNetwork.Domain.Jurisdictions;
using TrainingNetwork.Domain.Readiness.Records;
using TrainingNetwork.Domain.Trainees;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Pages.Attestations;
using TrainingNetwork.Web.Security;

namespace TrainingNetwork.Web.Setup;

/// <summary>
/// Seeds a demo network (Development only): eight centers in NRC and Agreement States, their coordinators and
/// preceptors, network staff, and twenty-two physicians at every stage, two of them attested and awaiting the network's
/// review. Idempotent: ids are derived from names and nothing is written when the demo admin already exists. Dates are
/// relative to today so the demo stays current.
/// </summary>
public sealed class DemoNetworkSeeder(
    AppDbContext db, UserManager<ApplicationUser> users, RoleManager<IdentityRole> roles,
    IHostEnvironment environment, TimeProvider clock)
{
    private const string Lutathera = "Lu-177 dotatate (Lutathera)";
    private const string Pluvicto = "Lu-177 vipivotide tetraxetan (Pluvicto)";
    private const string Xofigo = "Ra-223 dichloride (Xofigo)";

    private static readonly DemoCenter[] Centers =
    [
        new("gateway", "Gateway Theranostics Center", "St. Louis", "MO", Regulator.Nrc, "Gateway University Hospital", "24-31001-01",
            [(Lutathera, 6), (Pluvicto, 10), (Xofigo, 4)]),
        new("lakeshore", "Lakeshore Cancer Institute", "Chicago", "IL", Regulator.AgreementState, "Lakeshore Health System", "IL-04570-01",
            [(Lutathera, 4), (Pluvicto, 8), (Xofigo, 3)]),
        new("cascade", "Cascade Radiopharmaceutical Therapy Center", "Seattle", "WA", Regulator.AgreementState, "Cascade Medical Center", "WN-M0412-1",
            [(Pluvicto, 6), (Lutathera, 3)]),
        new("frontrange", "Front Range Cancer Center", "Denver", "CO", Regulator.AgreementState, "Front Range Health", "CO 1055-01",
            [(Pluvicto, 5), (Xofigo, 2)]),
        new("bluegrass", "Bluegrass Community Oncology", "Lexington", "KY", Regulator.AgreementState, "Bluegrass Community Hospital", "202-377-54",
            [(Lutathera, 2), (Xofigo, 3)]),
        new("greatlakes", "Great Lakes Theranostics", "Ann Arbor", "MI", Regulator.Nrc, "Great Lakes University Health", "21-04430-02",
            [(Lutathera, 5), (Pluvicto, 7)]),
        new("gulfcoast", "Gulf Coast Radiation Oncology", "Houston", "TX", Regulator.AgreementState, "Gulf Coast Cancer Partners", "L 06721",
            [(Pluvicto, 9), (Lutathera, 4), (Xofigo, 2)]),
        new("bigsky", "Big Sky Cancer Care", "Billings", "MT", Regulator.Nrc, "Big Sky Regional Medical Center", "25-11870-01",
            [(Xofigo, 1), (Pluvicto, 2)]),
    ];

    private static readonly string[] TraineeNames =
    [
        "Dr. Maya Okafor", "Dr. Daniel Reyes", "Dr. Priya Raman", "Dr. Samuel Whitfield", "Dr. Elena Petrova",
        "Dr. Marcus Bell", "Dr. Hannah Lindqvist", "Dr. Omar Haddad", "Dr. Grace Nakamura", "Dr. Luis Ortega",
        "Dr. Aisha Bello", "Dr. Thomas Carver", "Dr. Nora Fitzgerald", "Dr. Kwame Mensah", "Dr. Sofia Marino",
        "Dr. Benjamin Cho", "Dr. Leah Goldberg", "Dr. Ryan O'Neill", "Dr. Fatima Zahra", "Dr. Victor Alvarez",
        "Dr. Ingrid Solberg", "Dr. Arjun Mehta",
    ];

    /// <summary>
    /// trainee21 took the didactic course just over seven years ago: recent when the attestation was signed, older than
    /// 35.59's seven years now, so the network's reviewer must judge the experience since (RECENTNESS_CE_REVIEW).
    /// </summary>
    private const int AgedClassroomTrainee = 20;

    /// <summary>
    /// trainee21 and trainee22, whose attested packets await the network's review: the center where they trained (one
    /// whose rosters and queues no other page's tests count), how many days ago the attestation was signed, and the signer's
    /// time zone.
    /// </summary>
    private static readonly (int Trainee, string Center, int DaysAgo, string TimeZone)[] Attested =
    [
        (AgedClassroomTrainee, "bigsky", 35, "America/Denver"),
        (21, "cascade", 20, "America/Los_Angeles"),
    ];

    private static readonly string[] PreceptorNames =
    [
        "Dr. Alice Lee", "Dr. Robert Hayes", "Dr. Monica Singh", "Dr. Peter Novak", "Dr. Julia Brandt", "Dr. Ahmed Karim",
        "Dr. Carla Mendes", "Dr. David Osei", "Dr. Irene Walsh", "Dr. Kenji Watanabe", "Dr. Laura Jensen", "Dr. Miguel Santos",
        "Dr. Naomi Fischer", "Dr. Paul Dubois", "Dr. Rachel Adler", "Dr. Steven Park",
    ];

    /// <summary>Two preceptors at each demo center, each free to supervise four administrations a month with a trainee.</summary>
    private const int DemoPreceptorCasesPerMonth = 8;

    private readonly PasswordHasher<ApplicationUser> _hasher = new();
    private string? _demoPasswordHash;

    public async Task SeedAsync(CancellationToken ct = default)
    {
        if (!environment.IsDevelopment())
        {
            throw new InvalidOperationException("The demo network is seeded in Development only.");
        }

        if (await users.FindByEmailAsync(DemoAccounts.Admin) is not null)
        {
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // A migrated database has the roles already (migration StandardRoles); a reset test database may not.
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await Check(roles.CreateAsync(new IdentityRole(role)));
            }
        }

        // Likewise the jurisdiction rules (migration CapacityWaitlistJurisdictions).
        if (!await db.JurisdictionRules.AnyAsync(ct))
        {
            db.JurisdictionRules.AddRange(JurisdictionSeed.Rows(Guid.NewGuid));
        }

        await AddUserAsync(DemoAccounts.Admin, "Network Administrator", Roles.Admin, Roles.Staff);
        var staff = await AddUserAsync(DemoAccounts.Staff, "Jordan Blake (network staff)", Roles.Staff);
        var secondStaff = await AddUserAsync(DemoAccounts.SecondStaff, "Casey Morgan (network staff)", Roles.Staff);

        var today = clock.Today();
        var preceptorsByCenter = new Dictionary<string, List<string>>();
        var preceptorIndex = 0;
        foreach (var demo in Centers)
        {
            var center = new Center(DemoId($"center:{demo.Slug}"), demo.Name, demo.City, demo.State, demo.Regulator, demo.Licensee, demo.License, traineeSlots: demo.Therapies.Length);
            foreach (var (agent, capacity) in demo.Therapies)
            {
                center.OfferTherapy(DemoId($"therapy:{demo.Slug}:{agent}"), agent, capacity);
            }

            center.SetCategoryCapacity(DemoId($"capacity:{demo.Slug}:G3"), "G3", demo.Therapies.Length, DemoPreceptorCasesPerMonth);

            db.Centers.Add(center);
            var coordinator = await AddUserAsync($"coordinator.{demo.Slug}@trainingnetwork.test", $"{demo.City} Coordinator", Roles.CenterCoordinator);
            db.CenterMemberships.Add(new CenterMembership(DemoId($"membership:{coordinator.Id}"), center.Id, coordinator.Id, CenterRole.CenterCoordinator));

            var preceptors = new List<string>();
            for (var i = 1; i <= 2; i++)
            {
                var preceptor = await AddUserAsync($"preceptor{i}.{demo.Slug}@trainingnetwork.test", PreceptorNames[preceptorIndex++], Roles.Preceptor);
                await AddDemoAuthenticatorAsync(preceptor);
                db.CenterMemberships.Add(new CenterMembership(DemoId($"membership:{preceptor.Id}"), center.Id, preceptor.Id, CenterRole.Preceptor));
                var listing = new PracticeAuthorization(
                    DemoId($"au:{preceptor.Id}"), preceptor.Id, "35.390", ["G1", "G2", "G3"], demo.License, demo.Regulator,
                    demo.Regulator == Regulator.AgreementState ? demo.State : null, today.AddYears(-6 - (3 * i)), null);
                listing.RecordFirstCheck(staff.Id, AtUtc(today.AddDays(-300)));
                listing.Confirm(secondStaff.Id, AtUtc(today.AddDays(-299)));
                db.PracticeAuthorizations.Add(listing);
                preceptors.Add(preceptor.Id);
            }

            preceptorsByCenter[demo.Slug] = preceptors;
        }

        await db.SaveChangesAsync(ct);

        var trainees = new List<TraineeProfile>();
        for (var n = 0; n < TraineeNames.Length; n++)
        {
            trainees.Add(await AddTraineeAsync(n, today, preceptorsByCenter));
        }

        await db.SaveChangesAsync(ct);
        foreach (var (n, center, daysAgo, timeZone) in Attested)
        {
            await AttestAsync(n, trainees[n].Id, preceptorsByCenter[center][0], today.AddDays(-daysAgo), timeZone, ct);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>
    /// Trainee n is at stage n / 3 (at most 6): registered, in class, class done, placement requested (or waitlisted,
    /// declined), logging cases, three cases with the last awaiting review, three approved cases and a completed placement.
    /// </summary>
    private async Task<TraineeProfile> AddTraineeAsync(int n, DateOnly today, Dictionary<string, List<string>> preceptorsByCenter)
    {
        var user = await AddUserAsync($"trainee{n + 1:00}@trainingnetwork.test", TraineeNames[n], Roles.Trainee);
        var home = Centers[n % Centers.Length];
        var trainee = new TraineeProfile(DemoId($"trainee:{user.Id}"), user.Id, "Radiation oncology", home.State, Pathway.Section396);
        db.Trainees.Add(trainee);
        db.PracticeAuthorizations.Add(new PracticeAuthorization(
            DemoId($"au:{user.Id}"), user.Id, "35.490", [], $"{home.License}-T{n + 1:00}", home.Regulator,
            home.Regulator == Regulator.AgreementState ? home.State : null, today.AddYears(-4).AddDays(-30 * n), null));

        var stage = Math.Min(n / 3, 6);
        if (stage == 0)
        {
            return trainee;
        }

        var topicHours = stage == 1 ? 8m + n : 16m;
        var classroomFrom = n == AgedClassroomTrainee ? today.AddYears(-7).AddDays(-30) : today.AddDays(-200);
        var topics = Enum.GetValues<ClassroomTopic>();
        for (var t = 0; t < topics.Length; t++)
        {
            trainee.RecordClassroom(DemoId($"classroom:{user.Id}:{t}"), topics[t], topicHours, classroomFrom.AddDays(7 * t), "TrainingNetwork RPT didactic course");
        }

        if (stage >= 2)
        {
            // Work experience at the physician's home-region center, under its first preceptor.
            var mentor = preceptorsByCenter[home.Slug][0];
            var elements = Enum.GetValues<WorkElement>();
            for (var e = 0; e < elements.Length; e++)
            {
                db.WorkExperience.Add(new WorkExperience(
                    DemoId($"work:{user.Id}:{e}"), trainee.Id, elements[e], today.AddDays(-180 + (7 * e)), 8m, mentor, home.License));
            }
        }

        if (stage <= 2)
        {
            return trainee;
        }

        var attestedAt = Attested.Where(a => a.Trainee == n).Select(a => a.Center).SingleOrDefault();
        var center = attestedAt is null ? Centers[(n + 3) % Centers.Length] : Centers.Single(c => c.Slug == attestedAt);
        var placement = new Placement(DemoId($"placement:{user.Id}"), trainee.Id, DemoId($"center:{center.Slug}"), today.AddDays(-120), AtUtc(today.AddDays(-150)));
        db.Placements.Add(placement);
        switch (n)
        {
            case 9:
                return trainee;
            case 10:
                placement.Waitlist();
                return trainee;
            case 11:
                placement.Decline("No Ra-223 capacity this quarter; please request another center.");
                return trainee;
        }

        placement.Accept(today.AddDays(-110));
        var preceptors = preceptorsByCenter[center.Slug];
        var caseCount = stage == 4 ? 2 + (n % 2) : 3;
        for (var c = 0; c < caseCount; c++)
        {
            var administeredOn = today.AddDays(-90 + (21 * c));
            var supervisor = preceptors[c % preceptors.Count];
            var supervisedCase = new SupervisedCase(
                DemoId($"case:{user.Id}:{c}"), trainee.Id, DemoId($"center:{center.Slug}"), supervisor, administeredOn,
                Lutathera, "Lu-177", AdministrationRoute.Intravenous, 7400m, writtenDirectiveRequired: true,
                personalParticipation: true, DemoId($"patient:{user.Id}:{c}").ToString("N"), note: null, user.Id, AtUtc(administeredOn));
            db.Cases.Add(supervisedCase);
            if (stage == 4 && c == caseCount - 1)
            {
                continue;
            }

            supervisedCase.Submit(user.Id, AtUtc(administeredOn.AddDays(1)));
            var approved = stage == 6 || (stage == 5 && c < 2) || (stage == 4 && c == 0 && n % 2 == 0);
            if (approved)
            {
                supervisedCase.Approve(supervisor, AtUtc(administeredOn.AddDays(3)));
            }
        }

        if (stage == 6)
        {
            placement.Complete();
        }

        return trainee;
    }

    /// <summary>
    /// A preceptor of the center where trainee n trained signs the G3 attestation on <paramref name="signedOn"/>, as the
    /// signing page would: the statement of the day over the record as it stood then.
    /// </summary>
    private async Task AttestAsync(int n, Guid traineeId, string signerUserId, DateOnly signedOn, string timeZone, CancellationToken ct)
    {
        var signer = await users.FindByIdAsync(signerUserId) ?? throw new InvalidOperationException("The demo preceptor is missing.");
        var listing = await db.PracticeAuthorizations.FindAsync([DemoId($"au:{signer.Id}")], ct)
            ?? throw new InvalidOperationException("The demo preceptor's listing is missing.");
        var record = await new TraineeRecordLoader(db).LoadAsync(traineeId, signedOn, ct: ct)
            ?? throw new InvalidOperationException("The demo physician is missing.");
        db.Attestations.Add(SignedAttestation.Sign(
            DemoId($"attestation:{traineeId}"), traineeId, signer.Id, AttestationType.PreceptorAu, null, ["G3"],
            AttestationStatements.CurrentVersion, AttestationStatements.PreceptorAu(TraineeNames[n], Pathway.Section396, [UseCategory.G3]),
            signer.FullName, AttestationCandidate.Describe(listing), listing.License, AttestationStatements.Meaning(signer.FullName),
            AtUtc(signedOn), timeZone, TraineeRecordJsonWriter.Serialize(record)));
    }

    private async Task<ApplicationUser> AddUserAsync(string email, string fullName, params string[] userRoles)
    {
        var user = new ApplicationUser
        {
            Id = DemoId($"user:{email}").ToString(),
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            FullName = fullName,
        };
        // Hashing is deliberately slow; every demo account shares one password, so hash it once.
        _demoPasswordHash ??= _hasher.HashPassword(user, DemoAccounts.Password);
        user.PasswordHash = _demoPasswordHash;
        await Check(users.CreateAsync(user));
        await Check(users.AddToRolesAsync(user, userRoles));
        return user;
    }

    /// <summary>
    /// Gives a demo preceptor the fixed authenticator key, for signing attestations. Two-factor sign-in stays off, so
    /// preceptors still sign in with the password alone; signing asks for a code whenever a key is set.
    /// </summary>
    private Task AddDemoAuthenticatorAsync(ApplicationUser preceptor) =>
        // The login provider and token name under which Identity's user store keeps the authenticator key.
        Check(users.SetAuthenticationTokenAsync(preceptor, "[AspNetUserStore]", "AuthenticatorKey", DemoAccounts.PreceptorAuthenticatorKey));

    private static async Task Check(Task<IdentityResult> operation)
    {
        var result = await operation;
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Seeding the demo network failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }

    private static DateTimeOffset AtUtc(DateOnly date) => new(date.ToDateTime(new TimeOnly(15, 0)), TimeSpan.Zero);

    private static Guid DemoId(string name) => new(SHA256.HashData(Encoding.UTF8.GetBytes("trainingnetwork-demo:" + name)).AsSpan(0, 16));

    private sealed record DemoCenter(
        string Slug, string Name, string City, string State, Regulator Regulator, string Licensee, string License,
        (string Agent, int MonthlyCases)[] Therapies);
}
