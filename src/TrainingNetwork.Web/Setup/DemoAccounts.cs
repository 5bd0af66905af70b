namespace TrainingNetwork.Web.Setup;

/// <summary>The sign-ins of the Development demo network. Never seeded outside Development.</summary>
public static class DemoAccounts
{
    public const string Password = "demo-network-2026";

    public const string Admin = "admin@trainingnetwork.test";
    public const string Staff = "staff@trainingnetwork.test";
    public const string SecondStaff = "staff2@trainingnetwork.test";
    public const string Coordinator = "coordinator.gateway@trainingnetwork.test";
    public const string Preceptor = "preceptor1.gateway@trainingnetwork.test";
    public const string Trainee = "trainee14@trainingnetwork.test";

    /// <summary>
    /// The authenticator key (base32) of every demo preceptor, public like the password: add it to an authenticator app to
    /// produce the codes that signing an attestation asks for.
    /// </summary>
    public const string PreceptorAuthenticatorKey = "TRAININGNETWORKDEMOPRECEPTORKEYS";

    /// <summary>One sign-in per role, as printed at startup and listed on the Development login page.</summary>
    public static readonly IReadOnlyList<(string Role, string Email)> OnePerRole =
    [
        ("Trainee (physician)", Trainee),
        ("Preceptor", Preceptor),
        ("Center coordinator", Coordinator),
        ("Network staff", Staff),
        ("Admin", Admin),
    ];
}
