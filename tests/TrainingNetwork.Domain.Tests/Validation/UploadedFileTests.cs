using System.Text;
using TrainingNetwork.Domain.Validation;

namespace TrainingNetwork.Domain.Tests.Validation;

public sealed class UploadedFileTests
{
    private const long MiB = 1024 * 1024;
    private const string WrongType = "Upload a PDF, PNG or JPEG file.";

    public static TheoryData<byte[], string> Accepted => new()
    {
        { Encoding.ASCII.GetBytes("%PDF-1.7\n%âãÏÓ\n1 0 obj"), "application/pdf" },
        { Encoding.ASCII.GetBytes("%PDF-"), "application/pdf" },
        { [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52], "image/png" },
        { [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46], "image/jpeg" }, // JFIF
        { [0xFF, 0xD8, 0xFF, 0xE1, 0x00, 0x18, 0x45, 0x78, 0x69, 0x66], "image/jpeg" }, // Exif
    };

    public static TheoryData<byte[]> Refused => new()
    {
        Encoding.ASCII.GetBytes("%PDF"), // truncated magic
        Encoding.ASCII.GetBytes("%pdf-1.7"),
        Encoding.ASCII.GetBytes(" %PDF-1.7"), // magic not at the start
        Encoding.ASCII.GetBytes("report.pdf"), // a name is not content
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x00 }, // PNG with one wrong byte
        new byte[] { 0x89, 0x50, 0x4E, 0x47 },
        new byte[] { 0xFF, 0xD8 },
        Encoding.ASCII.GetBytes("GIF89a"),
        Encoding.ASCII.GetBytes("<html><script>alert(1)</script>"),
        Encoding.ASCII.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"/>"),
        new byte[] { 0x50, 0x4B, 0x03, 0x04 }, // ZIP / DOCX
        Encoding.ASCII.GetBytes("MZ\x90\0"), // Windows executable
        Encoding.ASCII.GetBytes("DICM"),
        new byte[] { 0x00 },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Check_knownMagicBytes_contentType(byte[] content, string contentType)
    {
        var result = UploadedFile.Check(content, MiB);

        Assert.Equal(contentType, result.ContentType);
        Assert.Null(result.Error);
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void Check_otherContent_typeError(byte[] content) =>
        Assert.Equal(new UploadCheck(null, WrongType), UploadedFile.Check(content, MiB));

    [Fact]
    public void Check_empty_emptyError() =>
        Assert.Equal(new UploadCheck(null, "The file is empty."), UploadedFile.Check([], MiB));

    [Fact]
    public void Check_exactlyMaxBytes_accepted() =>
        Assert.Equal("application/pdf", UploadedFile.Check(Pdf(MiB), MiB).ContentType);

    [Theory]
    [InlineData(MiB, "1")]
    [InlineData(10 * MiB, "10")]
    [InlineData(3 * MiB / 2, "1.5")]
    public void Check_overMaxBytes_sizeErrorInMegabytes(long maxBytes, string megabytes) =>
        Assert.Equal(new UploadCheck(null, $"The file is larger than {megabytes} MB."), UploadedFile.Check(Pdf(maxBytes + 1), maxBytes));

    [Fact]
    public void Check_oversizedUnknownContent_sizeErrorFirst() =>
        Assert.Equal("The file is larger than 1 MB.", UploadedFile.Check(new byte[MiB + 1], MiB).Error);

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Check_nonPositiveLimit_throws(long maxBytes) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => UploadedFile.Check([0x25], maxBytes));

    private static byte[] Pdf(long length)
    {
        var content = new byte[length];
        "%PDF-1.7"u8.CopyTo(content);
        return content;
    }
}
