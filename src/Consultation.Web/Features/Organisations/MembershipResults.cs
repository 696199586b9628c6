namespace Consultation.Web.Features.Organisations;

/// <summary>The API's answer to a membership change: 204, 404, or 409 when it would leave no representative.</summary>
public static class MembershipResults
{
    public const string LastRepresentative = "An organisation must keep at least one representative. Make someone else a representative first.";

    public static IResult ToHttp(MembershipChange change) => change switch
    {
        MembershipChange.Done => Results.NoContent(),
        MembershipChange.LastRepresentative => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: LastRepresentative),
        _ => Results.NotFound(),
    };
}
