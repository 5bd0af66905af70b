namespace DataGenerator;

// One record per table row, in the column order of its COPY statement (BulkLoader).

internal sealed record UserRow(string Id, string Email, string FullName, string SecurityStamp, string ConcurrencyStamp);

internal sealed record UserRoleRow(string UserId, string Role);

internal sealed record CenterRow(
    Guid Id, string Name, string Address, string City, string State, string Regulator, string Licensee, string LicenseNumber,
    int TraineeSlots, int MaxTraineesPerAdministration);

internal sealed record TherapyRow(Guid Id, Guid CenterId, string Agent, int MonthlyCaseCapacity);

internal sealed record CapacityRow(Guid Id, Guid CenterId, string Category, int TraineeSlots, int PreceptorCasesPerMonth);

internal sealed record MembershipRow(Guid Id, Guid CenterId, string UserId, string Role, bool ResidencyProgramDirector);

internal sealed record AuthorizationRow(
    Guid Id, string UserId, string License, string Regulator, string? State, DateOnly ListedFrom,
    string FirstCheckedByUserId, DateTimeOffset FirstCheckedAt, string VerifiedByUserId, DateTimeOffset VerifiedAt);

internal sealed record TraineeRow(Guid Id, string UserId, string Specialty, string PracticeState, string Pathway, string[] RequestedCategories);

internal sealed record ClassroomRow(Guid Id, Guid TraineeId, string Topic, decimal Hours, DateOnly CompletedOn, string Provider);

internal sealed record PlacementRow(
    Guid Id, Guid TraineeId, Guid CenterId, DateOnly PreferredStart, DateTimeOffset RequestedAt, string Status, DateOnly? StartsOn);

internal sealed record CaseRow(
    Guid Id, Guid TraineeId, Guid CenterId, string SupervisorUserId, DateOnly AdministeredOn, string Radiopharmaceutical,
    string Nuclide, string Route, decimal ActivityMbq, bool PersonalParticipation, string PatientToken, string? Note,
    string Status, DateTimeOffset CreatedAt, DateTimeOffset? SubmittedAt, DateTimeOffset? ReviewedAt, string? ReturnNote, long Version);

internal sealed class GeneratedNetwork
{
    public List<UserRow> Users { get; } = [];
    public List<UserRoleRow> UserRoles { get; } = [];
    public List<CenterRow> Centers { get; } = [];
    public List<TherapyRow> Therapies { get; } = [];
    public List<CapacityRow> Capacities { get; } = [];
    public List<MembershipRow> Memberships { get; } = [];
    public List<AuthorizationRow> Authorizations { get; } = [];
    public List<TraineeRow> Trainees { get; } = [];
    public List<ClassroomRow> Classroom { get; } = [];
    public List<PlacementRow> Placements { get; } = [];
    public List<CaseRow> Cases { get; } = [];
}
