using Microsoft.AspNetCore.Identity;

namespace TrainingNetwork.Web.Data;

public sealed class ApplicationUser : IdentityUser
{
    public required string FullName { get; set; }
}
