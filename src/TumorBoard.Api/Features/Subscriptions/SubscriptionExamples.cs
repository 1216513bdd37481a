namespace TumorBoard.Api.Features.Subscriptions;

/// <summary>OpenAPI examples of the subscription routes (synthetic values).</summary>
internal static class SubscriptionExamples
{
    public const string Request = """{"trialId": "NCI-MATCH", "armId": "E", "callbackUrl": "https://trials-office.example.org/tumorboard/events", "secret": "9b1f0c2e7d4a4f3e8c6b5a9d0e1f2a3b"}""";

    public const string Created = """{"subscriptionId": "01a22900-0000-7000-8000-000000000001"}""";

    public const string Subscription = """
        {"subscriptionId": "01a22900-0000-7000-8000-000000000001", "trialId": "NCI-MATCH", "armId": "E", "callbackUrl": "https://trials-office.example.org/tumorboard/events",
         "eventTypes": ["arm.match"], "active": true, "createdBy": "coordinator-1", "createdAt": "2026-12-03T09:00:00Z", "deactivatedAt": null, "deactivatedBy": null}
        """;

    public const string Deliveries = """
        [{"eventId": "01a22900-0000-7000-8000-0000000000e1", "type": "arm.match", "patientId": "01a225f9-45a0-7b96-b396-2e27c16df70f", "state": "delivered", "attempts": 2,
          "createdAt": "2026-12-03T09:05:00Z", "nextAttemptAt": null, "deliveredAt": "2026-12-03T09:05:10Z", "lastError": null,
          "attemptLog": [{"attempt": 1, "at": "2026-12-03T09:05:00Z", "statusCode": 503, "outcome": "retry", "error": "HTTP 503 Service Unavailable", "durationMs": 12},
                         {"attempt": 2, "at": "2026-12-03T09:05:10Z", "statusCode": 204, "outcome": "delivered", "error": null, "durationMs": 9}]}]
        """;
}
