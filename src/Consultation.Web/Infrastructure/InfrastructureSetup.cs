using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Audit;
using Consultation.Web.Infrastructure.Database;
using Consultation.Web.Infrastructure.Email;
using Consultation.Web.Infrastructure.Errors;
using Consultation.Web.Infrastructure.Housekeeping;
using Consultation.Web.Infrastructure.Idempotency;
using Consultation.Web.Infrastructure.Identity;
using Consultation.Web.Infrastructure.Pipeline;
using Consultation.Web.Infrastructure.Text;
using Consultation.Web.Infrastructure.Web;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Consultation.Web.Infrastructure;

public static class InfrastructureSetup
{
    public static IServiceCollection AddConsultationInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        DapperTypeHandlers.Register();
        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.Section));
        services.PostConfigure<DatabaseOptions>(options =>
        {
            if (string.IsNullOrWhiteSpace(options.ConnectionString))
            {
                options.ConnectionString = $"Data Source={Path.Combine(DataDirectory(configuration), "consultation.db")}";
            }
        });
        services.AddSingleton<ConnectionFactory>();
        services.AddSingleton<DatabaseMigrator>();
        services.AddScoped<Db>();
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddScoped<Caller>();
        services.AddScoped<AccessRules>();
        services.AddScoped<AuditLog>();
        services.AddScoped<PublicLinks>();
        services.AddSingleton<MarkdownRenderer>();
        services.Configure<EmailOptions>(configuration.GetSection(EmailOptions.Section));
        services.PostConfigure<EmailOptions>(options =>
            options.PickupDirectory ??= Path.Combine(DataDirectory(configuration), "outbox"));

        services.AddDbContext<IdentityStore>((provider, options) =>
        {
            var connections = provider.GetRequiredService<ConnectionFactory>();
            if (connections.Dialect == Dialect.Sqlite)
            {
                options.UseSqlite(connections.ConnectionString);
            }
            else
            {
                options.UseNpgsql(connections.ConnectionString);
            }
            options.UseOpenIddict<Guid>();
        });

        services.AddValidatorsFromAssemblyContaining<Program>(includeInternalTypes: true);
        services.AddConsultationMediator();
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddHostedService<Housekeeping.Housekeeping>();
        services.AddScoped<IHousekeepingTask, IdempotentRequestPruning>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        services.AddConsultationRateLimits(configuration);
        return services;
    }

    /// <summary>Where a single-machine install keeps its files (the SQLite database, the email outbox): "DataDirectory", default data/.</summary>
    public static string DataDirectory(IConfiguration configuration) => configuration["DataDirectory"] ?? "data";

    /// <summary>Brings the schema up to date; `--migrate-only` stops after this.</summary>
    public static void MigrateDatabase(this IServiceProvider services) =>
        services.GetRequiredService<DatabaseMigrator>().Migrate();
}
