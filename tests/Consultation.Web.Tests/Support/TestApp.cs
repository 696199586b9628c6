using System.Security.Claims;
using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Identity;
using Mediator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Consultation.Web.Tests.Support;

/// <summary>
/// The whole platform on a real Kestrel port over a real database: a fresh SQLite file, or a fresh PostgreSQL
/// database that is dropped afterwards. One instance per engine is shared by the test assembly (see TestApps), so
/// tests keep apart by creating their own people and objects.
/// </summary>
public sealed class TestApp : WebApplicationFactory<Program>
{
    readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "consultation-tests", Guid.NewGuid().ToString("N"));
    readonly string? postgresDatabase;
    readonly string connectionString;
    readonly IReadOnlyDictionary<string, string> settings;
    readonly SemaphoreSlim creatingRole = new(1, 1);

    /// <param name="settings">Configuration for this app only, e.g. a low "RateLimits:SignIn" for the test that proves 429.</param>
    public TestApp(Engine engine, IReadOnlyDictionary<string, string>? settings = null)
    {
        Engine = engine;
        this.settings = settings ?? new Dictionary<string, string>();
        Directory.CreateDirectory(dataDirectory);
        if (engine == Engine.Postgres)
        {
            postgresDatabase = "consultation_test_" + Guid.NewGuid().ToString("N")[..12];
            connectionString = CreatePostgresDatabase(postgresDatabase);
        }
        else
        {
            connectionString = $"Data Source={Path.Combine(dataDirectory, "consultation.db")}";
        }
        UseKestrel(0);
        StartServer();
        BaseAddress = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public Engine Engine { get; }

    /// <summary>The address of the real server, for HTTP clients, SignalR and the browser.</summary>
    public Uri BaseAddress { get; }

    public string DataDirectory => dataDirectory;

    /// <summary>This app's database, for a second instance that shares it (scale-out tests).</summary>
    public string ConnectionString => connectionString;

    /// <summary>The platform's clock; tests move it forward to expire tokens and lockouts.</summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("DataDirectory", dataDirectory);
        builder.UseSetting("Database:Provider", Engine == Engine.Sqlite ? "Sqlite" : "Postgres");
        builder.UseSetting("Database:ConnectionString", connectionString);
        // Every test calls from the same address: the shared app's limits stay out of the way.
        foreach (var limit in new[] { "SignIn", "Registration", "PasswordReset", "Posting" })
        {
            builder.UseSetting($"RateLimits:{limit}", "100000");
        }
        // Tests arrange rows straight in the tables, which no cache hears of; SearchCacheTests turns it on.
        builder.UseSetting("Search:CacheSeconds", "0");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddTestSignIn();
        });
    }

    /// <summary>An HTTP client against the real server that does not follow redirects and keeps cookies.</summary>
    public HttpClient Client(TestPerson? person = null)
    {
        // Our own handler: with Kestrel, the factory's client follows redirects whatever its options say.
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new() })
        {
            BaseAddress = BaseAddress,
            // A safety net, not an assertion: generous, since CI runs every suite at once on two cores.
            Timeout = TimeSpan.FromSeconds(120),
        };
        if (person is not null)
        {
            client.DefaultRequestHeaders.Add(TestSignIn.Header, person.Id.ToString());
        }
        return client;
    }

    /// <summary>Sends a command through the whole pipeline as this person (or anonymously), as an endpoint would.</summary>
    public Task<T> SendAsync<T>(TestPerson? person, ICommand<T> command) => AsAsync(person, sender => sender.Send(command));

    /// <summary>Sends a query through the whole pipeline as this person (or anonymously).</summary>
    public Task<T> SendAsync<T>(TestPerson? person, IQuery<T> query) => AsAsync(person, sender => sender.Send(query));

    async Task<T> AsAsync<T>(TestPerson? person, Func<ISender, ValueTask<T>> send)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext = new DefaultHttpContext
        {
            RequestServices = scope.ServiceProvider,
            User = person is null ? new ClaimsPrincipal(new ClaimsIdentity()) : TestSignIn.Principal(person.Id),
        };
        return await send(scope.ServiceProvider.GetRequiredService<ISender>());
    }

    /// <summary>Creates a confirmed person directly through Identity (the Accounts tests cover the real flow).</summary>
    public async Task<TestPerson> CreatePersonAsync(string? displayName = null, bool twoFactor = false, bool admin = false)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var id = Guid.CreateVersion7();
        var email = $"person-{id:N}@example.org";
        var user = new ApplicationUser
        {
            Id = id,
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            TwoFactorEnabled = twoFactor,
            DisplayName = displayName ?? "Person " + id.ToString("N")[^6..],
            CreatedAt = Clock.GetUtcNow(),
        };
        const string password = "correct horse battery staple";
        Check(await users.CreateAsync(user, password));
        if (admin)
        {
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole<Guid>>>();
            // Tests run in parallel: only one may create the role.
            await creatingRole.WaitAsync();
            try
            {
                if (!await roles.RoleExistsAsync(AccessRules.AdminRole))
                {
                    Check(await roles.CreateAsync(new IdentityRole<Guid>(AccessRules.AdminRole) { Id = Guid.CreateVersion7() }));
                }
            }
            finally
            {
                creatingRole.Release();
            }
            Check(await users.AddToRoleAsync(user, AccessRules.AdminRole));
        }
        return new TestPerson(id, email, password, user.DisplayName);
    }

    static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }

    static string CreatePostgresDatabase(string name)
    {
        var server = BothEnginesAttribute.PostgresConnectionString!;
        using (var connection = new NpgsqlConnection(server))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            command.ExecuteNonQuery();
        }
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(BothEnginesAttribute.PostgresConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{postgresDatabase}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a lingering connection is left for the OS to clean from the temp folder.
        }
    }
}

public sealed record TestPerson(Guid Id, string Email, string Password, string DisplayName);
