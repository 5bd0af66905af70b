using TrainingNetwork.Domain.Readiness.Records;
using TrainingNetwork.Domain.Readiness.Results;
using TrainingNetwork.Domain.Readiness.Rules;

namespace TrainingNetwork.Domain.Readiness.Evaluation;

/// <summary>EP-3: the supervising AU must meet the pathway's sections, for the category, on the date of the supervised work.</summary>
internal static class SupervisionCheck
{
    public static (StandingCheck Standing, Finding? Problem) Check(
        EvaluationContext context, string supervisorId, Func<Authorization, bool> covers, string categoryLabel, DateOnly date, string license)
    {
        var citation = context.Book.SupervisionCitation;
        var supervisor = context.FindPreceptor(supervisorId);
        if (supervisor is null)
        {
            return (new StandingCheck(Standing.NoQualifyingBasis, null),
                new Finding(ReasonCode.SupervisorNotQualified, citation, $"supervisor {supervisorId} is not among the record's preceptors"));
        }

        var standing = AuthorizationRules.Check(supervisor.Authorizations, context.Book.SupervisorBases, covers, date, license);
        var sections = context.SupervisorSections;
        Finding? problem = standing.Standing switch
        {
            Standing.Qualified => null,
            Standing.NoQualifyingBasis => new Finding(ReasonCode.SupervisorNotQualified, citation,
                $"{supervisor.Id} is not an AU under {sections} (or Agreement State equivalent)"),
            Standing.CategoryNotCovered => new Finding(ReasonCode.SupervisorCategory, citation,
                $"{supervisor.Id} is an AU under {sections} but not for {categoryLabel}"),
            _ => new Finding(ReasonCode.SupervisorNotAuOnDate, citation,
                $"{supervisor.Id} was not listed as an AU for {categoryLabel} on {EvaluationContext.Day(date)} ({standing.Standing})"),
        };
        return (standing, problem);
    }
}
