using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Consultation.Web.Infrastructure.Web;

/// <summary>Bound from "RateLimits": submissions allowed per client IP address in each window.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    public int WindowSeconds { get; set; } = 60;

    public int SignIn { get; set; } = 10;

    public int Registration { get; set; } = 5;

    public int PasswordReset { get; set; } = 5;

    public int Posting { get; set; } = 30;
}

/// <summary>
/// Named limiter policies for endpoints and pages ([EnableRateLimiting(RateLimits.SignIn)] or
/// .RequireRateLimiting(RateLimits.Posting)). A refusal is a bare 429: API callers get problem details and browsers
/// the /Error/429 page from the status code middleware.
/// </summary>
public static class RateLimits
{
    public const string SignIn = "sign-in";
    public const string Registration = "registration";
    public const string PasswordReset = "password-reset";
    public const string Posting = "posting";

    public static IServiceCollection AddConsultationRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RateLimitOptions>(configuration.GetSection(RateLimitOptions.Section));
        services.AddRateLimiter(options => options.RejectionStatusCode = StatusCodes.Status429TooManyRequests);
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((options, configured) =>
        {
            var limits = configured.Value;
            var window = TimeSpan.FromSeconds(limits.WindowSeconds);
            PerClientAddress(options, SignIn, limits.SignIn, window);
            PerClientAddress(options, Registration, limits.Registration, window);
            PerClientAddress(options, PasswordReset, limits.PasswordReset, window);
            PerClientAddress(options, Posting, limits.Posting, window);
        });
        return services;
    }

    // Reading a form costs nothing: only submissions count, so a person who opens the page twice is not refused.
    static void PerClientAddress(RateLimiterOptions options, string policy, int permits, TimeSpan window) =>
        options.AddPolicy(policy, http => HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
            ? RateLimitPartition.GetNoLimiter("reading")
            : RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 }));
}
