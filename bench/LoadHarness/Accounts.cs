using Npgsql;

namespace LoadHarness;

/// <summary>Chooses the generated users each scenario signs in as, in a deterministic order (physician1, physician2, …).</summary>
internal sealed class Accounts(string connectionString)
{
    public static readonly IReadOnlyList<string> Staff = ["staff1@bench.trainingnetwork.test", "staff2@bench.trainingnetwork.test"];

    private const string Bench = "u.email LIKE '%@bench.trainingnetwork.test'";
    private const string NaturalOrder = "ORDER BY length(u.email), u.email LIMIT @limit";

    public Task<List<string>> PhysiciansAsync(int limit, CancellationToken ct) => EmailsAsync($"""
        SELECT u.email FROM "AspNetUsers" u
        JOIN "AspNetUserRoles" ur ON ur.user_id = u.id JOIN "AspNetRoles" r ON r.id = ur.role_id
        WHERE r.name = 'Trainee' AND {Bench} {NaturalOrder}
        """, limit, ct);

    /// <summary>Physicians with an accepted placement: the only ones who can log a case.</summary>
    public Task<List<string>> PhysiciansWithAcceptedPlacementAsync(int limit, CancellationToken ct) => EmailsAsync($"""
        SELECT u.email FROM "AspNetUsers" u JOIN trainees t ON t.user_id = u.id
        WHERE EXISTS (SELECT 1 FROM placements p WHERE p.trainee_id = t.id AND p.status = 'Accepted') AND {Bench} {NaturalOrder}
        """, limit, ct);

    /// <summary>Preceptors with submitted cases waiting for their review.</summary>
    public Task<List<string>> PreceptorsWithQueueAsync(int limit, CancellationToken ct) => EmailsAsync($"""
        SELECT u.email FROM "AspNetUsers" u
        WHERE EXISTS (SELECT 1 FROM cases c WHERE c.supervisor_user_id = u.id AND c.status = 'Submitted') AND {Bench} {NaturalOrder}
        """, limit, ct);

    /// <summary>Coordinators with the center they coordinate (the first, when they coordinate several).</summary>
    public async Task<List<(string Email, Guid CenterId)>> CoordinatorsAsync(int limit, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = new NpgsqlCommand($"""
            SELECT u.email, min(m.center_id::text)::uuid FROM center_memberships m JOIN "AspNetUsers" u ON u.id = m.user_id
            WHERE m.role = 'CenterCoordinator' AND {Bench} GROUP BY u.email {NaturalOrder}
            """, connection);
        command.Parameters.AddWithValue("limit", limit);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var coordinators = new List<(string, Guid)>();
        while (await reader.ReadAsync(ct))
        {
            coordinators.Add((reader.GetString(0), reader.GetGuid(1)));
        }

        return coordinators;
    }

    /// <summary>The notes among <paramref name="notePrefix"/>… that are saved as cases.</summary>
    public async Task<HashSet<string>> SavedNotesAsync(string notePrefix, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = new NpgsqlCommand("SELECT note FROM cases WHERE starts_with(note, @prefix)", connection);
        command.Parameters.AddWithValue("prefix", notePrefix);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var notes = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(ct))
        {
            notes.Add(reader.GetString(0));
        }

        return notes;
    }

    /// <summary>The case saved with this note: its id, status and the supervising preceptor's email.</summary>
    public async Task<(Guid Id, string Status, string SupervisorEmail)?> CaseWithNoteAsync(string note, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = new NpgsqlCommand("""
            SELECT c.id, c.status, u.email FROM cases c JOIN "AspNetUsers" u ON u.id = c.supervisor_user_id WHERE c.note = @note
            """, connection);
        command.Parameters.AddWithValue("note", note);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? (reader.GetGuid(0), reader.GetString(1), reader.GetString(2)) : null;
    }

    private async Task<List<string>> EmailsAsync(string sql, int limit, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("limit", limit);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var emails = new List<string>();
        while (await reader.ReadAsync(ct))
        {
            emails.Add(reader.GetString(0));
        }

        return emails;
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken ct)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        return connection;
    }
}
