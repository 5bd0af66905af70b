using TrainingNetwork.Domain.Centers;
using TrainingNetwork.Domain.Readiness.Catalogue;
using TrainingNetwork.Domain.Readiness.Records;
using TrainingNetwork.Domain.Readiness.Results;
using TrainingNetwork.Domain.Readiness.Rules;

namespace TrainingNetwork.Domain.Matching;

/// <summary>
/// How many more supervised cases a physician needs, per matching category, read off the engine's answer: a category the
/// engine finds short of cases needs its minimum less the cases that count toward it. Legacy L3 and L4 needs add up as
/// (G)(3) administrations.
/// </summary>
public static class RemainingCases
{
    public static IReadOnlyDictionary<string, int> Of(ReadinessResult result, RuleBook book)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(book);
        var needs = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var category in result.Categories)
        {
            if (category.Status is ReadinessStatus.Qualified or ReadinessStatus.AlreadyAuthorized
                || category.Unmet.All(f => f.Code != ReasonCode.CasesMin)
                || !book.CaseMinimums.TryGetValue(category.Category, out var minimum))
            {
                continue;
            }

            var code = RecordCodes.Categories.ToCode(category.Category);
            var counted = result.Cases.Count(c => c.Counts && CaseCategories.Codes.ToCode(c.Category) == code);
            var missing = (int)minimum.Minimum - counted;
            if (missing > 0)
            {
                var matching = MatchingCategories.Of(code);
                needs[matching] = needs.GetValueOrDefault(matching) + missing;
            }
        }

        return needs;
    }

    /// <summary>As stored on the readiness summary: "G3:2".</summary>
    public static List<string> Encode(IReadOnlyDictionary<string, int> needs) =>
        [.. needs.OrderBy(n => n.Key, StringComparer.Ordinal).Select(n => $"{n.Key}:{n.Value}")];

    public static int In(IEnumerable<string> encoded, string category) =>
        encoded.Select(e => e.Split(':')).Where(parts => parts[0] == category).Sum(parts => int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
}
