using System.Text.Json;
using Consultation.Web.Infrastructure.Access;
using FluentValidation;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Consultation.Web.Infrastructure.Errors;

/// <summary>
/// Turns the pipeline's refusals into RFC 9457 problem responses: 400 field by field or for a bad antiforgery token,
/// 401, 403 and 404.
/// Anything else is a 500 without details.
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        ProblemDetails problem = exception switch
        {
            ValidationException invalid => new ValidationProblemDetails(invalid.Errors
                .GroupBy(e => Camel(e.PropertyName))
                .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray()))
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The request has invalid fields.",
            },
            // A minimal-API form post whose antiforgery token is missing or forged reads the form after the middleware
            // found it invalid: the client's mistake (or an attack), not ours.
            AntiforgeryValidationException or { InnerException: AntiforgeryValidationException } =>
                new() { Status = StatusCodes.Status400BadRequest, Title = "The form's security token is missing or not valid. Reload the page and try again." },
            BadHttpRequestException bad => new() { Status = StatusCodes.Status400BadRequest, Title = "The request could not be read.", Detail = bad.Message },
            NotSignedInException => new() { Status = StatusCodes.Status401Unauthorized, Title = exception.Message },
            AccessDeniedException => new() { Status = StatusCodes.Status403Forbidden, Title = exception.Message },
            NotFoundException => new() { Status = StatusCodes.Status404NotFound, Title = exception.Message },
            _ => new() { Status = StatusCodes.Status500InternalServerError, Title = "Something went wrong on our side." },
        };
        if (problem.Status == StatusCodes.Status500InternalServerError)
        {
            logger.LogError(exception, "Unhandled exception on {Method} {Path}", http.Request.Method, http.Request.Path);
        }
        http.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new() { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>
    /// A FluentValidation property path as the JSON body names it: every dotted segment camel-cased, indexers kept
    /// ("Text.NamedAuthorIds[0]" is "text.namedAuthorIds[0]"), so clients can find the field they sent.
    /// </summary>
    static string Camel(string path) =>
        string.Join('.', path.Split('.').Select(segment => JsonNamingPolicy.CamelCase.ConvertName(segment)));
}
