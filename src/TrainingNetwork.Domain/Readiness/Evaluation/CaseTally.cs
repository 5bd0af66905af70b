using TrainingNetwork.Domain.Readiness.Catalogue;
using TrainingNetwork.Domain.Readiness.Results;
using TrainingNetwork.Domain.Readiness.Rules;

namespace TrainingNetwork.Domain.Readiness.Evaluation;

/// <summary>
/// Countable cases in one category under the strictest and the most generous reading: "definite" cases count whatever a person decides,
/// "possible" cases count under some reading (threshold band, unclassified product); patients are counted apart from administrations (Q5).
/// </summary>
internal sealed record CaseTally(int Definite, int Possible, int DefinitePatients, int PossiblePatients, bool ThresholdInvolved, bool UnsettledInvolved)
{
    public static CaseTally Count(IEnumerable<CaseAssessment> cases, CaseCategory category)
    {
        int definite = 0, possible = 0;
        bool threshold = false, unsettled = false;
        var definitePatients = new HashSet<string>(StringComparer.Ordinal);
        var possiblePatients = new HashSet<string>(StringComparer.Ordinal);
        foreach (var assessment in cases)
        {
            if (!assessment.MayCountFor(category))
            {
                continue;
            }

            possible++;
            possiblePatients.Add(assessment.PatientKey);
            if (assessment.CountsFor(category))
            {
                definite++;
                definitePatients.Add(assessment.PatientKey);
            }
            else
            {
                threshold |= assessment.Classification.OnThresholdBoundary;
                unsettled |= !assessment.Classification.OnThresholdBoundary;
            }
        }

        return new CaseTally(definite, possible, definitePatients.Count, possiblePatients.Count, threshold, unsettled);
    }

    /// <summary>Met, unmet (CASES_MIN), or a review naming the reading that decides it.</summary>
    public IReadOnlyList<Finding> Judge(Requirement requirement, string label)
    {
        var minimum = (int)requirement.Minimum;
        if (DefinitePatients >= minimum)
        {
            return [];
        }

        if (Possible < minimum)
        {
            return [new Finding(ReasonCode.CasesMin, requirement.Citation, $"{Definite} of {minimum} required {label} cases")];
        }

        var review = new List<Finding>();
        if (Definite < minimum && ThresholdInvolved)
        {
            review.Add(new Finding(ReasonCode.ThresholdBoundary, requirement.Citation,
                $"{Definite} definite {label} cases; cases in the 1220-1221 MBq band complete {minimum} under one unit reading and not under the other",
                NeedsReview: true));
        }

        if (Definite < minimum && UnsettledInvolved)
        {
            review.Add(new Finding(ReasonCode.CasesMin, requirement.Citation,
                $"{Definite} of {minimum} {label} cases are settled; {Possible - Definite} more count only if a reviewer classifies their product as {label}",
                NeedsReview: true));
        }

        if (PossiblePatients < minimum || (Definite >= minimum && DefinitePatients < minimum))
        {
            var patients = Definite >= minimum ? DefinitePatients : PossiblePatients;
            review.Add(new Finding(ReasonCode.CasesSamePatient, requirement.Citation,
                $"{Possible} {label} administrations but {patients} distinct patients: QUALIFIED if each administration is a case, NOT_QUALIFIED if a case is a patient (Q5)",
                NeedsReview: true));
        }

        return review;
    }
}
