using System.Text.Json;
using Microsoft.AspNetCore.Identity.UI.Services;

namespace TrainingNetwork.Web.Setup;

/// <summary>
/// Delivers e-mail by writing each message as a JSON file into a pickup folder, where the Development mailbox
/// (<c>/Dev/Mailbox</c>) and tests read it. File names are version-7 GUIDs, so they sort by sending time.
/// </summary>
public sealed class PickupFolderEmailSender(string directory, TimeProvider clock) : IEmailSender
{
    public static readonly string DefaultDirectory = Path.Combine(Path.GetTempPath(), "trainingnetwork-mail");

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string Directory { get; } = directory;

    // The body is never logged: it carries sign-in links.
    public async Task SendEmailAsync(string email, string subject, string htmlMessage)
    {
        var sentAt = clock.GetUtcNow();
        var message = new PickedUpMessage(Guid.CreateVersion7(sentAt), email, subject, htmlMessage, sentAt);
        System.IO.Directory.CreateDirectory(Directory);
        var path = Path.Combine(Directory, $"{message.Id:N}.json");
        await File.WriteAllTextAsync(path + ".tmp", JsonSerializer.Serialize(message, Json));
        File.Move(path + ".tmp", path);
    }

    /// <summary>Every message in the folder, newest first.</summary>
    public IReadOnlyList<PickedUpMessage> ReadAll() =>
        System.IO.Directory.Exists(Directory)
            ? [.. System.IO.Directory.EnumerateFiles(Directory, "*.json").Select(ReadFile).OfType<PickedUpMessage>().OrderByDescending(m => m.SentAt).ThenByDescending(m => m.Id)]
            : [];

    public PickedUpMessage? Read(Guid id) => ReadFile(Path.Combine(Directory, $"{id:N}.json"));

    private static PickedUpMessage? ReadFile(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<PickedUpMessage>(File.ReadAllText(path), Json);
        }
        catch (Exception e) when (e is IOException or JsonException)
        {
            return null;
        }
    }
}

public sealed record PickedUpMessage(Guid Id, string To, string Subject, string HtmlBody, DateTimeOffset SentAt);
