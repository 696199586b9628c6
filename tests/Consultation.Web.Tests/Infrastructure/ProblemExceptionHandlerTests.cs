using Consultation.Web.Infrastructure.Errors;
using Consultation.Web.Tests.Support;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Consultation.Web.Tests.Infrastructure;

/// <summary>Exceptions that are the client's doing answer 4xx, not 500.</summary>
public sealed class ProblemExceptionHandlerTests(TestApps apps)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_bad_antiforgery_token_on_a_form_post_is_a_400(bool wrapped)
    {
        // Minimal APIs that read a form (IFormFile, IFormCollection) throw this when the middleware found the token invalid.
        var invalid = new AntiforgeryValidationException("The required antiforgery request token was not provided.");
        Exception thrown = wrapped ? new InvalidOperationException("Reading the form failed.", invalid) : invalid;
        await using var scope = apps.For(Engine.Sqlite).Services.CreateAsyncScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        http.Request.Method = "POST";
        http.Request.Path = "/api/upload";
        http.Response.Body = new MemoryStream();

        var handled = await ActivatorUtilities.CreateInstance<ProblemExceptionHandler>(scope.ServiceProvider)
            .TryHandleAsync(http, thrown, TestContext.Current.CancellationToken);

        handled.ShouldBeTrue();
        http.Response.StatusCode.ShouldBe(StatusCodes.Status400BadRequest);
    }
}
