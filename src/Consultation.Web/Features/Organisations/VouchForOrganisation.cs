using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Audit;
using Consultation.Web.Infrastructure.Database;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Localization;

namespace Consultation.Web.Features.Organisations;

/// <summary>
/// A representative of a verified organisation vouches for a pending one; the second vouch from a verified
/// organisation verifies it. Both are audited.
/// </summary>
public static class VouchForOrganisation
{
    /// <param name="OrganisationId">The verified organisation that vouches (the caller represents it).</param>
    /// <param name="VouchedOrganisationId">The pending organisation vouched for.</param>
    public sealed record Command(Guid OrganisationId, Guid VouchedOrganisationId) : ICommand<Result>, IOrganisationRepresentativeRequest;

    public sealed record Body(Guid VoucherOrganisationId);

    public enum Result { Vouched, VouchedAndVerified, AlreadyVouched, NotPending }

    public const int VouchesNeeded = 2;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<OrganisationTerms> text) =>
            RuleFor(c => c.VouchedOrganisationId).NotEqual(c => c.OrganisationId).WithMessage(_ => text["An organisation cannot vouch for itself."]);
    }

    public sealed class Handler(Db db, AuditLog audit, Caller caller, TimeProvider clock) : ICommandHandler<Command, Result>
    {
        const string VoucherIsVerified = "SELECT 1 FROM organisation WHERE id = @OrganisationId AND status = 'verified'";
        const string StatusSql = "SELECT status FROM organisation WHERE id = @VouchedOrganisationId";
        const string Insert = """
            INSERT INTO organisation_vouch (organisation_id, voucher_organisation_id, vouched_by, at)
            VALUES (@VouchedOrganisationId, @OrganisationId, @UserId, @Now)
            ON CONFLICT (organisation_id, voucher_organisation_id) DO NOTHING
            """;
        // Only vouches from organisations verified now count: a suspended voucher's word no longer does.
        const string CountVouches = """
            SELECT COUNT(*) FROM organisation_vouch v JOIN organisation o ON o.id = v.voucher_organisation_id
            WHERE v.organisation_id = @VouchedOrganisationId AND o.status = 'verified'
            """;

        public async ValueTask<Result> Handle(Command command, CancellationToken ct)
        {
            if (!await db.ExistsAsync(VoucherIsVerified, command, ct))
            {
                throw new AccessDeniedException("Only verified organisations may vouch for others.");
            }
            // The lock makes two simultaneous vouches count each other, so the second one verifies.
            if (!await db.LockOrganisationAsync(command.VouchedOrganisationId, ct))
            {
                throw new NotFoundException("The organisation");
            }
            if (await db.ExecuteScalarAsync<string>(StatusSql, command, ct) != "pending")
            {
                return Result.NotPending;
            }
            var now = clock.GetUtcNow();
            if (await db.ExecuteAsync(Insert, new { command.OrganisationId, command.VouchedOrganisationId, UserId = caller.RequiredUserId, Now = now }, ct) == 0)
            {
                return Result.AlreadyVouched;
            }
            await audit.RecordAsync("organisation.vouched", "organisation", command.VouchedOrganisationId, new { voucher = command.OrganisationId }, ct);
            if (await db.ExecuteScalarAsync<int>(CountVouches, command, ct) < VouchesNeeded
                || !await db.VerifyPendingAsync(command.VouchedOrganisationId, now, ct))
            {
                return Result.Vouched;
            }
            await audit.RecordAsync("organisation.verified", "organisation", command.VouchedOrganisationId, new { by = "vouches" }, ct);
            return Result.VouchedAndVerified;
        }
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder organisations) =>
        organisations.MapPost("/{organisationId:guid}/vouches", async (Guid organisationId, Body body, ISender sender, CancellationToken ct) =>
                await sender.Send(new Command(body.VoucherOrganisationId, organisationId), ct) switch
                {
                    Result.Vouched => Results.Ok(new { verified = false }),
                    Result.VouchedAndVerified => Results.Ok(new { verified = true }),
                    Result.AlreadyVouched => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Your organisation has already vouched for this one."),
                    _ => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Only a pending organisation can be vouched for."),
                })
            .WithName("VouchForOrganisation")
            .WithSummary("A verified organisation vouches for a pending one; two vouches verify it.");
}
