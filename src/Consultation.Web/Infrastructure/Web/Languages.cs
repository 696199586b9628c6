using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.WebEncoders;

namespace Consultation.Web.Infrastructure.Web;

/// <summary>The interface languages. A person's choice is kept in a cookie; otherwise the browser's is used.</summary>
public static class Languages
{
    public static readonly string[] Supported = ["en", "fr", "es", "ar"];

    public static IServiceCollection AddConsultationLocalisation(this IServiceCollection services)
    {
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = Supported.Select(CultureInfo.GetCultureInfo).ToList();
            options.DefaultRequestCulture = new RequestCulture("en");
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            options.ApplyCurrentCultureToResponseHeaders = true;
        });
        // Razor otherwise writes every non-Latin letter as an entity (&#x627;): Arabic pages would be four times larger.
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        return services;
    }

    public static bool IsRightToLeft => CultureInfo.CurrentUICulture.TextInfo.IsRightToLeft;

    /// <summary>POST /language: remembers the choice for a year and goes back to the page it came from.</summary>
    public static IEndpointConventionBuilder MapLanguageSwitch(this IEndpointRouteBuilder app) =>
        app.MapPost("/language", (HttpContext http, [Microsoft.AspNetCore.Mvc.FromForm] string culture, [Microsoft.AspNetCore.Mvc.FromForm] string? returnUrl) =>
        {
            if (!Supported.Contains(culture))
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["culture"] = ["Choose one of: " + string.Join(", ", Supported)] });
            }
            Remember(http, culture);
            // IsLocalUrl also refuses "/\\host" and "//host", which browsers follow to another site.
            return Results.LocalRedirect(RedirectHttpResult.IsLocalUrl(returnUrl) ? returnUrl! : "/");
        }).WithName("SwitchLanguage").ExcludeFromDescription();

    /// <summary>Keeps the interface language for a year (the language switch, and sign-in with the person's preference).</summary>
    public static void Remember(HttpContext http, string culture) =>
        http.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps });
}
