namespace TumorBoard.Api.Features.Board;

/// <summary>The board pages: server-rendered Razor Pages under /board, their sign-in and their local CSS (no CDN, no front-end build).</summary>
public static class BoardRegistration
{
    public static IServiceCollection AddBoard(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddBoardAuth(configuration);
        services.AddScoped<Pages.ArmStatusForm>();
        services.AddRazorPages(pages =>
        {
            pages.RootDirectory = "/Features/Board/Pages";
            pages.Conventions.AuthorizeFolder("/", BoardAuth.Read);
            pages.Conventions.AllowAnonymousToPage("/SignIn");
            pages.Conventions.AllowAnonymousToPage("/Denied");
        });
        return services;
    }

    /// <summary>Static files before authentication, so no API authorization policy applies to the stylesheet.</summary>
    public static WebApplication UseBoardAssets(this WebApplication app)
    {
        app.UseStaticFiles();
        return app;
    }

    public static WebApplication MapBoard(this WebApplication app)
    {
        app.MapRazorPages();
        return app;
    }
}
