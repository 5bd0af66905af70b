using System.Security.Cryptography;

namespace TrainingNetwork.Domain.Documents;

/// <summary>
/// An uploaded file (a license page, a certificate), kept in the database so every app instance serves it. Its type was
/// established from its content, never from its name.
/// </summary>
public sealed class StoredDocument
{
    public StoredDocument(Guid id, string ownerUserId, string fileName, string contentType, byte[] content, DateTimeOffset uploadedAt)
    {
        Id = id;
        OwnerUserId = ownerUserId;
        FileName = fileName;
        ContentType = contentType;
        Content = content;
        Length = content.Length;
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        UploadedAt = uploadedAt;
    }

    public Guid Id { get; private set; }
    public string OwnerUserId { get; private set; }
    public string FileName { get; private set; }
    public string ContentType { get; private set; }
    public byte[] Content { get; private set; }
    public long Length { get; private set; }
    public string Sha256 { get; private set; }
    public DateTimeOffset UploadedAt { get; private set; }
}
