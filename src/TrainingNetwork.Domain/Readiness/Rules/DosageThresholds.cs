namespace TrainingNetwork.Domain.Readiness.Rules;

/// <summary>Activity limits for oral sodium iodide I-131, in MBq (35.40(a), 35.390(b)(1)(ii)(G)(1)-(2), au-rules.md Q3/Q15).</summary>
public static class DosageThresholds
{
    /// <summary>35.40(a): a written directive is required above 1.11 MBq (30 µCi).</summary>
    public const decimal WrittenDirectiveAboveMbq = 1.11m;

    /// <summary>1.22 GBq: at or below is (G)(1).</summary>
    public const decimal G1MaximumMbq = 1220m;

    /// <summary>33 mCi = 1221 MBq: between this and 1.22 GBq the two units of the rule disagree.</summary>
    public const decimal ThirtyThreeMillicurieMbq = 1221m;

    /// <summary>Portal policy (Q15): at or below 5 mCi an oral I-131 case looks diagnostic; it counts but is flagged.</summary>
    public const decimal DiagnosticLookingAtOrBelowMbq = 185m;
}
