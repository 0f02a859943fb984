using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Jtai.ServiceDefaults.Problems;

/// <summary>
/// A request body that knows its own rules of form (required fields, lengths, allowed values).
/// The rules sit beside the record, and the lengths are the EF configuration's constants, so a
/// value the API accepts always fits its column.
/// </summary>
public interface IValidatedRequest
{
    void Validate(RequestErrors errors);
}

public static class RequestValidation
{
    /// <summary>
    /// Runs <see cref="IValidatedRequest.Validate"/> on every bound request of the endpoints (or
    /// group) before the handler: a request that breaks a rule of form is answered 400 with a
    /// validation problem naming each field, and the handler never sees it. Endpoints that bind no
    /// such request get no filter at all.
    /// </summary>
    public static TBuilder ValidateRequests<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.AddEndpointFilterFactory((factory, next) =>
        {
            var validated = factory.MethodInfo.GetParameters()
                .Where(p => typeof(IValidatedRequest).IsAssignableFrom(p.ParameterType))
                .Select(p => p.Position).ToArray();
            if (validated.Length == 0) return next;
            return async context =>
            {
                var errors = new RequestErrors();
                foreach (var position in validated)
                    (context.Arguments[position] as IValidatedRequest)?.Validate(errors);
                return errors.Any ? TypedResults.ValidationProblem(errors.ToDictionary()) : await next(context);
            };
        });
        return builder;
    }
}
