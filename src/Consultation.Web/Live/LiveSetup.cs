using Microsoft.AspNetCore.SignalR;

namespace Consultation.Web.Live;

/// <summary>SignalR: the hubs, and a Redis backplane when "Redis:Configuration" is set (several instances behind nginx).</summary>
public static class LiveSetup
{
    public static IServiceCollection AddConsultationLive(this IServiceCollection services, IConfiguration configuration)
    {
        var signalR = services.AddSignalR();
        signalR.AddHubOptions<ThreadHub>(options => options.AddFilter<HubRateLimit>());
        services.AddSingleton<UpvoteTallyCoalescer>();
        if (configuration["Redis:Configuration"] is { Length: > 0 } redis)
        {
            signalR.AddStackExchangeRedis(redis, options => options.Configuration.ChannelPrefix = StackExchange.Redis.RedisChannel.Literal("consultation"));
        }
        return services;
    }

    public static IEndpointRouteBuilder MapConsultationHubs(this IEndpointRouteBuilder app)
    {
        // Stateful reconnect replays what a briefly dropped phone missed; clients still resynchronise (see DESIGN.md).
        app.MapHub<PersonalHub>("/hubs/personal", options => options.AllowStatefulReconnects = true);
        app.MapHub<ThreadHub>("/hubs/threads", options => options.AllowStatefulReconnects = true);
        return app;
    }
}
