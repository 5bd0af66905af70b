using Microsoft.AspNetCore.Identity.UI.Services;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace TrainingNetwork.Web.Setup;

public static class EmailSetup
{
    /// <summary>
    /// Every outgoing message is written as a JSON file into <c>Email:PickupDirectory</c>, by default
    /// <c>Path.Combine(Path.GetTempPath(), "trainingnetwork-mail")</c>. This is the only sender for now; SMTP delivery
    /// (MailKit, reading <c>Email:SmtpHost</c>/<c>Email:SmtpPort</c>) comes with a later issue.
    /// </summary>
    public static void AddTrainingNetworkEmail(this WebApplicationBuilder builder)
    {
        var directory = builder.Configuration["Email:PickupDirectory"];
        builder.Services.AddSingleton(services => new PickupFolderEmailSender(
            string.IsNullOrWhiteSpace(directory) ? PickupFolderEmailSender.DefaultDirectory : directory,
            services.GetRequiredService<TimeProvider>()));

        // Identity UI registers a sender that discards messages; this one replaces it.
        builder.Services.Replace(ServiceDescriptor.Singleton<IEmailSender>(services => services.GetRequiredService<PickupFolderEmailSender>()));
    }
}
