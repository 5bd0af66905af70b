using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Npgsql;

namespace TrainingNetwork.Web.Setup;

/// <summary>
/// A private PostgreSQL cluster started from the locally installed server binaries, for development and tests.
/// Layout of <see cref="DataDirectory"/>: <c>data/</c> (the cluster), <c>postgres.log</c>, the Unix socket,
/// and for temporary clusters <c>owner.pid</c>.
/// </summary>
public sealed class EmbeddedPostgres : IAsyncDisposable
{
    private const string TemporaryPrefix = "tn-pg-";
    private const string OwnerFileName = "owner.pid";
    private const int StartAttempts = 3;

    private static readonly SemaphoreSlim SweepLock = new(1, 1);

    private readonly string _binDirectory;
    private readonly bool _persistent;
    private int _disposed;

    private EmbeddedPostgres(string binDirectory, string dataDirectory, bool persistent, int port)
    {
        _binDirectory = binDirectory;
        _persistent = persistent;
        DataDirectory = dataDirectory;
        Port = port;
        ConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres";
    }

    public string ConnectionString { get; }

    public int Port { get; }

    public string DataDirectory { get; }

    private string ClusterDirectory => Path.Combine(DataDirectory, "data");

    public string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(ConnectionString) { Database = database }.ConnectionString;

    /// <summary>Creates the database unless it exists, so the first migration does not log a failed connection.</summary>
    public async Task EnsureDatabaseAsync(string database, CancellationToken ct = default)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(ct).ConfigureAwait(false);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", database);
        if (await exists.ExecuteScalarAsync(ct).ConfigureAwait(false) is null)
        {
            var quoted = new NpgsqlCommandBuilder().QuoteIdentifier(database);
            await using var create = new NpgsqlCommand($"CREATE DATABASE {quoted}", connection);
            await create.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
    }

    public static Task<EmbeddedPostgres> StartAsync(EmbeddedPostgresOptions options, CancellationToken ct = default) =>
        StartAsync(options, DefaultBinarySearchPaths(), ct);

    internal static async Task<EmbeddedPostgres> StartAsync(
        EmbeddedPostgresOptions options, IEnumerable<string> binarySearchPaths, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        var binDirectory = FindBinaries(binarySearchPaths);
        var dataDirectory = Path.GetFullPath(options.DataDirectory);

        if (!options.Persistent)
        {
            await SweepOrphansAsync(binDirectory, ct).ConfigureAwait(false);
        }

        try
        {
            return await StartInAsync(binDirectory, dataDirectory, options.Persistent, ct).ConfigureAwait(false);
        }
        catch when (!options.Persistent)
        {
            TryDeleteDirectory(dataDirectory);
            throw;
        }
    }

    private static async Task<EmbeddedPostgres> StartInAsync(string binDirectory, string dataDirectory, bool persistent, CancellationToken ct)
    {
        Directory.CreateDirectory(dataDirectory);
        if (Environment.IsPrivilegedProcess)
        {
            GiveToPostgresUser(dataDirectory);
        }

        if (!persistent && !File.Exists(Path.Combine(dataDirectory, OwnerFileName)))
        {
            WriteOwnerFile(dataDirectory);
        }

        var clusterDirectory = Path.Combine(dataDirectory, "data");
        if (!File.Exists(Path.Combine(clusterDirectory, "PG_VERSION")))
        {
            await InitDbAsync(binDirectory, clusterDirectory, persistent, ct).ConfigureAwait(false);
        }
        else if (File.Exists(Path.Combine(clusterDirectory, "postmaster.pid")))
        {
            // A previous app run was killed without stopping its cluster (or its pid file is stale): stop it so it
            // restarts with this run's port; a failure here just means nothing was running.
            await StopAsync(binDirectory, clusterDirectory, ct).ConfigureAwait(false);
        }

        for (var attempt = 1; ; attempt++)
        {
            var port = FreeLoopbackPort();
            var server = new EmbeddedPostgres(binDirectory, dataDirectory, persistent, port);
            var failure = await server.TryStartAsync(ct).ConfigureAwait(false);
            if (failure is null)
            {
                return server;
            }

            // The port was free when probed but another process may take it before the postmaster binds it.
            if (attempt == StartAttempts || !failure.Contains("already in use", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException(failure);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        if (File.Exists(Path.Combine(ClusterDirectory, "postmaster.pid")) &&
            !await StopAsync(_binDirectory, ClusterDirectory, CancellationToken.None).ConfigureAwait(false))
        {
            throw new InvalidOperationException(
                $"Could not stop the embedded PostgreSQL cluster in {ClusterDirectory}.{LogTail(DataDirectory)}");
        }

        if (!_persistent)
        {
            TryDeleteDirectory(DataDirectory);
        }
    }

    public static string DefaultAppDataDirectory() =>
        Environment.IsPrivilegedProcess
            // The server runs as the postgres user (it refuses root), and that user cannot traverse /root,
            // where LocalApplicationData points for root.
            ? "/var/lib/trainingnetwork/postgres"
            : Path.Combine(
                Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create),
                "TrainingNetwork",
                "postgres");

    public static string NewTemporaryDirectory()
    {
        var directory = Directory.CreateTempSubdirectory(TemporaryPrefix).FullName;
        if (Environment.IsPrivilegedProcess)
        {
            GiveToPostgresUser(directory);
        }

        WriteOwnerFile(directory);
        return directory;
    }

    internal static IEnumerable<string> DefaultBinarySearchPaths()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            yield return directory;
        }

        // Packages that keep server binaries off PATH: Debian/Ubuntu, PGDG RPMs, Homebrew's keg-only postgresql@N.
        (string Root, string Pattern)[] versioned =
        [
            ("/usr/lib/postgresql", "*"),
            ("/usr", "pgsql-*"),
            ("/opt/homebrew/opt", "postgresql@*"),
            ("/usr/local/opt", "postgresql@*"),
        ];
        foreach (var (root, pattern) in versioned)
        {
            if (!Directory.Exists(root))
            {
                continue;
            }

            foreach (var directory in Directory.GetDirectories(root, pattern).OrderByDescending(MajorVersion))
            {
                yield return Path.Combine(directory, "bin");
            }
        }
    }

    internal static string FindBinaries(IEnumerable<string> searchPaths)
    {
        var searched = new List<string>();
        foreach (var directory in searchPaths)
        {
            searched.Add(directory);
            if (File.Exists(Path.Combine(directory, "initdb")) && File.Exists(Path.Combine(directory, "pg_ctl")))
            {
                return directory;
            }
        }

        throw new PostgresBinariesNotFoundException(searched);
    }

    private static int MajorVersion(string directory)
    {
        var digits = new string(Path.GetFileName(directory).SkipWhile(c => !char.IsAsciiDigit(c)).TakeWhile(char.IsAsciiDigit).ToArray());
        return int.TryParse(digits, CultureInfo.InvariantCulture, out var version) ? version : 0;
    }

    private static async Task InitDbAsync(string binDirectory, string clusterDirectory, bool persistent, CancellationToken ct)
    {
        List<string> arguments = ["-D", clusterDirectory, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"];
        if (!persistent)
        {
            arguments.Add("--no-sync");
        }

        var (exitCode, output) = await RunAsync(Path.Combine(binDirectory, "initdb"), arguments, asPostgres: true, ct)
            .ConfigureAwait(false);
        if (exitCode != 0)
        {
            throw new InvalidOperationException(
                $"initdb failed for {clusterDirectory} (exit code {exitCode}):{Environment.NewLine}{output}");
        }
    }

    /// <returns><c>null</c> when the server accepts connections, otherwise a description of the failure.</returns>
    private async Task<string?> TryStartAsync(CancellationToken ct)
    {
        var logFile = Path.Combine(DataDirectory, "postgres.log");
        var logOffset = File.Exists(logFile) ? new FileInfo(logFile).Length : 0;

        // pg_ctl hands -o to a shell, hence the quoting; the socket lives in the folder this instance owns.
        var serverOptions = $"-c listen_addresses=127.0.0.1 -p {Port} -k {ShellQuote(DataDirectory)}";
        if (!_persistent)
        {
            serverOptions += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        }

        // -l is required: without it the postmaster inherits our stdout/stderr pipes and reading them never ends.
        var (exitCode, output) = await RunAsync(
            Path.Combine(_binDirectory, "pg_ctl"),
            ["-D", ClusterDirectory, "-l", logFile, "-w", "-t", "60", "-o", serverOptions, "start"],
            asPostgres: true,
            ct).ConfigureAwait(false);
        if (exitCode != 0)
        {
            // After a wait timeout the postmaster may still be coming up; don't leave it behind.
            if (File.Exists(Path.Combine(ClusterDirectory, "postmaster.pid")))
            {
                await StopAsync(_binDirectory, ClusterDirectory, CancellationToken.None).ConfigureAwait(false);
            }

            return $"pg_ctl start failed for {ClusterDirectory} on port {Port} (exit code {exitCode}):{Environment.NewLine}" +
                   $"{output}{Environment.NewLine}{ReadLogFrom(logFile, logOffset)}";
        }

        try
        {
            var connectionString = new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString;
            var connection = new NpgsqlConnection(connectionString);
            await using (connection.ConfigureAwait(false))
            {
                await connection.OpenAsync(ct).ConfigureAwait(false);
            }

            return null;
        }
        catch (NpgsqlException ex)
        {
            await StopAsync(_binDirectory, ClusterDirectory, CancellationToken.None).ConfigureAwait(false);
            return $"PostgreSQL started on port {Port} but refused a connection: {ex.Message}{LogTail(DataDirectory)}";
        }
        catch (OperationCanceledException)
        {
            await StopAsync(_binDirectory, ClusterDirectory, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    /// <returns>Whether the cluster is stopped.</returns>
    private static async Task<bool> StopAsync(string binDirectory, string clusterDirectory, CancellationToken ct)
    {
        var pgCtl = Path.Combine(binDirectory, "pg_ctl");
        foreach (var mode in new[] { "fast", "immediate" })
        {
            var (exitCode, _) = await RunAsync(pgCtl, ["-D", clusterDirectory, "-m", mode, "-w", "-t", "30", "stop"], asPostgres: true, ct)
                .ConfigureAwait(false);
            if (exitCode == 0 || !File.Exists(Path.Combine(clusterDirectory, "postmaster.pid")))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Deletes temporary clusters whose creating process is gone (a killed test run never disposes its cluster,
    /// and pg_ctl daemonizes the postmaster, so it would otherwise keep running).
    /// </summary>
    private static async Task SweepOrphansAsync(string binDirectory, CancellationToken ct)
    {
        await SweepLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            foreach (var directory in Directory.GetDirectories(Path.GetTempPath(), TemporaryPrefix + "*"))
            {
                if (!int.TryParse(ReadAllTextOrEmpty(Path.Combine(directory, OwnerFileName)), CultureInfo.InvariantCulture, out var owner) ||
                    IsAlive(owner))
                {
                    // No owner file: the folder is being set up right now, or it is not ours.
                    continue;
                }

                var clusterDirectory = Path.Combine(directory, "data");
                if (File.Exists(Path.Combine(clusterDirectory, "postmaster.pid")))
                {
                    await RunAsync(
                        Path.Combine(binDirectory, "pg_ctl"), ["-D", clusterDirectory, "-m", "immediate", "-w", "stop"], asPostgres: true, ct)
                        .ConfigureAwait(false);
                }

                TryDeleteDirectory(directory);
            }
        }
        finally
        {
            SweepLock.Release();
        }
    }

    private static bool IsAlive(int processId)
    {
        try
        {
            Process.GetProcessById(processId).Dispose();
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void WriteOwnerFile(string directory) =>
        File.WriteAllText(Path.Combine(directory, OwnerFileName), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));

    private static void GiveToPostgresUser(string directory)
    {
        using var chown = Process.Start("chown", ["postgres:", directory]);
        chown.WaitForExit();
        if (chown.ExitCode != 0)
        {
            throw new InvalidOperationException($"chown postgres: {directory} failed (exit code {chown.ExitCode}).");
        }
    }

    private static string ReadAllTextOrEmpty(string path)
    {
        try
        {
            return File.ReadAllText(path).Trim();
        }
        catch (IOException)
        {
            return "";
        }
        catch (UnauthorizedAccessException)
        {
            return "";
        }
    }

    private static void TryDeleteDirectory(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
        catch (IOException)
        {
            // Another process is sweeping the same folder.
        }
        catch (UnauthorizedAccessException)
        {
            // Left behind by another user; not ours to delete.
        }
    }

    private static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    private static string ShellQuote(string value) => "'" + value.Replace("'", @"'\''", StringComparison.Ordinal) + "'";

    private static string LogTail(string dataDirectory) =>
        ReadLogFrom(Path.Combine(dataDirectory, "postgres.log"), 0);

    private static string ReadLogFrom(string logFile, long offset)
    {
        string text;
        try
        {
            using var stream = new FileStream(logFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            stream.Seek(offset, SeekOrigin.Begin);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            text = reader.ReadToEnd();
        }
        catch (IOException)
        {
            return "";
        }

        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return $"{Environment.NewLine}Last lines of {logFile}:{Environment.NewLine}" + string.Join(Environment.NewLine, lines.TakeLast(20));
    }

    /// <summary>Runs a tool; as root, PostgreSQL tools run as the postgres user because they refuse to run as root.</summary>
    private static async Task<(int ExitCode, string Output)> RunAsync(
        string fileName, IEnumerable<string> arguments, bool asPostgres, CancellationToken ct)
    {
        var startInfo = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // The postgres user may not be able to enter the caller's working directory (e.g. under /root).
            WorkingDirectory = Path.GetTempPath(),
        };
        if (asPostgres && Environment.IsPrivilegedProcess)
        {
            startInfo.FileName = "runuser";
            foreach (var argument in new[] { "-u", "postgres", "--", fileName })
            {
                startInfo.ArgumentList.Add(argument);
            }
        }
        else
        {
            startInfo.FileName = fileName;
        }

        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"Could not start {startInfo.FileName}.");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        try
        {
            await process.WaitForExitAsync(ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var output = (await stdout.ConfigureAwait(false) + await stderr.ConfigureAwait(false)).Trim();
        return (process.ExitCode, output);
    }
}

/// <param name="DataDirectory">Folder that holds the cluster; created if missing.</param>
/// <param name="Persistent">Keep the folder on dispose (app data) or delete it (tests).</param>
public sealed record EmbeddedPostgresOptions(string DataDirectory, bool Persistent);

public sealed class PostgresBinariesNotFoundException : Exception
{
    public PostgresBinariesNotFoundException(IEnumerable<string> searchedDirectories)
        : base(
            "PostgreSQL server binaries (initdb and pg_ctl in the same folder) were not found. " +
            "Searched PATH, then /usr/lib/postgresql/*/bin, /usr/pgsql-*/bin, /opt/homebrew/opt/postgresql@*/bin and " +
            "/usr/local/opt/postgresql@*/bin where present: " + string.Join(", ", searchedDirectories) + ". " +
            "Install them (Debian/Ubuntu: `apt-get install postgresql`; macOS: `brew install postgresql@15`), " +
            "or set ConnectionStrings:TrainingNetwork to an existing PostgreSQL server instead.")
    {
    }
}
