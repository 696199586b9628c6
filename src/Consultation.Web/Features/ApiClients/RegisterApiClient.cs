using System.Security.Cryptography;
using System.Text.Json.Serialization;
using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Audit;
using Consultation.Web.Infrastructure.Identity;
using FluentValidation;
using Mediator;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Consultation.Web.Features.ApiClients;

/// <summary>
/// An admin registers an application that may use the API: a public client (an app people sign in to, with the
/// authorization code flow, PKCE and explicit consent) or a confidential integration (client credentials, whose secret
/// is shown exactly once and stored only as a hash).
/// </summary>
public static class RegisterApiClient
{
    [JsonConverter(typeof(JsonStringEnumConverter<Kind>))]
    public enum Kind { Public, Confidential }

    public sealed record Command(
        string DisplayName,
        Kind ClientKind,
        IReadOnlyList<string>? RedirectUris,
        IReadOnlyList<string>? PostLogoutRedirectUris) : ICommand<Result>, IPlatformAdminRequest;

    /// <summary>ClientSecret is set for confidential clients only, and is never retrievable again.</summary>
    public sealed record Result(Guid Id, string ClientId, string? ClientSecret);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.DisplayName).NotEmpty().MaximumLength(100);
            RuleFor(c => c.ClientKind).IsInEnum();
            When(c => c.ClientKind == Kind.Public, () =>
                RuleFor(c => c.RedirectUris).NotEmpty().WithMessage("A public client needs at least one redirect URI."));
            When(c => c.ClientKind == Kind.Confidential, () =>
            {
                RuleFor(c => c.RedirectUris).Empty().WithMessage("An integration using client credentials has no redirect URIs.");
                RuleFor(c => c.PostLogoutRedirectUris).Empty().WithMessage("An integration using client credentials has no sign-out redirect URIs.");
            });
            RuleFor(c => c.RedirectUris).Must(BeSafeRedirects!).When(c => c.RedirectUris is not null).WithMessage(UnsafeRedirect);
            RuleFor(c => c.PostLogoutRedirectUris).Must(BeSafeRedirects!).When(c => c.PostLogoutRedirectUris is not null).WithMessage(UnsafeRedirect);
        }

        const string UnsafeRedirect =
            "Each address must be absolute, without a fragment, and use https (http only for localhost or 127.0.0.1); at most 10.";

        static bool BeSafeRedirects(IReadOnlyList<string> uris) => uris.Count <= 10 && uris.All(IsSafeRedirect);

        // Codes travel in the redirect, so they go only over TLS, or to a native app listening on this machine (RFC 8252).
        public static bool IsSafeRedirect(string uri) =>
            Uri.TryCreate(uri, UriKind.Absolute, out var parsed)
            && string.IsNullOrEmpty(parsed.Fragment)
            && (parsed.Scheme == Uri.UriSchemeHttps
                || parsed.Scheme == Uri.UriSchemeHttp && parsed.Host is "localhost" or "127.0.0.1" or "[::1]");
    }

    public sealed class Handler(IOpenIddictApplicationManager applications, AuditLog audit) : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command c, CancellationToken ct)
        {
            var clientId = "client-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
            var secret = c.ClientKind == Kind.Confidential ? Base64Url(RandomNumberGenerator.GetBytes(32)) : null;
            var descriptor = c.ClientKind == Kind.Public ? PublicClient(c) : Integration(secret!);
            descriptor.ClientId = clientId;
            descriptor.DisplayName = c.DisplayName.Trim();

            // OpenIddict writes through EF Core, so it goes before the audit entry (see conventions: EF before Dapper on SQLite).
            var application = await applications.CreateAsync(descriptor, ct);
            var id = Guid.Parse((await applications.GetIdAsync(application, ct))!);
            await audit.RecordAsync("api-client.registered", "api_client", id,
                new { clientId, descriptor.DisplayName, kind = c.ClientKind.ToString(), redirectUris = c.RedirectUris ?? [] }, ct);
            return new Result(id, clientId, secret);
        }

        static OpenIddictApplicationDescriptor PublicClient(Command c)
        {
            var descriptor = new OpenIddictApplicationDescriptor
            {
                ClientType = ClientTypes.Public,
                ConsentType = ConsentTypes.Explicit,
                Permissions =
                {
                    Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession,
                    Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken, Permissions.ResponseTypes.Code,
                    Permissions.Scopes.Profile, Permissions.Scopes.Email, Permissions.Prefixes.Scope + OpenIdConnectSetup.ApiScope,
                },
                Requirements = { Requirements.Features.ProofKeyForCodeExchange },
            };
            foreach (var uri in c.RedirectUris ?? [])
            {
                descriptor.RedirectUris.Add(new Uri(uri));
            }
            foreach (var uri in c.PostLogoutRedirectUris ?? [])
            {
                descriptor.PostLogoutRedirectUris.Add(new Uri(uri));
            }
            return descriptor;
        }

        static OpenIddictApplicationDescriptor Integration(string secret) => new()
        {
            ClientType = ClientTypes.Confidential,
            ClientSecret = secret,
            Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials, Permissions.Prefixes.Scope + OpenIdConnectSetup.ApiScope },
        };

        static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder clients) =>
        clients.MapPost("/", async (Command command, ISender sender, HttpResponse response, CancellationToken ct) =>
            {
                var result = await sender.Send(command, ct);
                // No Location (clients are read only as a list), and no cache may keep the one response with the secret.
                response.Headers.CacheControl = "no-store";
                return Results.Created((string?)null, result);
            })
            .WithName("RegisterApiClient")
            .WithSummary("Registers an API client; a confidential client's secret is in this response only.");
}
