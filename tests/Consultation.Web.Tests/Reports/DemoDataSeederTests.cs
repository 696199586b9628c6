using Consultation.Web.Infrastructure.Database;
using Consultation.Web.Infrastructure.Seeding;
using Consultation.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Consultation.Web.Tests.Reports;

public sealed class DemoDataSeederTests
{
    [Theory, BothEngines]
    public async Task Seeds_the_requested_counts_then_refuses_a_database_that_has_consultations(Engine engine)
    {
        // A platform of its own: the shared ones already hold other tests' consultations.
        await using var app = new TestApp(engine);
        var connections = app.Services.GetRequiredService<ConnectionFactory>();
        var options = new DemoDataSeeder.Options(Submissions: 50, Comments: 200, Consultations: 3, Organisations: 20, Seed: 7);
        var ct = TestContext.Current.CancellationToken;

        (await DemoDataSeeder.SeedAsync(connections, app.Clock, options, TextWriter.Null, ct)).ShouldBe(DemoDataSeeder.SeedResult.Seeded);

        (await app.ScalarAsync<long>("SELECT COUNT(*) FROM consultation")).ShouldBe(3);
        (await app.ScalarAsync<long>("SELECT COUNT(*) FROM organisation")).ShouldBe(20);
        (await app.ScalarAsync<long>("SELECT COUNT(*) FROM submission")).ShouldBe(50);
        (await app.ScalarAsync<long>("SELECT COUNT(*) FROM comment")).ShouldBe(200);
        (await app.ScalarAsync<long>("SELECT COUNT(*) FROM comment WHERE parent_id IS NOT NULL")).ShouldBeGreaterThan(0);
        (await app.ScalarAsync<long>("SELECT COUNT(*) FROM submission s WHERE thread_sequence <> (SELECT COUNT(*) FROM comment c WHERE c.submission_id = s.id)")).ShouldBe(0);
        (await app.ScalarAsync<long>("SELECT COUNT(*) FROM submission_signatory WHERE role = 'lead'")).ShouldBe(50);

        (await DemoDataSeeder.SeedAsync(connections, app.Clock, options, TextWriter.Null, ct)).ShouldBe(DemoDataSeeder.SeedResult.RefusedNotEmpty);
        (await app.ScalarAsync<long>("SELECT COUNT(*) FROM submission")).ShouldBe(50);
    }
}
