using System.Security.Cryptography;

namespace Consultation.Web.Features.Organisations;

/// <summary>
/// The secret in an invitation link. Only its SHA-256 is stored: 256 random bits need no salt or slow hash, and a
/// leaked database cannot be used to accept an invitation.
/// </summary>
public static class InvitationToken
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);

    public static string New() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));

    static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
