using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Consultation.Web.Infrastructure.Identity;

/// <summary>
/// The EF Core store behind ASP.NET Core Identity, OpenIddict and the Data Protection key ring, and the only EF Core
/// context in the platform.
/// Its tables are created by the scripts in db/, never by EF migrations; a test checks that both agree.
/// </summary>
public sealed class IdentityStore(DbContextOptions<IdentityStore> options)
    : IdentityDbContext<ApplicationUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.UseOpenIddict<Guid>();
        builder.Entity<ApplicationUser>(user =>
        {
            user.Property(u => u.DisplayName).HasMaxLength(100).IsRequired();
            user.Property(u => u.PreferredLanguage).HasMaxLength(10).IsRequired();
        });
    }
}
