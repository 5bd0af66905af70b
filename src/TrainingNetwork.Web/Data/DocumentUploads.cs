using TrainingNetwork.Domain.Documents;
using TrainingNetwork.Domain.Validation;

namespace TrainingNetwork.Web.Data;

/// <summary>Turns an uploaded form file into a stored document after checking its size and its type by content.</summary>
public static class DocumentUploads
{
    public const long MaxBytes = 10 * 1024 * 1024;

    public static async Task<(StoredDocument? Document, string? Error)> ReadAsync(
        IFormFile file, string ownerUserId, DateTimeOffset now, CancellationToken ct = default)
    {
        if (file.Length > MaxBytes)
        {
            return (null, $"The file is larger than {MaxBytes / (1024 * 1024)} MB.");
        }

        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        var content = buffer.ToArray();
        var check = UploadedFile.Check(content, MaxBytes);
        if (check.Error is not null)
        {
            return (null, check.Error);
        }

        var name = Path.GetFileName(file.FileName);
        if (name.Length > 200)
        {
            name = name[^200..];
        }

        return (new StoredDocument(Guid.CreateVersion7(now), ownerUserId, name, check.ContentType!, content, now), null);
    }
}
