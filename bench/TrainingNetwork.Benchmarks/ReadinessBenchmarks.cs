using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using TrainingNetwork.Domain.Readiness;
using TrainingNetwork.Domain.Readiness.Records;
using TrainingNetwork.Domain.Readiness.Results;

namespace TrainingNetwork.Benchmarks;

/// <summary>Parse + evaluate + serialize, and evaluate alone, for a typical 10-case record and a 500-case record.</summary>
[MemoryDiagnoser]
public class ReadinessBenchmarks
{
    private string _json = "";
    private TraineeRecord _record = null!;

    [Params(10, 500)]
    public int Cases { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _json = SampleRecord.Json(Cases);
        _record = TraineeRecordJson.Parse(_json).Record ?? throw new InvalidOperationException("sample record does not parse");
    }

    [Benchmark]
    public ReadinessResult Evaluate() => ReadinessEngine.Evaluate(_record);

    [Benchmark]
    public string ParseEvaluateSerialize() =>
        ReadinessResultJson.Serialize(ReadinessEngine.Evaluate(TraineeRecordJson.Parse(_json).Record!), indented: false);
}

/// <summary>A 35.390(b) record like example S32, with cases of every kind repeated to the wanted count.</summary>
internal static class SampleRecord
{
    private static readonly (string Radiopharmaceutical, string Nuclide, string Route, decimal Activity)[] Kinds =
    [
        ("Sodium iodide I-131 (oral)", "I-131", "ORAL", 555),
        ("Sodium iodide I-131 (oral)", "I-131", "ORAL", 3700),
        ("Lu-177 vipivotide tetraxetan (Pluvicto)", "Lu-177", "INTRAVENOUS", 7400),
        ("Ra-223 dichloride (Xofigo)", "Ra-223", "INTRAVENOUS", 4.4m),
        ("Y-90 resin microspheres (SIR-Spheres)", "Y-90", "INTRA_ARTERIAL", 1800),
    ];

    public static string Json(int caseCount)
    {
        var topics = new[] { "T1_physics_instrumentation", "T2_radiation_protection", "T3_mathematics_radioactivity", "T4_chemistry_byproduct_material", "T5_radiation_biology" };
        var elements = new[] { "WE1_order_receive_unpack_survey", "WE2_dose_calibrator_QC_survey_meter_checks", "WE3_calculate_measure_prepare_dosages", "WE4_administrative_controls_prevent_medical_event", "WE5_spill_containment_decontamination" };
        var cases = new JsonArray();
        for (var i = 0; i < caseCount; i++)
        {
            var kind = Kinds[i % Kinds.Length];
            cases.Add(new JsonObject
            {
                ["case_id"] = $"C{i:D5}",
                ["date"] = new DateOnly(2025, 1, 1).AddDays(i % 500).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ["radiopharmaceutical"] = kind.Radiopharmaceutical,
                ["nuclide"] = kind.Nuclide,
                ["route"] = kind.Route,
                ["activity_mbq"] = kind.Activity,
                ["written_directive_required"] = true,
                ["personal_participation"] = true,
                ["supervisor_id"] = "P-LEE",
                ["license"] = "24-90001-01",
                ["signed_off"] = i % 7 != 0,
                ["patient_pseudonym"] = $"pt-{i}",
            });
        }

        var document = new JsonObject
        {
            ["format"] = "trainingnetwork.trainee-record",
            ["version"] = 1,
            ["pathway"] = "35.390",
            ["rule_set"] = "NRC-2019",
            ["jurisdiction"] = new JsonObject { ["regulator"] = "NRC", ["state"] = "MO" },
            ["requested_categories"] = new JsonArray("G1", "G2", "G3"),
            ["evaluation_date"] = "2026-06-15",
            ["trainee"] = new JsonObject { ["id"] = "T-390", ["specialty"] = "radiation oncology", ["au_authorizations"] = new JsonArray(), ["board_certifications"] = new JsonArray() },
            ["classroom_training"] = new JsonArray([.. topics.Select((topic, i) => (JsonNode)new JsonObject
            {
                ["topic"] = topic, ["hours"] = 44, ["completed"] = $"2025-08-0{i + 1}", ["provider"] = "course", ["delivery"] = "classroom/laboratory",
            })]),
            ["work_experience"] = new JsonArray([.. elements.Select((element, i) => (JsonNode)new JsonObject
            {
                ["element"] = element, ["completed"] = $"2025-10-0{i + 1}", ["hours"] = 100, ["supervisor_id"] = "P-LEE", ["license"] = "24-90001-01",
            })]),
            ["cases"] = cases,
            ["preceptors"] = new JsonArray(new JsonObject
            {
                ["id"] = "P-LEE",
                ["name"] = "Dr. A. Lee (fictional)",
                ["residency_program_director"] = false,
                ["authorizations"] = new JsonArray(new JsonObject
                {
                    ["basis"] = "35.390", ["categories"] = new JsonArray("G1", "G2", "G3"), ["license"] = "24-90001-01",
                    ["regulator"] = "NRC", ["state"] = null, ["status"] = "LISTED", ["listed_from"] = "2012-03-01", ["listed_until"] = null,
                }),
            }),
            ["attestations"] = new JsonArray(new JsonObject
            {
                ["attestor_id"] = "P-LEE", ["type"] = "PRECEPTOR_AU", ["date"] = "2026-04-01",
                ["categories"] = new JsonArray("G1", "G2", "G3"), ["concurring_faculty_id"] = null,
            }),
        };
        return document.ToJsonString();
    }
}
