using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Database;
using Consultation.Web.Infrastructure.Identity;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Consultation.Web.Features.Accounts;

/// <summary>
/// Deletes the signed-in person after they re-enter their password. Memberships and roles go with them (foreign keys
/// cascade); audit entries stay, as an id that no longer names anyone. Refused while the person is the only
/// representative of an organisation, which would otherwise be left with nobody to act for it.
/// </summary>
public static class DeleteMyAccount
{
    public sealed record Command(string Password) : ICommand<Result>, ISignedInRequest;

    public enum Outcome { Deleted, SoleRepresentative }

    /// <summary>When refused, the organisations that need another representative first.</summary>
    public sealed record Result(Outcome Outcome, IReadOnlyList<string> SoleRepresentativeOf);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Password).NotEmpty().MaximumLength(200);
    }

    public sealed class Handler(
        UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, Db db, Caller caller, IStringLocalizer<AccountText> text)
        : ICommandHandler<Command, Result>
    {
        const string SoleRepresentativeSql = """
            SELECT o.name FROM organisation_member m JOIN organisation o ON o.id = m.organisation_id
            WHERE m.user_id = @UserId AND m.role = 'representative'
              AND NOT EXISTS (SELECT 1 FROM organisation_member other
                              WHERE other.organisation_id = m.organisation_id AND other.role = 'representative'
                                AND other.user_id <> @UserId)
            ORDER BY o.name
            """;
        const string DeleteSql = """DELETE FROM "AspNetUsers" WHERE "Id" = @UserId""";

        public async ValueTask<Result> Handle(Command c, CancellationToken ct)
        {
            var person = await users.SignedInPersonAsync(caller);
            if (!await users.CheckPasswordAsync(person, c.Password))
            {
                throw AccountRules.Invalid(nameof(Command.Password), text["That password is not right."]);
            }
            var sole = await db.QueryAsync<string>(SoleRepresentativeSql, new { UserId = person.Id }, ct);
            if (sole.Count > 0)
            {
                return new(Outcome.SoleRepresentative, sole);
            }
            await db.ExecuteAsync(DeleteSql, new { UserId = person.Id }, ct);
            await signIn.SignOutAsync();
            return new(Outcome.Deleted, []);
        }
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder account) =>
        account.MapDelete("/", async ([Microsoft.AspNetCore.Mvc.FromBody] Command command, ISender sender, CancellationToken ct) =>
                await sender.Send(command, ct) is { Outcome: Outcome.SoleRepresentative } refused
                    ? Results.Problem(
                        statusCode: StatusCodes.Status409Conflict,
                        title: "You are the only representative of an organisation. Make someone else a representative first.",
                        extensions: new Dictionary<string, object?> { ["organisations"] = refused.SoleRepresentativeOf })
                    : Results.NoContent())
            .WithName("DeleteMyAccount")
            .WithSummary("Deletes the signed-in person's account; the password is asked again.");
}
