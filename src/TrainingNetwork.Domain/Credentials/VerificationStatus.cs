namespace TrainingNetwork.Domain.Credentials;

/// <summary>Staff check a listing against the uploaded license page; a second, different staff member confirms it.</summary>
public enum VerificationStatus
{
    Unverified,
    FirstCheckDone,
    Verified,
    Rejected,
}
