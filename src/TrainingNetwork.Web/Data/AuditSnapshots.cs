using TrainingNetwork.Domain.Attestations;
using TrainingNetwork.Domain.Audit;
using TrainingNetwork.Domain.Cases;
using TrainingNetwork.Domain.Centers;
using TrainingNetwork.Domain.Credentials;
using TrainingNetwork.Domain.Jurisdictions;
using TrainingNetwork.Domain.Matching;
using TrainingNetwork.Domain.Reviews;
using TrainingNetwork.Domain.Trainees;

namespace TrainingNetwork.Web.Data;

/// <summary>
/// The state of a record as the audit trail hashes it before and after a change, and the staging of the common entries.
/// A snapshot holds what the change is about; its hash lets anyone holding the record prove what it was.
/// </summary>
public static class AuditSnapshots
{
    public static object Of(SupervisedCase c) => new
    {
        c.Id, c.TraineeId, c.CenterId, c.SupervisorUserId, c.AdministeredOn, c.Radiopharmaceutical, c.Nuclide, Route = c.Route.ToString(),
        c.ActivityMbq, c.WrittenDirectiveRequired, c.PersonalParticipation, c.PatientToken, Status = c.Status.ToString(), c.ReturnNote, c.Version,
    };

    public static object Of(Placement p) => new { p.Id, p.TraineeId, p.CenterId, p.Category, Status = p.Status.ToString(), p.StartsOn, p.DeclineReason };

    public static object Of(WaitlistEntry e) => new
    {
        e.Id, e.TraineeId, e.Region, e.Category, Status = e.Status.ToString(), e.QueuedAt, e.OfferedCenterId, e.OfferExpiresAt, e.PassedCenterIds,
    };

    public static object Of(CategoryCapacity c) => new { c.Id, c.CenterId, c.Category, c.TraineeSlots, c.PreceptorCasesPerMonth };

    public static object Of(JurisdictionRule r) => new { r.Id, r.State, Regulator = r.Regulator.ToString(), RuleSet = r.RuleSet.ToString(), r.EffectiveFrom, r.Note };

    public static object Of(TraineeProfile t) => new
    {
        t.Id, t.IntendedLicenseeState, RuleSetOverride = t.RuleSetOverride?.ToString(), t.RuleSetOverrideJustification,
    };

    public static object Of(SignedAttestation a) => new
    {
        a.Id, a.TraineeId, a.SignerUserId, Type = a.Type.ToString(), a.ConcurringFacultyUserId, a.Categories, a.StatementVersion, a.StatementText,
        a.SignedAt, a.EvidenceSha256, a.VerificationCode, a.WithdrawsAttestationId,
    };

    /// <summary>A listing and its verification state.</summary>
    public static object Of(PracticeAuthorization a) => new
    {
        a.Id, a.UserId, a.Basis, a.Categories, a.License, Regulator = a.Regulator.ToString(), a.State, Status = a.Status.ToString(),
        a.ListedFrom, a.ListedUntil, a.LicenseDocumentId, Verification = a.Verification.ToString(), a.FirstCheckedByUserId,
        a.FirstCheckedAt, a.VerifiedByUserId, a.VerifiedAt, a.RejectionReason,
    };

    public static object Of(CenterMembership m) => new { m.Id, m.UserId, m.CenterId, Role = m.Role.ToString(), m.ResidencyProgramDirector };

    public static object Of(PacketReview r) => new
    {
        r.Id, r.AttestationId, r.TraineeId, r.ReviewerUserId, Decision = r.Decision.ToString(), r.Note, r.DecidedAt, r.EngineVersion,
    };

    public static object Of(ReviewPointClosure c) => new
    {
        c.Id, c.AttestationId, c.TraineeId, c.PointKey, c.Category, c.ReasonCode, c.Detail, c.Justification, c.StaffUserId, c.ClosedAt,
    };

    /// <summary>Stages the entry for a case decision or submission, from the state before to the state now.</summary>
    public static void AuditCase(this AppDbContext db, string actorUserId, AuditAction action, object before, SupervisedCase now) =>
        db.Audit(actorUserId, action, "case", now.Id, before, Of(now), $"Case of {now.AdministeredOn:yyyy-MM-dd} ({now.Radiopharmaceutical}) {action switch
        {
            AuditAction.CaseSubmitted => "submitted for review",
            AuditAction.CaseApproved => "approved",
            AuditAction.CaseReturned => "returned with a note",
            _ => action.ToString(),
        }}");
}
