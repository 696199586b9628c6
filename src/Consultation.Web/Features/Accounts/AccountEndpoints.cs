using Mediator;

namespace Consultation.Web.Features.Accounts;

/// <summary>The account API; people use the pages under /Accounts for the same use cases.</summary>
public static class AccountEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var account = api.MapGroup("/account").WithTags("Account");
        Register.Map(account);
        RequestPasswordReset.Map(account);
        ResetPassword.Map(account);
        ExportMyData.Map(account);
        DeleteMyAccount.Map(account);
    }

    /// <summary>
    /// A command whose answer must not say whether an address has an account: always 202 Accepted, and the outcome
    /// goes to the address by email.
    /// </summary>
    internal static RouteHandlerBuilder MapAcceptedPost<TCommand>(this RouteGroupBuilder account, string pattern)
        where TCommand : ICommand =>
        account.MapPost(pattern, async (TCommand command, ISender sender, CancellationToken ct) =>
        {
            await sender.Send(command, ct);
            return Results.Accepted();
        });
}
