using System.Text.Json.Nodes;
using TrainingNetwork.Domain.Readiness;
using TrainingNetwork.Domain.Readiness.Records;
using TrainingNetwork.Domain.Readiness.Results;

namespace TrainingNetwork.Domain.Tests.Readiness;

public sealed class ExampleTests
{
    private static readonly string ExamplesFolder = Path.Combine(AppContext.BaseDirectory, "Readiness", "Examples");

    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(ExamplesFolder, "*.record.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file).Replace(".record.json", "", StringComparison.Ordinal));
        }

        return data;
    }

    [Fact]
    public void Examples_folder_holds_every_shared_example()
    {
        Assert.Equal(12, Examples().Count);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_evaluated_matches_expected_result_except_detail(string name)
    {
        var parsed = TraineeRecordJson.Parse(File.ReadAllText(Path.Combine(ExamplesFolder, name + ".record.json")));
        Assert.True(parsed.Succeeded, string.Join("; ", parsed.Errors));

        var actual = ReadinessResultJson.Serialize(ReadinessEngine.Evaluate(parsed.Record!));
        var expected = File.ReadAllText(Path.Combine(ExamplesFolder, name + ".expected.json"));

        Assert.Equal(WithoutDetails(expected), WithoutDetails(actual));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_result_carries_engine_version(string name)
    {
        var parsed = TraineeRecordJson.Parse(File.ReadAllText(Path.Combine(ExamplesFolder, name + ".record.json")));

        var json = JsonNode.Parse(ReadinessResultJson.Serialize(ReadinessEngine.Evaluate(parsed.Record!)))!;

        Assert.Equal(ReadinessEngine.Version, (string?)json["engine_version"]);
    }

    /// <summary>Drops <c>detail</c> (for people, may change) and <c>engine_version</c> (extra to the examples); keeps key order.</summary>
    internal static string WithoutDetails(string json)
    {
        var node = JsonNode.Parse(json)!;
        Strip(node);
        node.AsObject().Remove("engine_version");
        return node.ToJsonString();
    }

    private static void Strip(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject item:
                item.Remove("detail");
                foreach (var (_, child) in item)
                {
                    Strip(child);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Strip(child);
                }

                break;
        }
    }
}
