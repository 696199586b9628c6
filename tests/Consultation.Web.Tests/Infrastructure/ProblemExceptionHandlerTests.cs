using System.Text.Json;
using Consultation.Web.Infrastructure.Errors;
using Consultation.Web.Tests.Support;
using FluentValidation;
using FluentValidation.Results;
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

    [Theory]
    [InlineData("NetworkId", "networkId")]
    [InlineData("Details.Title", "details.title")]
    [InlineData("Text.NamedAuthorIds", "text.namedAuthorIds")]
    [InlineData("Text.PriorityCodes[2]", "text.priorityCodes[2]")]
    [InlineData("Items[0].UnitPrice", "items[0].unitPrice")]
    public async Task Invalid_fields_are_named_as_the_json_body_names_them(string propertyPath, string field)
    {
        await using var scope = apps.For(Engine.Sqlite).Services.CreateAsyncScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        http.Request.Method = "POST";
        http.Request.Path = "/api/nested";
        http.Response.Body = new MemoryStream();

        var handled = await ActivatorUtilities.CreateInstance<ProblemExceptionHandler>(scope.ServiceProvider)
            .TryHandleAsync(http, new ValidationException([new ValidationFailure(propertyPath, "Not valid.")]), TestContext.Current.CancellationToken);

        handled.ShouldBeTrue();
        http.Response.StatusCode.ShouldBe(StatusCodes.Status400BadRequest);
        http.Response.Body.Position = 0;
        using var problem = await JsonDocument.ParseAsync(http.Response.Body, cancellationToken: TestContext.Current.CancellationToken);
        problem.RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe([field]);
    }
}
