using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Domain.Cases;
using TrainingNetwork.Domain.Jurisdictions;
using TrainingNetwork.Domain.Readiness.Records;
using TraineeProfile = TrainingNetwork.Domain.Trainees.TraineeProfile;

namespace TrainingNetwork.Web.Data;

/// <summary>
/// Loads physicians' stored evidence into the v1 trainee record, so that every page, export and API judges readiness
/// through the same engine from the same shape. One physician or a batch load the same way: one query per kind of
/// evidence, and one for the jurisdiction rules of their states, for the whole batch, so re-evaluating the network costs
/// a few queries per few hundred physicians; evidence comes in date order, so a record reads the same however it was
/// loaded.
/// </summary>
public sealed class TraineeRecordLoader(AppDbContext db)
{
    /// <summary>The physician's record, judged under <paramref name="pathway"/> when given instead of the one on file.</summary>
    public async Task<TraineeRecord?> LoadAsync(Guid traineeId, DateOnly evaluationDate, Pathway? pathway = null, CancellationToken ct = default) =>
        (await LoadManyAsync([traineeId], evaluationDate, pathway, ct)).GetValueOrDefault(traineeId);

    /// <summary>The records of those of <paramref name="traineeIds"/> that exist, by physician id.</summary>
    public async Task<Dictionary<Guid, TraineeRecord>> LoadManyAsync(
        IReadOnlyCollection<Guid> traineeIds, DateOnly evaluationDate, Pathway? pathway = null, CancellationToken ct = default)
    {
        var ids = traineeIds.ToList();
        var trainees = await db.Trainees.AsNoTracking().Where(t => ids.Contains(t.Id))
            .Select(t => new TraineeFacts(t.Id, t.UserId, t.Specialty, t.PracticeState, t.IntendedLicenseeState, t.Pathway, t.RequestedCategories, t.RuleSetOverride))
            .ToListAsync(ct);
        if (trainees.Count == 0)
        {
            return [];
        }

        var boards = (await db.BoardCertificates.AsNoTracking().Where(b => ids.Contains(b.TraineeId)).OrderBy(b => b.IssuedOn).ThenBy(b => b.Id)
                .Select(b => new { b.TraineeId, Entry = new BoardCertification(b.Board, b.Specialty, b.IssuedOn, b.RecognizedUnder) }).ToListAsync(ct))
            .ToLookup(b => b.TraineeId, b => b.Entry);
        var classroom = (await db.ClassroomEntries.AsNoTracking().Where(c => ids.Contains(c.TraineeId)).OrderBy(c => c.CompletedOn).ThenBy(c => c.Id)
                .Select(c => new { c.TraineeId, Entry = new ClassroomEntry(c.Topic, c.Hours, c.CompletedOn, c.Provider, "") }).ToListAsync(ct))
            .ToLookup(c => c.TraineeId, c => c.Entry);
        var work = (await db.WorkExperience.AsNoTracking().Where(w => ids.Contains(w.TraineeId)).OrderBy(w => w.CompletedOn).ThenBy(w => w.Id)
                .Select(w => new { w.TraineeId, Entry = new WorkExperienceEntry(w.Element, w.CompletedOn, w.SupervisorUserId, w.Hours, w.License) }).ToListAsync(ct))
            .ToLookup(w => w.TraineeId, w => w.Entry);
        var cases = (await db.Cases.AsNoTracking().Where(c => ids.Contains(c.TraineeId)).OrderBy(c => c.AdministeredOn).ThenBy(c => c.Id)
                .Join(db.Centers, c => c.CenterId, center => center.Id, (c, center) => new
                {
                    c.TraineeId,
                    Entry = new CaseEntry
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
                        License = center.LicenseNumber,
                        SignedOff = SupervisedCase.IsSignOff(c.Status),
                        PatientPseudonym = c.PatientToken,
                    },
                })
                .ToListAsync(ct))
            .ToLookup(c => c.TraineeId, c => c.Entry);
        var attestations = (await db.AttestationsInForce().AsNoTracking().Where(a => ids.Contains(a.TraineeId)).OrderBy(a => a.SignedAt).ThenBy(a => a.Id)
                .Select(a => new { a.TraineeId, a.SignerUserId, a.Type, a.SignedAt, a.Categories, a.ConcurringFacultyUserId })
                .ToListAsync(ct))
            .ToLookup(a => a.TraineeId, a => new Attestation
            {
                AttestorId = a.SignerUserId,
                Type = a.Type,
                Date = DateOnly.FromDateTime(a.SignedAt.UtcDateTime),
                Categories = [.. a.Categories.Select(RecordCodes.Categories.Parse)],
                ConcurringFacultyId = a.ConcurringFacultyUserId,
            });

        var evidence = trainees.ToDictionary(t => t.Id, t => new Evidence([.. cases[t.Id]], [.. work[t.Id]], [.. attestations[t.Id]]));
        var preceptorIds = evidence.Values.SelectMany(e => e.PreceptorIds()).Distinct().ToList();
        var authorizationOwners = preceptorIds.Concat(trainees.Select(t => t.UserId)).ToList();
        var authorizations = (await db.PracticeAuthorizations.AsNoTracking().Where(a => authorizationOwners.Contains(a.UserId)).ToListAsync(ct))
            .ToLookup(a => a.UserId, ToAuthorization);
        var names = await db.Users.Where(u => preceptorIds.Contains(u.Id)).Select(u => new { u.Id, u.FullName }).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);
        // A residency-program-director attestation was checked against the roster when signed, so its signer stays a
        // director for it even if the roster flag is cleared later.
        var rosterDirectors = (await db.CenterMemberships.AsNoTracking()
            .Where(m => preceptorIds.Contains(m.UserId) && m.ResidencyProgramDirector).Select(m => m.UserId).ToListAsync(ct)).ToHashSet();
        var licenseeStates = trainees.Select(t => t.LicenseeState).Distinct().ToList();
        var jurisdictionRules = (await db.JurisdictionRules.AsNoTracking().Where(r => licenseeStates.Contains(r.State)).ToListAsync(ct))
            .ToLookup(r => r.State);

        var records = new Dictionary<Guid, TraineeRecord>(trainees.Count);
        foreach (var trainee in trainees)
        {
            var own = evidence[trainee.Id];
            var attestedDirectors = own.Attestations.Where(a => a.Type == AttestationType.ResidencyProgramDirector).Select(a => a.AttestorId).ToHashSet();
            var jurisdiction = JurisdictionRule.InForce(jurisdictionRules[trainee.LicenseeState], evaluationDate);
            var ruleSet = jurisdiction.RuleSetWith(trainee.RuleSetOverride);
            var chosenPathway = pathway ?? trainee.Pathway;
            records[trainee.Id] = new TraineeRecord
            {
                Pathway = chosenPathway,
                RuleSet = ruleSet,
                Jurisdiction = new Jurisdiction(jurisdiction.Regulator, trainee.LicenseeState),
                RequestedCategories = TraineeProfile.CategoriesUnder(ruleSet,
                    chosenPathway == trainee.Pathway ? trainee.RequestedCategories : TraineeProfile.DefaultCategories(chosenPathway)),
                EvaluationDate = evaluationDate,
                Trainee = new Trainee
                {
                    Id = trainee.UserId,
                    Specialty = trainee.Specialty,
                    AuAuthorizations = [.. authorizations[trainee.UserId]],
                    BoardCertifications = [.. boards[trainee.Id]],
                },
                ClassroomTraining = [.. classroom[trainee.Id]],
                WorkExperience = own.Work,
                Cases = own.Cases,
                Preceptors = [.. own.PreceptorIds().Select(id => new Preceptor
                {
                    Id = id,
                    Name = names.GetValueOrDefault(id, ""),
                    ResidencyProgramDirector = rosterDirectors.Contains(id) || attestedDirectors.Contains(id),
                    Authorizations = [.. authorizations[id]],
                })],
                Attestations = own.Attestations,
            };
        }

        return records;
    }

    private sealed record TraineeFacts(
        Guid Id, string UserId, string Specialty, string PracticeState, string? IntendedLicenseeState, Pathway Pathway,
        List<string> RequestedCategories, RuleSet? RuleSetOverride)
    {
        public string LicenseeState => TraineeProfile.LicenseeStateOf(IntendedLicenseeState, PracticeState);
    }

    private sealed record Evidence(List<CaseEntry> Cases, List<WorkExperienceEntry> Work, List<Attestation> Attestations)
    {
        /// <summary>Everyone who supervised or attested this physician's evidence, each once.</summary>
        public IEnumerable<string> PreceptorIds() =>
            Cases.Select(c => c.SupervisorId).Concat(Work.Select(w => w.SupervisorId))
                .Concat(Attestations.Select(a => a.AttestorId)).Concat(Attestations.Select(a => a.ConcurringFacultyId).OfType<string>())
                .Distinct();
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
}
