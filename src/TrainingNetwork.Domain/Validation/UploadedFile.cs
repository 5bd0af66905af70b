using System.Globalization;

namespace TrainingNetwork.Domain.Validation;

/// <summary>Accepts an upload only when its bytes are a PDF, PNG or JPEG; the file name and the browser's type are ignored.</summary>
public static class UploadedFile
{
    private const long BytesPerMiB = 1024 * 1024;

    private static readonly (byte[] Magic, string ContentType)[] Signatures =
    [
        ("%PDF-"u8.ToArray(), "application/pdf"),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "image/png"),
        ([0xFF, 0xD8, 0xFF], "image/jpeg"),
    ];

    public static UploadCheck Check(ReadOnlySpan<byte> content, long maxBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);

        if (content.IsEmpty)
        {
            return new UploadCheck(null, "The file is empty.");
        }

        if (content.Length > maxBytes)
        {
            // "0.#" keeps whole limits such as 10 MB exact without rounding a 1.5 MB limit down to 1.
            var limit = ((decimal)maxBytes / BytesPerMiB).ToString("0.#", CultureInfo.InvariantCulture);
            return new UploadCheck(null, $"The file is larger than {limit} MB.");
        }

        foreach (var (magic, contentType) in Signatures)
        {
            if (content.StartsWith(magic))
            {
                return new UploadCheck(contentType, null);
            }
        }

        return new UploadCheck(null, "Upload a PDF, PNG or JPEG file.");
    }
}
