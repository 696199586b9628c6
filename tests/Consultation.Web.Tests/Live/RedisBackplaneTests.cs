using Consultation.Web.Features.ApiClients;
using Consultation.Web.Tests.Connect;
using Consultation.Web.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;

namespace Consultation.Web.Tests.Live;

/// <summary>
/// Two instances of the platform over one database and one Redis server, as behind nginx: a change made through one
/// instance reaches a page connected to the other. Needs CONSULTATION_TEST_REDIS (host:port of a Redis server).
/// </summary>
public sealed class RedisBackplaneTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_push_from_one_instance_reaches_a_page_connected_to_another()
    {
        var redis = Environment.GetEnvironmentVariable("CONSULTATION_TEST_REDIS");
        Assert.SkipWhen(string.IsNullOrEmpty(redis), "CONSULTATION_TEST_REDIS is not set: no Redis server for the backplane");
        // A channel prefix of its own, so that parallel runs on the same Redis never hear each other.
        var backplane = $"{redis},channelPrefix=consultation-test-{Guid.NewGuid():N}";
        await using var first = new TestApp(Engine.Sqlite, new Dictionary<string, string> { ["Redis:Configuration"] = backplane });
        await using var second = new TestApp(Engine.Sqlite, new Dictionary<string, string>
        {
            ["Redis:Configuration"] = backplane,
            ["Database:ConnectionString"] = first.ConnectionString,
        });
        var admin = await first.CreatePersonAsync(twoFactor: true, admin: true);
        var person = await first.CreatePersonAsync();
        var clientId = await first.RegisterAppAsync(admin, "Shared notes");
        var tokens = await first.SignInAsync(person, clientId);
        await using var pageOnFirst = PersonalHubTests.Hub(first, tokens.AccessToken);
        var told = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        pageOnFirst.On<string>("ApplicationAccessEnded", name => told.TrySetResult(name));
        await pageOnFirst.StartAsync(Ct).WaitAsync(TimeSpan.FromSeconds(30), Ct);

        (await second.SendAsync(admin, new RemoveApiClient.Command(clientId))).ShouldBeTrue();

        (await told.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct)).ShouldBe("Shared notes");
    }
}
