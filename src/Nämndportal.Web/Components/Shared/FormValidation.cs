using FluentValidation;

namespace Nämndportal.Web.Components.Shared;

/// <summary>
/// Runs the use case's own FluentValidation validator inside a MudForm, field by field, so the form shows
/// exactly the messages the handler would give.
/// </summary>
public static class FormValidation
{
    public static Func<object, string, Task<IEnumerable<string>>> For<T>(IValidator<T> validator) =>
        async (model, propertyName) =>
        {
            var result = await validator.ValidateAsync(ValidationContext<T>.CreateWithOptions((T)model, options => options.IncludeProperties(propertyName)));
            return result.IsValid ? [] : result.Errors.Select(e => e.ErrorMessage);
        };
}
