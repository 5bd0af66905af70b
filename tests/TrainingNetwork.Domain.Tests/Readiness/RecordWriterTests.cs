using TrainingNetwork.Domain.Readiness;
using TrainingNetwork.Domain.Readiness.Records;
using TrainingNetwork.Domain.Readiness.Results;

namespace TrainingNetwork.Domain.Tests.Readiness;

public sealed class RecordWriterTests
{
    private static readonly string ExamplesFolder = Path.Combine(AppContext.BaseDirectory, "Readiness", "Examples");

    public static TheoryData<string> Examples() => [.. Directory.GetFiles(ExamplesFolder, "*.record.json").Select(path => Path.GetFileName(path))];

    [Theory]
    [MemberData(nameof(Examples))]
    public void Written_record_reads_back_and_evaluates_the_same(string file)
    {
        var original = TraineeRecordJson.Parse(File.ReadAllText(Path.Combine(ExamplesFolder, file)));
        Assert.True(original.Succeeded);

        var written = TraineeRecordJsonWriter.Serialize(original.Record!);
        var reread = TraineeRecordJson.Parse(written);

        Assert.Empty(reread.Errors);
        Assert.Equal(
            ReadinessResultJson.Serialize(ReadinessEngine.Evaluate(original.Record!)),
            ReadinessResultJson.Serialize(ReadinessEngine.Evaluate(reread.Record!)));
        Assert.Equal(written, TraineeRecordJsonWriter.Serialize(reread.Record!));
    }
}
