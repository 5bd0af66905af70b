using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Domain.Cases;
using TrainingNetwork.Domain.Jurisdictions;
using TrainingNetwork.Domain.Readiness.Records;

namespace TrainingNetwork.Web.Data;

/// <summary>
/// Loads a physician's stored evidence into the v1 trainee record, so that every page, export and API judges readiness
/// through the same engine from the same shape.
/// </summary>
public sealed class TraineeRecordLoader(AppDbContext db)
{
    private readonly Dictionary<string, List<JurisdictionRule>> _jurisdictions = new(StringComparer.Ordinal);

    public async Task<TraineeRecord?> LoadAsync(Guid traineeId, DateOnly evaluationDate, Pathway? pathway = null, CancellationToken ct = default)
    {
        var trainee = await db.Trainees.AsNoTracking().Where(t => t.Id == traineeId)
            .Select(t => new { t.UserId, t.Specialty, t.PracticeState, t.IntendedLicenseeState, t.Pathway, t.RequestedCategories, t.RuleSetOverride })
            .SingleOrDefaultAsync(ct);
        if (trainee is null)
        {
            return null;
        }

        var boards = await db.BoardCertificates.AsNoTracking().Where(b => b.TraineeId == traineeId)
            .Select(b => new BoardCertification(b.Board, b.Specialty, b.IssuedOn, b.RecognizedUnder)).ToListAsync(ct);
        var classroom = await db.ClassroomEntries.AsNoTracking().Where(c => c.TraineeId == traineeId)
            .Select(c => new ClassroomEntry(c.Topic, c.Hours, c.CompletedOn, c.Provider, "")).ToListAsync(ct);
        var work = await db.WorkExperience.AsNoTracking().Where(w => w.TraineeId == traineeId)
            .Select(w => new WorkExperienceEntry(w.Element, w.CompletedOn, w.SupervisorUserId, w.Hours, w.License)).ToListAsync(ct);
        var cases = await db.Cases.AsNoTracking().Where(c => c.TraineeId == traineeId)
            .Join(db.Centers, c => c.CenterId, center => center.Id, (c, center) => new { Case = c, center.LicenseNumber })
            .ToListAsync(ct);

        var attestations = await db.AttestationsInForce().AsNoTracking()
            .Where(a => a.TraineeId == traineeId)
            .Select(a => new { a.SignerUserId, a.Type, a.SignedAt, a.Categories, a.ConcurringFacultyUserId })
            .ToListAsync(ct);

        var preceptorIds = cases.Select(c => c.Case.SupervisorUserId).Concat(work.Select(w => w.SupervisorId))
            .Concat(attestations.Select(a => a.SignerUserId)).Concat(attestations.Select(a => a.ConcurringFacultyUserId).OfType<string>())
            .Distinct().ToList();
        var authorizationOwners = preceptorIds.Append(trainee.UserId).ToList();
        var authorizations = (await db.PracticeAuthorizations.AsNoTracking().Where(a => authorizationOwners.Contains(a.UserId)).ToListAsync(ct))
            .ToLookup(a => a.UserId, ToAuthorization);
        var names = await db.Users.AsNoTracking().Where(u => preceptorIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);
        // A residency-program-director attestation was checked against the roster when signed, so its signer stays a
        // director for it even if the roster flag is cleared later.
        var programDirectors = (await db.CenterMemberships.AsNoTracking()
                .Where(m => preceptorIds.Contains(m.UserId) && m.ResidencyProgramDirector).Select(m => m.UserId).ToListAsync(ct))
            .Concat(attestations.Where(a => a.Type == AttestationType.ResidencyProgramDirector).Select(a => a.SignerUserId))
            .ToHashSet();

        var chosenPathway = pathway ?? trainee.Pathway;
        var licenseeState = trainee.IntendedLicenseeState ?? trainee.PracticeState;
        var jurisdiction = JurisdictionRule.InForce(await JurisdictionRulesAsync(licenseeState, ct), evaluationDate);
        var ruleSet = jurisdiction.RuleSetWith(trainee.RuleSetOverride);
        return new TraineeRecord
        {
            Pathway = chosenPathway,
            RuleSet = ruleSet,
            Jurisdiction = new Jurisdiction(jurisdiction.Regulator, licenseeState),
            RequestedCategories = Domain.Trainees.TraineeProfile.CategoriesUnder(ruleSet,
                chosenPathway == trainee.Pathway ? trainee.RequestedCategories : Domain.Trainees.TraineeProfile.DefaultCategories(chosenPathway)),
            EvaluationDate = evaluationDate,
            Trainee = new Trainee
            {
                Id = trainee.UserId,
                Specialty = trainee.Specialty,
                AuAuthorizations = [.. authorizations[trainee.UserId]],
                BoardCertifications = boards,
            },
            ClassroomTraining = classroom,
            WorkExperience = work,
            Cases = [.. cases.Select(c => ToCase(c.Case, c.LicenseNumber))],
            Preceptors = [.. preceptorIds.Select(id => new Preceptor
            {
                Id = id,
                Name = names.GetValueOrDefault(id, ""),
                ResidencyProgramDirector = programDirectors.Contains(id),
                Authorizations = [.. authorizations[id]],
            })],
            Attestations = [.. attestations.Select(a => new Attestation
            {
                AttestorId = a.SignerUserId,
                Type = a.Type,
                Date = DateOnly.FromDateTime(a.SignedAt.UtcDateTime),
                Categories = [.. a.Categories.Select(RecordCodes.Categories.Parse)],
                ConcurringFacultyId = a.ConcurringFacultyUserId,
            })],
        };
    }

    /// <summary>A state's jurisdiction rules, read once per loader (a batch of physicians shares few states).</summary>
    private async Task<List<JurisdictionRule>> JurisdictionRulesAsync(string state, CancellationToken ct)
    {
        if (!_jurisdictions.TryGetValue(state, out var rules))
        {
            rules = await db.JurisdictionRules.AsNoTracking().Where(r => r.State == state).ToListAsync(ct);
            _jurisdictions[state] = rules;
        }

        return rules;
    }

    private static Authorization ToAuthorization(Domain.Credentials.PracticeAuthorization a) => new()
    {
        Basis = RecordCodes.Bases.Parse(a.Basis),
        Categories = [.. a.Categories.Select(RecordCodes.Categories.Parse)],
        License = a.License,
        Regulator = a.Regulator,
        State = a.State,
        Status = a.Status,
        ListedFrom = a.ListedFrom,
        ListedUntil = a.ListedUntil,
    };

    private static CaseEntry ToCase(SupervisedCase c, string license) => new()
    {
        CaseId = c.Id.ToString(),
        Date = c.AdministeredOn,
        Radiopharmaceutical = c.Radiopharmaceutical,
        Nuclide = c.Nuclide,
        Route = c.Route,
        ActivityMbq = c.ActivityMbq,
        WrittenDirectiveRequired = c.WrittenDirectiveRequired,
        PersonalParticipation = c.PersonalParticipation,
        SupervisorId = c.SupervisorUserId,
        License = license,
        SignedOff = c.IsSignedOff,
        PatientPseudonym = c.PatientToken,
    };
}
