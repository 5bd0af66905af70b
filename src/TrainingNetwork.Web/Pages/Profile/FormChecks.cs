using Microsoft.AspNetCore.Mvc.ModelBinding;
using TrainingNetwork.Domain.Centers;
using TrainingNetwork.Domain.Validation;

namespace TrainingNetwork.Web.Pages.Profile;

/// <summary>The domain's checks of typed text, reported next to the field they concern.</summary>
public static class FormChecks
{
    public static void CheckText(this ModelStateDictionary modelState, string key, string? value, int maxLength)
    {
        if (TextInput.Problem(value, maxLength) is { } problem)
        {
            modelState.AddModelError(key, problem);
        }
    }

    public static void CheckState(this ModelStateDictionary modelState, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value) && !UsState.IsValid(value))
        {
            modelState.AddModelError(key, "Choose a state from the list.");
        }
    }
}
