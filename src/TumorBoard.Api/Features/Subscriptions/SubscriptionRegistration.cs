namespace TumorBoard.Api.Features.Subscriptions;

/// <summary>The subscriptions feature's services: options, the outbox writer, the sender and its HTTP client.</summary>
public static class SubscriptionRegistration
{
    public static IServiceCollection AddSubscriptions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.Configure<SubscriptionOptions>(configuration.GetSection(SubscriptionOptions.Section));
        services.AddSingleton<OutboxWriter>();
        services.AddSingleton<WebhookDelivery>();
        // No redirects: a receiver on an allowed host must not bounce the sender to a host that is not allowed.
        services.AddHttpClient(WebhookDelivery.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan);
        if (configuration.GetValue($"{SubscriptionOptions.Section}:SenderEnabled", true))
        {
            services.AddHostedService<WebhookSender>();
        }

        return services;
    }
}
