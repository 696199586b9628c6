using Microsoft.AspNetCore.Identity;

namespace Consultation.Web.Infrastructure.Identity;

/// <summary>A person. The display name may be a pseudonym; the email address is never shown to other people.</summary>
public sealed class ApplicationUser : IdentityUser<Guid>
{
    public ApplicationUser() => Id = Guid.CreateVersion7();

    public string DisplayName { get; set; } = "";

    /// <summary>A culture name the interface is offered in: en, fr, es or ar.</summary>
    public string PreferredLanguage { get; set; } = "en";

    public DateTimeOffset CreatedAt { get; set; }
}
