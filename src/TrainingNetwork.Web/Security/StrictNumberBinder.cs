using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using TrainingNetwork.Domain.Validation;

namespace TrainingNetwork.Web.Security;

/// <summary>
/// Binds decimal, double and float form values strictly, in place of the framework's binder, which parses in the current
/// culture with thousands separators (so "3,7" became 37) and takes "NaN", "Infinity" and "1e400". A number is ASCII
/// digits with at most one decimal point (<see cref="PlainDecimal"/>), whatever the culture; no sign, exponent or
/// separator. Ranges stay with the field's [Range] or the page's own checks.
/// </summary>
public sealed class StrictNumberBinderProvider : IModelBinderProvider
{
    public const string UseDecimalPoint = "Use a decimal point, not a comma, and no thousands separators (for example 3.7 or 1000).";
    public const string DigitsOnly = "Enter a number using digits and at most one decimal point (for example 3.7).";
    public const string TooLarge = "Enter a smaller number.";

    private static readonly Type[] FloatingPointTypes = [typeof(decimal), typeof(double), typeof(float)];

    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        FloatingPointTypes.Contains(context.Metadata.UnderlyingOrModelType) ? new StrictNumberBinder() : null;

    private sealed class StrictNumberBinder : IModelBinder
    {
        public Task BindModelAsync(ModelBindingContext bindingContext)
        {
            var name = bindingContext.ModelName;
            var values = bindingContext.ValueProvider.GetValue(name);
            if (values == ValueProviderResult.None)
            {
                return Task.CompletedTask;
            }

            bindingContext.ModelState.SetModelValue(name, values);
            var metadata = bindingContext.ModelMetadata;
            var text = values.FirstValue?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                if (metadata.IsReferenceOrNullableType)
                {
                    bindingContext.Result = ModelBindingResult.Success(null);
                }
                else
                {
                    bindingContext.ModelState.TryAddModelError(name, metadata.ModelBindingMessageProvider.ValueMustNotBeNullAccessor(values.FirstValue ?? ""));
                }

                return Task.CompletedTask;
            }

            var (number, error) = Parse(text, metadata.UnderlyingOrModelType);
            if (error is not null)
            {
                bindingContext.ModelState.TryAddModelError(name, error);
            }

            // A refused optional number binds as empty beside its error: a failed element would end a bound array early
            // (Guided.TopicHours[0]), and the page would then index past its end.
            if (error is null || metadata.IsReferenceOrNullableType)
            {
                bindingContext.Result = ModelBindingResult.Success(number);
            }

            return Task.CompletedTask;
        }

        private static (object? Number, string? Error) Parse(string text, Type type)
        {
            if (text.Contains(',', StringComparison.Ordinal))
            {
                return (null, UseDecimalPoint);
            }

            if (!PlainDecimal.IsValid(text))
            {
                return (null, DigitsOnly);
            }

            if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            {
                return (null, TooLarge);
            }

            return (type == typeof(double) ? (double)value : type == typeof(float) ? (float)value : value, null);
        }
    }
}
