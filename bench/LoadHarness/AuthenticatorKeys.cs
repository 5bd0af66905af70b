using Npgsql;

namespace LoadHarness;

/// <summary>
/// The harness is the bench users' authenticator app: the keys it enrolled with are kept in a file per database, so a later
/// run (or the cycle check) can sign those users in again. The portal stores the keys encrypted, so the database cannot
/// give them back.
/// </summary>
internal sealed class AuthenticatorKeys
{
    private readonly string _path;
    private readonly Dictionary<string, string> _keys = new(StringComparer.OrdinalIgnoreCase);

    public AuthenticatorKeys(string connectionString)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString);
        _path = Path.Combine(Path.GetTempPath(), $"tn-bench-authenticator-keys-{database.Host}-{database.Port}-{database.Database}.tsv");
        if (File.Exists(_path))
        {
            foreach (var line in File.ReadLines(_path).Select(l => l.Split('\t')).Where(l => l.Length == 2))
            {
                _keys[line[0]] = line[1];
            }
        }
    }

    public string For(string email)
    {
        lock (_keys)
        {
            return _keys.TryGetValue(email, out var key)
                ? key
                : throw new InvalidOperationException(
                    $"{email} has two-factor sign-in on, but its key is not in {_path}: it was enrolled by another harness or the file was removed. Use a freshly generated database.");
        }
    }

    public void Remember(string email, string key)
    {
        lock (_keys)
        {
            _keys[email] = key;
            File.AppendAllLines(_path, [$"{email}\t{key}"]);
        }
    }
}
