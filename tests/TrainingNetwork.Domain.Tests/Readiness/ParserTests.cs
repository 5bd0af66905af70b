using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using TrainingNetwork.Domain.Readiness;
using TrainingNetwork.Domain.Readiness.Records;

namespace TrainingNetwork.Domain.Tests.Readiness;

public sealed class ParserTests
{
    private static readonly string BaselineJson =
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Readiness", "Examples", "S01-baseline-qualified.record.json"));

    private static JsonObject Baseline() => JsonNode.Parse(BaselineJson)!.AsObject();

    private static TraineeRecordParseResult Parse(JsonObject document) => TraineeRecordJson.Parse(document.ToJsonString());

    private static RecordError SingleError(JsonObject document)
    {
        var result = Parse(document);
        Assert.Null(result.Record);
        return Assert.Single(result.Errors);
    }

    [Fact]
    public void Parse_baseline_builds_the_record_with_exact_decimals_and_dates()
    {
        var result = TraineeRecordJson.Parse(BaselineJson);

        Assert.True(result.Succeeded);
        Assert.Equal(new DateOnly(2026, 6, 15), result.Record!.EvaluationDate);
        Assert.Equal(7400m, result.Record.Cases[0].ActivityMbq);
        Assert.Equal(Pathway.Section396, result.Record.Pathway);
    }

    [Fact]
    public void Parse_string_span_and_stream_overloads_agree()
    {
        var bytes = Encoding.UTF8.GetBytes(BaselineJson);
        using var stream = new MemoryStream(bytes);

        var fromSpan = TraineeRecordJson.Parse(bytes.AsSpan());
        var fromStream = TraineeRecordJson.Parse(stream);

        Assert.Equal(fromSpan.Record!.Cases.Count, fromStream.Record!.Cases.Count);
        Assert.Equal(fromSpan.Record.Trainee.Id, fromStream.Record.Trainee.Id);
    }

    [Fact]
    public void Parse_unknown_keys_are_ignored()
    {
        var document = Baseline();
        document["future_field"] = "anything";
        document["cases"]![0]!["typed_category"] = "G4";

        Assert.True(Parse(document).Succeeded);
    }

    [Fact]
    public void Parse_missing_rule_set_and_application_date_take_their_defaults()
    {
        var document = Baseline();
        document.Remove("rule_set");
        document.Remove("application_date");

        var record = Parse(document).Record!;

        Assert.Equal((RuleSet.Nrc2019, (DateOnly?)null, new DateOnly(2026, 6, 15)), (record.RuleSet, record.ApplicationDate, record.EffectiveApplicationDate));
    }

    [Fact]
    public void Parse_malformed_json_names_the_path_where_it_breaks()
    {
        var json = BaselineJson.Replace("\"activity_mbq\": 7400", "\"activity_mbq\": NaN", StringComparison.Ordinal);

        var error = Assert.Single(TraineeRecordJson.Parse(json).Errors);

        Assert.Equal("$.cases[0].activity_mbq", error.Path);
        Assert.StartsWith("malformed JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_trailing_content_is_rejected()
    {
        var error = Assert.Single(TraineeRecordJson.Parse(BaselineJson + " {}").Errors);

        Assert.Equal("$", error.Path);
    }

    [Fact]
    public void Parse_key_given_twice_is_rejected()
    {
        var json = BaselineJson.Replace("\"pathway\": \"35.396\",", "\"pathway\": \"35.396\", \"pathway\": \"35.390\",", StringComparison.Ordinal);

        var error = Assert.Single(TraineeRecordJson.Parse(json).Errors);

        Assert.StartsWith("malformed JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_nesting_deeper_than_the_limit_is_rejected()
    {
        var json = new string('[', TraineeRecordJson.MaxDepth + 1) + new string(']', TraineeRecordJson.MaxDepth + 1);

        Assert.False(TraineeRecordJson.Parse(json).Succeeded);
    }

    [Theory]
    [InlineData("1e400", "is out of range")]
    [InlineData("-7400", "must be greater than 0")]
    [InlineData("0", "must be greater than 0")]
    [InlineData("\"7400\"", "must be a number")]
    public void Parse_bad_activity_is_reported_at_its_path(string value, string message)
    {
        var document = Baseline();
        document["cases"]![2]!["activity_mbq"] = JsonNode.Parse(value);

        var error = SingleError(document);

        Assert.Equal("$.cases[2].activity_mbq", error.Path);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_negative_hours_are_rejected()
    {
        var document = Baseline();
        document["classroom_training"]![1]!["hours"] = -1;

        Assert.Equal("$.classroom_training[1].hours", SingleError(document).Path);
    }

    [Theory]
    [InlineData("2026-02-30", "is not a calendar date")]
    [InlineData("2026-2-3", "is not a date in YYYY-MM-DD form")]
    [InlineData("15/06/2026", "is not a date in YYYY-MM-DD form")]
    public void Parse_bad_dates_are_reported(string value, string message)
    {
        var document = Baseline();
        document["evaluation_date"] = value;

        var error = SingleError(document);

        Assert.Equal("$.evaluation_date", error.Path);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("NRC-2019", "G4")]
    [InlineData("NRC-2019", "L3")]
    [InlineData("NRC-2019", "L4")]
    [InlineData("LEGACY-2005", "G3")]
    public void Parse_category_not_in_the_rule_set_is_rejected(string ruleSet, string category)
    {
        var document = Baseline();
        document["rule_set"] = ruleSet;
        document["requested_categories"] = new JsonArray(category);

        var error = SingleError(document);

        Assert.Equal("$.requested_categories[0]", error.Path);
        Assert.Contains($"{category} is not a category under {ruleSet}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_unknown_enum_value_lists_the_allowed_codes()
    {
        var document = Baseline();
        document["cases"]![1]!["route"] = "IV";

        var error = SingleError(document);

        Assert.Equal("$.cases[1].route", error.Path);
        Assert.Contains("INTRAVENOUS", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_empty_requested_categories_is_rejected()
    {
        var document = Baseline();
        document["requested_categories"] = new JsonArray();

        Assert.Equal("$.requested_categories", SingleError(document).Path);
    }

    [Fact]
    public void Parse_duplicate_case_id_is_rejected_at_the_second_case()
    {
        var document = Baseline();
        document["cases"]![2]!["case_id"] = "C1";

        var error = SingleError(document);

        Assert.Equal(("$.cases[2].case_id", true), (error.Path, error.Message.Contains("duplicate", StringComparison.Ordinal)));
    }

    [Fact]
    public void Parse_supervisor_and_attestor_must_be_preceptors()
    {
        var document = Baseline();
        document["cases"]![0]!["supervisor_id"] = "P-NOBODY";
        document["work_experience"]![4]!["supervisor_id"] = "P-NOBODY";
        document["attestations"]![0]!["attestor_id"] = "P-NOBODY";

        var paths = Parse(document).Errors.Select(e => e.Path);

        Assert.Equal(["$.work_experience[4].supervisor_id", "$.cases[0].supervisor_id", "$.attestations[0].attestor_id"], paths);
    }

    [Fact]
    public void Parse_duplicate_preceptor_id_is_rejected()
    {
        var document = Baseline();
        ((JsonArray)document["preceptors"]!).Add(document["preceptors"]![0]!.DeepClone());

        Assert.Equal("$.preceptors[1].id", SingleError(document).Path);
    }

    [Theory]
    [InlineData("format", "\"trainingnetwork.other\"")]
    [InlineData("version", "2")]
    [InlineData("version", "\"1\"")]
    public void Parse_wrong_format_or_version_is_rejected(string key, string value)
    {
        var document = Baseline();
        document[key] = JsonNode.Parse(value);

        Assert.Equal($"$.{key}", SingleError(document).Path);
    }

    [Fact]
    public void Parse_missing_required_key_is_reported()
    {
        var document = Baseline();
        document["cases"]![0]!.AsObject().Remove("signed_off");

        var error = SingleError(document);

        Assert.Equal(("$.cases[0].signed_off", "is required"), (error.Path, error.Message));
    }

    [Fact]
    public void Parse_many_bad_fields_are_all_reported_in_one_list()
    {
        var document = Baseline();
        document.Remove("format");
        document["pathway"] = "35.999";
        document["jurisdiction"]!["state"] = "Missouri";
        document["requested_categories"] = new JsonArray("G4");
        document["application_date"] = "2026-02-30";
        document["trainee"]!["au_authorizations"]![0]!["status"] = "MAYBE";
        document["classroom_training"]![0]!["topic"] = "T9_astrology";
        document["work_experience"]![2]!["completed"] = 20251117;
        document["cases"]![0]!["activity_mbq"] = JsonNode.Parse("1e400");
        document["cases"]![1]!["written_directive_required"] = "yes";
        document["cases"]![2]!["case_id"] = "C1";
        document["preceptors"]![0]!["authorizations"]![0]!["listed_from"] = "2012-13-01";
        document["attestations"]![0]!["type"] = "FRIEND";

        var paths = Parse(document).Errors.Select(e => e.Path).ToList();

        Assert.Equal(
            [
                "$.format", "$.pathway", "$.jurisdiction.state", "$.requested_categories[0]", "$.application_date",
                "$.trainee.au_authorizations[0].status", "$.classroom_training[0].topic", "$.work_experience[2].completed",
                "$.cases[0].activity_mbq", "$.cases[1].written_directive_required", "$.cases[2].case_id",
                "$.preceptors[0].authorizations[0].listed_from", "$.attestations[0].type",
            ],
            paths);
    }

    [Fact]
    public void Parse_ten_thousand_cases_is_fast_and_evaluable()
    {
        var document = Baseline();
        var cases = new JsonArray();
        for (var i = 0; i < 10_000; i++)
        {
            var entry = document["cases"]![0]!.DeepClone();
            entry["case_id"] = $"K{i}";
            entry["patient_pseudonym"] = $"p{i}";
            cases.Add(entry);
        }

        document["cases"] = cases;
        var json = document.ToJsonString();

        var watch = Stopwatch.StartNew();
        var record = TraineeRecordJson.Parse(json).Record!;
        var result = ReadinessEngine.Evaluate(record);
        watch.Stop();

        Assert.Equal(10_000, result.Cases.Count);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }
}
