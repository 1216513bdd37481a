using System.Diagnostics.CodeAnalysis;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace TumorBoard.Persistence;

/// <summary>Lets <c>dotnet ef</c> build the model without the API host or a running database.</summary>
[SuppressMessage("Performance", "CA1812:Avoid uninstantiated internal classes", Justification = "dotnet ef finds and creates it by reflection.")]
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<TumorBoardDbContext>
{
    public TumorBoardDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<TumorBoardDbContext>();
        DatabaseSetup.Configure(options, "Host=localhost;Database=tumorboard;Username=tumorboard");
        return new TumorBoardDbContext(options.Options);
    }
}
