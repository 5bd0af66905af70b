using TrainingNetwork.Domain.Readiness.Records;

namespace TrainingNetwork.Domain.Readiness.Rules;

/// <summary>Whether a person held a qualifying AU listing on a date.</summary>
public enum Standing
{
    Qualified,
    NoQualifyingBasis,
    CategoryNotCovered,
    NotYetListed,
    Lapsed,
    Pending,
}

public sealed record StandingCheck(Standing Standing, Authorization? Authorization);

public static class AuthorizationRules
{
    /// <summary>Categories a section covers even when the listing names none (35.392(a): a 35.394 AU also qualifies for (G)(1)).</summary>
    private static readonly IReadOnlyDictionary<AuthorizationBasis, UseCategory[]> ImpliedCategories =
        new Dictionary<AuthorizationBasis, UseCategory[]>
        {
            [AuthorizationBasis.Section396] = [UseCategory.G3],
            [AuthorizationBasis.Section392] = [UseCategory.G1],
            [AuthorizationBasis.Section394] = [UseCategory.G1, UseCategory.G2],
        };

    /// <summary>Sections whose listings make a person an AU for the 35.300 categories they name.</summary>
    public static readonly IReadOnlyList<AuthorizationBasis> Section300Bases =
    [
        AuthorizationBasis.Section390, AuthorizationBasis.Section396, AuthorizationBasis.Section392,
        AuthorizationBasis.Section394, AuthorizationBasis.Section57,
    ];

    public static bool IsListedOn(this Authorization authorization, DateOnly date) =>
        authorization.Status == AuthorizationStatus.Listed
        && authorization.ListedFrom <= date
        && (authorization.ListedUntil is null || date <= authorization.ListedUntil);

    public static bool Covers(this Authorization authorization, UseCategory category, RuleSetDefinition ruleSet) =>
        ruleSet.Covers(authorization.Categories.Concat(ImpliedCategories.GetValueOrDefault(authorization.Basis, [])), category);

    /// <summary>
    /// The best standing among <paramref name="authorizations"/> under <paramref name="bases"/> that satisfy <paramref name="covers"/> on
    /// <paramref name="date"/>. A qualifying listing on <paramref name="preferredLicense"/> is preferred so license checks stay quiet.
    /// </summary>
    public static StandingCheck Check(
        IEnumerable<Authorization> authorizations,
        IReadOnlyCollection<AuthorizationBasis> bases,
        Func<Authorization, bool> covers,
        DateOnly date,
        string? preferredLicense = null)
    {
        var underBasis = false;
        Authorization? listed = null, lapsed = null, pending = null, notYetListed = null;
        foreach (var authorization in authorizations)
        {
            if (!bases.Contains(authorization.Basis))
            {
                continue;
            }

            underBasis = true;
            if (!covers(authorization))
            {
                continue;
            }

            if (authorization.IsListedOn(date))
            {
                listed = Preferred(authorization, listed, preferredLicense);
            }
            else if (authorization.Status == AuthorizationStatus.Listed && authorization.ListedUntil < date)
            {
                lapsed = Preferred(authorization, lapsed, preferredLicense);
            }
            else if (authorization.Status == AuthorizationStatus.Pending)
            {
                pending = Preferred(authorization, pending, preferredLicense);
            }
            else
            {
                notYetListed = Preferred(authorization, notYetListed, preferredLicense);
            }
        }

        return (listed, lapsed, pending, notYetListed) switch
        {
            ({ } qualifying, _, _, _) => new StandingCheck(Standing.Qualified, qualifying),
            (_, { } ended, _, _) => new StandingCheck(Standing.Lapsed, ended),
            (_, _, { } requested, _) => new StandingCheck(Standing.Pending, requested),
            (_, _, _, { } future) => new StandingCheck(Standing.NotYetListed, future),
            _ => new StandingCheck(underBasis ? Standing.CategoryNotCovered : Standing.NoQualifyingBasis, null),
        };
    }

    /// <summary>An order-independent choice: a listing on the preferred license, then the earliest, then by license number.</summary>
    private static Authorization Preferred(Authorization candidate, Authorization? current, string? preferredLicense)
    {
        if (current is null)
        {
            return candidate;
        }

        var byLicense = (candidate.License == preferredLicense).CompareTo(current.License == preferredLicense);
        if (byLicense != 0)
        {
            return byLicense > 0 ? candidate : current;
        }

        var byDate = candidate.ListedFrom.CompareTo(current.ListedFrom);
        if (byDate != 0)
        {
            return byDate < 0 ? candidate : current;
        }

        return string.CompareOrdinal(candidate.License, current.License) < 0 ? candidate : current;
    }
}
