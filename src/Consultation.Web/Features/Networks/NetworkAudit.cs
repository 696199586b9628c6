namespace Consultation.Web.Features.Networks;

/// <summary>The names under which network changes appear in the audit log (object type "network").</summary>
public static class NetworkAudit
{
    public const string ObjectType = "network";
    public const string Created = "network.created";
    public const string MembershipApproved = "network.membership.approved";
    public const string MembershipDeclined = "network.membership.declined";
    public const string MemberLeft = "network.member.left";
    public const string MemberRemoved = "network.member.removed";
    public const string OrganiserGranted = "network.organiser.granted";
    public const string OrganiserRevoked = "network.organiser.revoked";
}
