using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;

namespace DataGenerator;

internal sealed record TableLoad(string Table, ulong Rows, TimeSpan Elapsed);

/// <summary>Writes the generated rows with binary COPY, parents before children, in one transaction.</summary>
internal sealed class BulkLoader(NpgsqlConnection connection, IReadOnlyDictionary<string, string> roleIds, string passwordHash)
{
    public List<TableLoad> Loads { get; } = [];

    public void Load(GeneratedNetwork network)
    {
        using var transaction = connection.BeginTransaction();
        Copy("\"AspNetUsers\"",
            "id, user_name, normalized_user_name, email, normalized_email, email_confirmed, password_hash, security_stamp, " +
            "concurrency_stamp, phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count, full_name",
            network.Users, (w, u) =>
            {
                w.Write(u.Id, NpgsqlDbType.Text);
                w.Write(u.Email, NpgsqlDbType.Varchar);
                w.Write(u.Email.ToUpperInvariant(), NpgsqlDbType.Varchar);
                w.Write(u.Email, NpgsqlDbType.Varchar);
                w.Write(u.Email.ToUpperInvariant(), NpgsqlDbType.Varchar);
                w.Write(true, NpgsqlDbType.Boolean);
                w.Write(passwordHash, NpgsqlDbType.Text);
                w.Write(u.SecurityStamp, NpgsqlDbType.Text);
                w.Write(u.ConcurrencyStamp, NpgsqlDbType.Text);
                w.Write(false, NpgsqlDbType.Boolean);
                w.Write(false, NpgsqlDbType.Boolean);
                w.Write(true, NpgsqlDbType.Boolean);
                w.Write(0, NpgsqlDbType.Integer);
                w.Write(u.FullName, NpgsqlDbType.Varchar);
            });
        Copy("\"AspNetUserRoles\"", "user_id, role_id", network.UserRoles, (w, r) =>
        {
            w.Write(r.UserId, NpgsqlDbType.Text);
            w.Write(roleIds[r.Role], NpgsqlDbType.Text);
        });
        Copy("centers", "id, name, address, city, state, regulator, licensee, license_number, trainee_slots, max_trainees_per_administration",
            network.Centers, (w, c) =>
            {
                w.Write(c.Id, NpgsqlDbType.Uuid);
                w.Write(c.Name, NpgsqlDbType.Varchar);
                w.Write(c.Address, NpgsqlDbType.Varchar);
                w.Write(c.City, NpgsqlDbType.Varchar);
                w.Write(c.State, NpgsqlDbType.Char);
                w.Write(c.Regulator, NpgsqlDbType.Varchar);
                w.Write(c.Licensee, NpgsqlDbType.Varchar);
                w.Write(c.LicenseNumber, NpgsqlDbType.Varchar);
                w.Write(c.TraineeSlots, NpgsqlDbType.Integer);
                w.Write(c.MaxTraineesPerAdministration, NpgsqlDbType.Integer);
            });
        Copy("center_therapies", "id, center_id, agent, monthly_case_capacity", network.Therapies, (w, t) =>
        {
            w.Write(t.Id, NpgsqlDbType.Uuid);
            w.Write(t.CenterId, NpgsqlDbType.Uuid);
            w.Write(t.Agent, NpgsqlDbType.Varchar);
            w.Write(t.MonthlyCaseCapacity, NpgsqlDbType.Integer);
        });
        Copy("center_category_capacities", "id, center_id, category, trainee_slots, preceptor_cases_per_month", network.Capacities, (w, c) =>
        {
            w.Write(c.Id, NpgsqlDbType.Uuid);
            w.Write(c.CenterId, NpgsqlDbType.Uuid);
            w.Write(c.Category, NpgsqlDbType.Varchar);
            w.Write(c.TraineeSlots, NpgsqlDbType.Integer);
            w.Write(c.PreceptorCasesPerMonth, NpgsqlDbType.Integer);
        });
        Copy("center_memberships", "id, center_id, user_id, role, residency_program_director", network.Memberships, (w, m) =>
        {
            w.Write(m.Id, NpgsqlDbType.Uuid);
            w.Write(m.CenterId, NpgsqlDbType.Uuid);
            w.Write(m.UserId, NpgsqlDbType.Varchar);
            w.Write(m.Role, NpgsqlDbType.Varchar);
            w.Write(m.ResidencyProgramDirector, NpgsqlDbType.Boolean);
        });
        Copy("practice_authorizations",
            "id, user_id, basis, categories, license, regulator, state, listed_from, status, verification, " +
            "first_checked_by_user_id, first_checked_at, verified_by_user_id, verified_at",
            network.Authorizations, (w, a) =>
            {
                w.Write(a.Id, NpgsqlDbType.Uuid);
                w.Write(a.UserId, NpgsqlDbType.Varchar);
                w.Write("35.390", NpgsqlDbType.Varchar);
                w.Write(PreceptorCategories, NpgsqlDbType.Array | NpgsqlDbType.Text);
                w.Write(a.License, NpgsqlDbType.Varchar);
                w.Write(a.Regulator, NpgsqlDbType.Varchar);
                WriteNullable(w, a.State, NpgsqlDbType.Char);
                w.Write(a.ListedFrom, NpgsqlDbType.Date);
                w.Write("Listed", NpgsqlDbType.Varchar);
                w.Write("Verified", NpgsqlDbType.Varchar);
                w.Write(a.FirstCheckedByUserId, NpgsqlDbType.Varchar);
                w.Write(a.FirstCheckedAt, NpgsqlDbType.TimestampTz);
                w.Write(a.VerifiedByUserId, NpgsqlDbType.Varchar);
                w.Write(a.VerifiedAt, NpgsqlDbType.TimestampTz);
            });
        Copy("trainees", "id, user_id, specialty, practice_state, pathway, requested_categories", network.Trainees, (w, t) =>
        {
            w.Write(t.Id, NpgsqlDbType.Uuid);
            w.Write(t.UserId, NpgsqlDbType.Varchar);
            w.Write(t.Specialty, NpgsqlDbType.Varchar);
            w.Write(t.PracticeState, NpgsqlDbType.Char);
            w.Write(t.Pathway, NpgsqlDbType.Varchar);
            w.Write(t.RequestedCategories, NpgsqlDbType.Array | NpgsqlDbType.Text);
        });
        Copy("classroom_entries", "id, trainee_id, topic, hours, completed_on, provider", network.Classroom, (w, c) =>
        {
            w.Write(c.Id, NpgsqlDbType.Uuid);
            w.Write(c.TraineeId, NpgsqlDbType.Uuid);
            w.Write(c.Topic, NpgsqlDbType.Varchar);
            w.Write(c.Hours, NpgsqlDbType.Numeric);
            w.Write(c.CompletedOn, NpgsqlDbType.Date);
            w.Write(c.Provider, NpgsqlDbType.Varchar);
        });
        Copy("placements", "id, trainee_id, center_id, category, preferred_start, requested_at, status, starts_on", network.Placements, (w, p) =>
        {
            w.Write(p.Id, NpgsqlDbType.Uuid);
            w.Write(p.TraineeId, NpgsqlDbType.Uuid);
            w.Write(p.CenterId, NpgsqlDbType.Uuid);
            w.Write("G3", NpgsqlDbType.Varchar);
            w.Write(p.PreferredStart, NpgsqlDbType.Date);
            w.Write(p.RequestedAt, NpgsqlDbType.TimestampTz);
            w.Write(p.Status, NpgsqlDbType.Varchar);
            WriteNullable(w, p.StartsOn, NpgsqlDbType.Date);
        });
        Copy("cases",
            "id, trainee_id, center_id, supervisor_user_id, administered_on, radiopharmaceutical, nuclide, route, activity_mbq, " +
            "written_directive_required, personal_participation, patient_token, note, status, created_at, submitted_at, reviewed_at, " +
            "return_note, version",
            network.Cases, (w, c) =>
            {
                w.Write(c.Id, NpgsqlDbType.Uuid);
                w.Write(c.TraineeId, NpgsqlDbType.Uuid);
                w.Write(c.CenterId, NpgsqlDbType.Uuid);
                w.Write(c.SupervisorUserId, NpgsqlDbType.Varchar);
                w.Write(c.AdministeredOn, NpgsqlDbType.Date);
                w.Write(c.Radiopharmaceutical, NpgsqlDbType.Varchar);
                w.Write(c.Nuclide, NpgsqlDbType.Varchar);
                w.Write(c.Route, NpgsqlDbType.Varchar);
                w.Write(c.ActivityMbq, NpgsqlDbType.Numeric);
                w.Write(true, NpgsqlDbType.Boolean);
                w.Write(c.PersonalParticipation, NpgsqlDbType.Boolean);
                w.Write(c.PatientToken, NpgsqlDbType.Varchar);
                WriteNullable(w, c.Note, NpgsqlDbType.Varchar);
                w.Write(c.Status, NpgsqlDbType.Varchar);
                w.Write(c.CreatedAt, NpgsqlDbType.TimestampTz);
                WriteNullable(w, c.SubmittedAt, NpgsqlDbType.TimestampTz);
                WriteNullable(w, c.ReviewedAt, NpgsqlDbType.TimestampTz);
                WriteNullable(w, c.ReturnNote, NpgsqlDbType.Varchar);
                w.Write(c.Version, NpgsqlDbType.Bigint);
            });
        transaction.Commit();
    }

    private static readonly string[] PreceptorCategories = ["G1", "G2", "G3"];

    private void Copy<T>(string table, string columns, List<T> rows, Action<NpgsqlBinaryImporter, T> write)
    {
        var watch = Stopwatch.StartNew();
        using var importer = connection.BeginBinaryImport($"COPY {table} ({columns}) FROM STDIN (FORMAT BINARY)");
        foreach (var row in rows)
        {
            importer.StartRow();
            write(importer, row);
        }

        var written = importer.Complete();
        Loads.Add(new TableLoad(table.Trim('"'), written, watch.Elapsed));
    }

    private static void WriteNullable(NpgsqlBinaryImporter writer, string? value, NpgsqlDbType type)
    {
        if (value is null)
        {
            writer.WriteNull();
        }
        else
        {
            writer.Write(value, type);
        }
    }

    private static void WriteNullable<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type)
        where T : struct
    {
        if (value is { } present)
        {
            writer.Write(present, type);
        }
        else
        {
            writer.WriteNull();
        }
    }
}
