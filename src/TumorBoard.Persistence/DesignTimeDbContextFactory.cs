using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace TumorBoard.Persistence;

/// <summary>Lets <c>dotnet ef</c> build the model without the API host or a running database.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<TumorBoardDbContext>
{
    public TumorBoardDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<TumorBoardDbContext>();
        DatabaseSetup.Configure(options, "Host=localhost;Database=tumorboard;Username=tumorboard");
        return new TumorBoardDbContext(options.Options);
    }
}
