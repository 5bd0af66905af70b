using System.Collections.Frozen;

namespace TrainingNetwork.Domain.Readiness.Results;

/// <summary>Plain-language text for a reason code: a short title and what the physician can do next.</summary>
public sealed record ReasonText(string Title, string NextStep);

/// <summary>The texts the web UI shows beside a finding's citation. Every <see cref="ReasonCode"/> has one.</summary>
public static class ReasonTexts
{
    private static readonly FrozenDictionary<ReasonCode, ReasonText> Texts = new Dictionary<ReasonCode, ReasonText>
    {
        [ReasonCode.NotEligible] = new("This pathway is not open to you",
            "Use 10 CFR 35.390(b) instead, or become listed as an AU under 35.490 or 35.690 first."),
        [ReasonCode.AuStatusPending] = new("Your AU status is still pending",
            "You become eligible when the license or permit amendment lists you; upload it once issued."),
        [ReasonCode.ClassroomHours] = new("Not enough classroom and laboratory hours",
            "Complete and record the missing hours; hours are counted exactly, without rounding."),
        [ReasonCode.TopicMissing] = new("A required classroom topic has no hours",
            "Record training that covers this topic, with its clock hours and date."),
        [ReasonCode.TotalHours] = new("Not enough total training and experience hours",
            "Add classroom or supervised work-experience hours until the total reaches 700."),
        [ReasonCode.WorkElementMissing] = new("A work-experience element is not documented",
            "Record this element with its date and a supervisor who was a qualifying AU at the time."),
        [ReasonCode.CasesMin] = new("Fewer than three countable cases",
            "Log more supervised cases in this category, and ask the supervising AU to sign off the ones you have logged."),
        [ReasonCode.CasesSamePatient] = new("Cases come from fewer than three patients",
            "A reviewer will decide whether repeat administrations count; cases with more patients avoid the question."),
        [ReasonCode.CaseNotSignedOff] = new("Case not signed off",
            "Ask the supervising preceptor to sign the case off in the portal."),
        [ReasonCode.CaseNoParticipation] = new("Observation only",
            "Only cases where you took part in preparing and administering the dosage count."),
        [ReasonCode.CaseNoWrittenDirective] = new("Not a case: no written directive was required",
            "Diagnostic and low-activity administrations do not count; record therapeutic administrations."),
        [ReasonCode.CaseNotSection300] = new("Not a 35.300 case",
            "This use (e.g. Y-90 microspheres under 35.1000) does not count; record 35.300 administrations."),
        [ReasonCode.CaseWrongCategory] = new("Case in a category this pathway does not count",
            "The case may count on another pathway; record cases in the category you request."),
        [ReasonCode.SupervisorNotQualified] = new("Supervisor does not qualify for this pathway",
            "Cases must be supervised by an AU under the sections this pathway lists."),
        [ReasonCode.SupervisorCategory] = new("Supervisor not authorized for this category",
            "Have such cases supervised by an AU authorized for the case's category."),
        [ReasonCode.SupervisorNotAuOnDate] = new("Supervisor was not listed on the case date",
            "Check the supervisor's listing dates; cases count only while the supervisor was listed."),
        [ReasonCode.AttestationMissing] = new("No preceptor attestation",
            "Ask a qualifying preceptor AU (or residency program director) for a written attestation."),
        [ReasonCode.AttestationScope] = new("The attestation does not cover this category",
            "Ask the preceptor to attest for this category as well."),
        [ReasonCode.SelfAttestation] = new("You cannot attest for yourself",
            "Obtain the attestation from a qualifying preceptor AU other than yourself."),
        [ReasonCode.PreceptorNotQualified] = new("The attestor does not qualify",
            "Obtain the attestation from an AU under the sections this pathway lists."),
        [ReasonCode.PreceptorCategory] = new("The attestor lacks this category",
            "Obtain the attestation from an AU authorized for this category."),
        [ReasonCode.PreceptorLapsed] = new("The attestor's listing had ended",
            "A reviewer will decide; an attestation from a currently listed AU avoids the question."),
        [ReasonCode.Recentness] = new("Training or experience older than 7 years",
            "Record related continuing education and experience since, or repeat the training."),
        [ReasonCode.RecentnessCeReview] = new("Older training needs a review of your continuing education",
            "A reviewer will judge whether the recorded continuing education and experience suffice."),
        [ReasonCode.ThresholdBoundary] = new("Activity on the 1.22 GBq / 33 mCi boundary",
            "A reviewer will decide the category from the unit written on the directive."),
        [ReasonCode.CaseAfterEvaluationDate] = new("Case dated after the evaluation date",
            "Future-dated cases do not count; check the date."),
        [ReasonCode.CasesBeforeTraining] = new("Cases before classroom training",
            "No action needed: the rules set no order."),
        [ReasonCode.CategoryByRuleSet] = new("Category depends on the rule set",
            "No action needed; note that another jurisdiction's text may classify this nuclide differently."),
        [ReasonCode.OtherPathway] = new("Another pathway may fit",
            "Your cases and hours may carry over to the pathway named in the citation."),
        [ReasonCode.RuleTextUnverified] = new("Rule wording to be verified",
            "No action needed from you; staff verify the cited wording before filing."),
        [ReasonCode.SupervisorOtherLicense] = new("Supervisor listed on another license",
            "Confirm the supervisor was authorized at the facility where the case was done."),
        [ReasonCode.RouteNotIntravenous] = new("Non-intravenous parenteral route",
            "No action needed; a reviewer may check that the route is parenteral."),
        [ReasonCode.DiagnosticActivity] = new("Low, diagnostic-range activity",
            "The case counts; a reviewer may prefer therapy cases."),
        [ReasonCode.RemoteDelivery] = new("Training delivered remotely",
            "Make sure the provider documents clock hours and any laboratory components."),
        [ReasonCode.MultiplePreceptors] = new("Cases supervised by someone other than the attestor",
            "Confirm the attestor reviewed all evidence, or add an attestation from each supervising preceptor."),
        [ReasonCode.RecentnessBoundary] = new("Evidence exactly 7 years old",
            "It still counts today; it will not after today."),
        [ReasonCode.EntryAfterEvaluationDate] = new("Entries dated after the evaluation date",
            "Future-dated entries are not counted; check the dates."),
        [ReasonCode.RuleSetNotInEffect] = new("Rule set not in effect for this regulator",
            "Check which text of Part 35 your regulator applies."),
    }.ToFrozenDictionary();

    public static ReasonText For(ReasonCode code) => Texts[code];

    /// <summary>The text for a contract code such as "CASES_MIN"; null for an unknown code.</summary>
    public static ReasonText? For(string code) => ReasonCodes.Codes.TryParse(code, out var value) ? Texts[value] : null;
}
