using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using TumorBoard.Api.Infrastructure;

namespace TumorBoard.Api.Features.Auth;

public sealed record DevTokenRequest(string Subject, IReadOnlyList<string> Roles);

public sealed record DevTokenResponse(string AccessToken);

public sealed class DevTokenRequestValidator : AbstractValidator<DevTokenRequest>
{
    public DevTokenRequestValidator()
    {
        RuleFor(r => r.Subject).NotEmpty().MaximumLength(128);
        RuleFor(r => r.Roles).NotEmpty();
        RuleForEach(r => r.Roles).Must(r => Roles.All.Contains(r)).WithMessage("Unknown role '{PropertyValue}'; use ingest, board, trials or admin.");
    }
}

/// <summary>Development-only token minting, so the Swagger UI and curl walkthroughs work without an identity provider.</summary>
public static class DevTokenApi
{
    public static IEndpointRouteBuilder MapDevToken(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/auth/dev-token", Issue)
            .WithTags("Auth")
            .WithSummary("Mint a token for a subject and roles (Development environment only)")
            .WithExample(ApiExamples.DevToken, StatusCodes.Status200OK, null)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .AddEndpointFilter<ValidationFilter<DevTokenRequest>>()
            .AllowAnonymous();
        return routes;
    }

    private static Ok<DevTokenResponse> Issue(DevTokenRequest request, TokenIssuer issuer) =>
        TypedResults.Ok(new DevTokenResponse(issuer.Issue(request.Subject, request.Roles)));
}
