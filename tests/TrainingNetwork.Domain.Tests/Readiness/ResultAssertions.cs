using TrainingNetwork.Domain.Readiness;
using TrainingNetwork.Domain.Readiness.Records;
using TrainingNetwork.Domain.Readiness.Results;

namespace TrainingNetwork.Domain.Tests.Readiness;

internal static class ResultAssertions
{
    public static ReadinessResult Evaluate(this RecordBuilder builder) => ReadinessEngine.Evaluate(builder.Build());

    public static CategoryResult Category(this ReadinessResult result, UseCategory category) =>
        result.Categories.Single(c => c.Category == category);

    public static CaseResult Case(this ReadinessResult result, string caseId) => result.Cases.Single(c => c.CaseId == caseId);

    public static string[] Codes(this IEnumerable<Finding> findings) => [.. findings.Select(f => ReasonCodes.Codes.ToCode(f.Code))];

    public static void AssertStatus(this ReadinessResult result, UseCategory category, ReadinessStatus status, params string[] codes)
    {
        var entry = result.Category(category);
        Assert.Equal(status, entry.Status);
        Assert.Equal(codes, entry.Unmet.Codes());
    }
}
