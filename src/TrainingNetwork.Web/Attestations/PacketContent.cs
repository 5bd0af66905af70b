using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Domain.Attestations;
using TrainingNetwork.Domain.Readiness;
using TrainingNetwork.Domain.Readiness.Records;
using TrainingNetwork.Domain.Readiness.Results;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Pages.Cases;

namespace TrainingNetwork.Web.Attestations;

/// <summary>A table of the packet: column headings with their share of the page width, and rows of cell text.</summary>
public sealed record PacketTable(string Caption, IReadOnlyList<PacketColumn> Columns, IReadOnlyList<IReadOnlyList<string>> Rows, string Empty);

public sealed record PacketColumn(string Heading, double Width, bool AlignRight = false);

/// <summary>
/// Everything an attestation packet says, as text, modelled on NRC Form 313A (AUT). It is built only from the stored
/// attestation and its evidence snapshot (plus the names of the physician and centers), never from live evidence that
/// may have changed since signing; it carries no patient identifier.
/// </summary>
public sealed record PacketContent(
    string VerificationCode,
    Uri VerificationUrl,
    string PhysicianName,
    IReadOnlyList<(string Label, string Value)> Physician,
    PacketTable Classroom,
    PacketTable WorkExperience,
    PacketTable Cases,
    PacketTable Supervisors,
    string StatementText,
    IReadOnlyList<(string Label, string Value)> Signature,
    IReadOnlyList<(string Label, string Value)> Evaluation)
{
    /// <summary>Loads the names the snapshot refers to by id or license and builds the packet.</summary>
    public static async Task<PacketContent> LoadAsync(AppDbContext db, SignedAttestation attestation, Uri verificationUrl, CancellationToken ct)
    {
        var record = Snapshot(attestation);
        var physician = await db.Trainees.Where(t => t.Id == attestation.TraineeId)
            .Join(db.Users, t => t.UserId, u => u.Id, (t, u) => u.FullName).SingleAsync(ct);
        var licenses = record.Cases.Select(c => c.License).Distinct().ToList();
        var centers = (await db.Centers.Where(c => licenses.Contains(c.LicenseNumber)).Select(c => new { c.LicenseNumber, c.Name }).ToListAsync(ct))
            .DistinctBy(c => c.LicenseNumber).ToDictionary(c => c.LicenseNumber, c => c.Name);
        var faculty = attestation.ConcurringFacultyUserId is { } facultyId
            ? await db.Users.Where(u => u.Id == facultyId).Select(u => u.FullName).SingleOrDefaultAsync(ct)
            : null;
        return Build(attestation, record, physician, centers, faculty, verificationUrl);
    }

    /// <summary>The evidence exactly as attested: the canonical v1 record stored at signing.</summary>
    public static TraineeRecord Snapshot(SignedAttestation attestation) =>
        TraineeRecordJson.Parse(attestation.EvidenceSnapshot).Record
        ?? throw new InvalidOperationException($"The evidence snapshot of attestation {attestation.Id} is not a valid trainee record.");

    public static string Section(Pathway pathway) => "10 CFR " + RecordCodes.Pathways.ToCode(pathway);

    public static PacketContent Build(
        SignedAttestation attestation, TraineeRecord record, string physicianName, IReadOnlyDictionary<string, string> centerNamesByLicense,
        string? concurringFacultyName, Uri verificationUrl)
    {
        var names = record.Preceptors.ToDictionary(p => p.Id, p => p.Name);
        string NameOf(string userId) => names.TryGetValue(userId, out var name) && name.Length > 0 ? name : "Not named in the record";
        var result = ReadinessEngine.Evaluate(WithThisAttestation(record, attestation));
        var caseResults = result.Cases.ToDictionary(c => c.CaseId);

        return new PacketContent(
            attestation.VerificationCode,
            verificationUrl,
            physicianName,
            [
                ("Physician", physicianName),
                ("State of licensure (practice)", record.Jurisdiction.State),
                ("Regulator", record.Jurisdiction.Regulator == Regulator.Nrc ? "U.S. Nuclear Regulatory Commission" : "Agreement State"),
                ("Authorization requested", $"Authorized User under {Section(record.Pathway)} for {Categories(record.RequestedCategories.Select(RecordCodes.Categories.ToCode))}"),
                ("Categories attested", Categories(attestation.Categories)),
            ],
            new PacketTable(
                "Classroom and laboratory training",
                [new("Topic", 0.38), new("Hours", 0.1, AlignRight: true), new("Completed", 0.14), new("Provider", 0.38)],
                ClassroomRows(record.ClassroomTraining),
                "No classroom training recorded."),
            new PacketTable(
                "Supervised work experience",
                [new("Element", 0.42), new("Completed", 0.14), new("Supervisor", 0.26), new("License", 0.18)],
                [.. record.WorkExperience.OrderBy(w => w.Completed).Select(w => Row(PlainNames.Of(w.Element), Date(w.Completed), NameOf(w.SupervisorId), w.License))],
                "No work experience recorded."),
            new PacketTable(
                "Supervised cases (de-identified)",
                [
                    new("Date", 0.1), new("Radiopharmaceutical", 0.18), new("Nuclide", 0.08), new("Route", 0.11), new("MBq", 0.06, AlignRight: true),
                    new("Center", 0.16), new("Supervising AU", 0.15), new("Status", 0.16),
                ],
                [.. record.Cases.OrderBy(c => c.Date).Select(c => Row(
                    Date(c.Date), c.Radiopharmaceutical, c.Nuclide, CaseInput.RouteName(c.Route), Number(c.ActivityMbq),
                    centerNamesByLicense.GetValueOrDefault(c.License, c.License), NameOf(c.SupervisorId),
                    CaseStatus(c, caseResults.GetValueOrDefault(c.CaseId))))],
                "No supervised cases recorded."),
            new PacketTable(
                "Authorized User listings in the record",
                [new("Name", 0.26), new("AU basis", 0.12), new("Categories", 0.14), new("License", 0.2), new("Listed", 0.28)],
                [.. record.Preceptors.SelectMany(p => p.Authorizations.DefaultIfEmpty().Select(a => a is null
                    ? Row(p.Name, "No listing in the record", "", "", "")
                    : Row(p.Name, RecordCodes.Bases.ToCode(a.Basis), Categories(a.Categories.Select(RecordCodes.Categories.ToCode)), a.License,
                        a.ListedUntil is { } until ? $"{Date(a.ListedFrom)} to {Date(until)}" : $"since {Date(a.ListedFrom)}")))],
                "No supervising individuals in the record."),
            attestation.StatementText,
            [
                ("Signed by", attestation.SignerPrintedName),
                ("Credentials", attestation.SignerCredentials),
                ("License", attestation.SignerLicense),
                ("Attesting as", attestation.Type == AttestationType.PreceptorAu
                    ? "Preceptor Authorized User"
                    : $"Residency program director, with concurring Authorized User faculty member {concurringFacultyName ?? "not named"}"),
                ("Signed at (UTC)", SigningTimes.Utc(attestation.SignedAt)),
                ("Signed at (signer's time)", SigningTimes.InZone(attestation.SignedAt, attestation.SignerTimeZone)),
                ("Meaning of the signature", attestation.Meaning),
                ("Statement version", attestation.StatementVersion),
            ],
            [
                ("Rule set", RecordCodes.RuleSets.ToCode(result.RuleSet)),
                ("Readiness engine", "version " + result.EngineVersion),
                ("Evidence as of", Date(record.EvaluationDate)),
                ("Engine result with this attestation", string.Join("; ", result.Categories.Select(c =>
                    $"{RecordCodes.Categories.ToCode(c.Category)} {ReadinessResultJson.Statuses.ToCode(c.Status)}"))),
                ("Evidence SHA-256", attestation.EvidenceSha256),
                ("Verification code", attestation.VerificationCode),
            ]);
    }

    /// <summary>The snapshot is the record before signing; the engine judges it with the attestation it now carries.</summary>
    private static TraineeRecord WithThisAttestation(TraineeRecord record, SignedAttestation attestation)
    {
        var signedOn = DateOnly.FromDateTime(attestation.SignedAt.UtcDateTime);
        return record with
        {
            Attestations =
            [
                .. record.Attestations,
                new Attestation
                {
                    AttestorId = attestation.SignerUserId,
                    Type = attestation.Type,
                    Date = signedOn < record.EvaluationDate ? signedOn : record.EvaluationDate,
                    Categories = [.. attestation.Categories.Select(RecordCodes.Categories.Parse)],
                    ConcurringFacultyId = attestation.ConcurringFacultyUserId,
                },
            ],
        };
    }

    private static List<string[]> ClassroomRows(IReadOnlyList<ClassroomEntry> classroom)
    {
        var rows = classroom.OrderBy(c => c.Completed).Select(c => Row(PlainNames.Of(c.Topic), Number(c.Hours), Date(c.Completed), c.Provider)).ToList();
        if (rows.Count > 0)
        {
            rows.Add(Row("Total", Number(classroom.Sum(c => c.Hours)), "", ""));
        }

        return rows;
    }

    private static string CaseStatus(CaseEntry entry, CaseResult? result) =>
        (entry.SignedOff ? "Approved" : "Not approved") + (result is null ? "" : result.Counts ? ", counts" : ", does not count");

    private static string[] Row(params string[] cells) => cells;

    private static string Categories(IEnumerable<string> codes) => string.Join(", ", codes);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
