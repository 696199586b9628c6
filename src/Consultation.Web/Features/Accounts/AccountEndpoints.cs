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
}
