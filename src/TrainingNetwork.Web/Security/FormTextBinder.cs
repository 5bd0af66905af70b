using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;
using TrainingNetwork.Domain.Validation;

namespace TrainingNetwork.Web.Security;

/// <summary>
/// Binds every string from a form, query or route as the framework does, then puts an error on that field when it holds
/// a character the field refuses (<see cref="TextInput.HasOnlyAllowedCharacters"/>): NUL and other control
/// characters, U+FFFD from invalid UTF-8, bidi and zero-width format characters. A property marked
/// <c>[DataType(DataType.MultilineText)]</c> (a textarea) may also hold tab, CR and LF; a password may hold format characters.
/// The value stays bound, so a handler that checks text itself refuses it too, and the form shows it again for editing.
/// </summary>
public sealed class FormTextBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.ModelType == typeof(string)
            ? new FormTextBinder(new SimpleTypeModelBinder(typeof(string), context.Services.GetRequiredService<ILoggerFactory>()))
            : null;

    private sealed class FormTextBinder(IModelBinder framework) : IModelBinder
    {
        public async Task BindModelAsync(ModelBindingContext bindingContext)
        {
            await framework.BindModelAsync(bindingContext);
            var metadata = bindingContext.ModelMetadata;
            if (bindingContext.Result.Model is string text && !TextInput.HasOnlyAllowedCharacters(text, KindOf(metadata)))
            {
                bindingContext.ModelState.TryAddModelError(
                    bindingContext.ModelName,
                    $"{metadata.DisplayName ?? metadata.Name ?? "This field"} contains characters that are not allowed. {TextInput.InvalidCharacters}");
            }
        }

        private static TextKind KindOf(ModelMetadata metadata) => metadata.DataTypeName switch
        {
            nameof(DataType.MultilineText) => TextKind.MultiLine,
            nameof(DataType.Password) => TextKind.Secret,
            _ => TextKind.SingleLine,
        };
    }
}
