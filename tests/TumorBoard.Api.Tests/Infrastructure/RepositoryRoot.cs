namespace TumorBoard.Api.Tests.Infrastructure;

/// <summary>The checkout the tests run from: the folder above the test assembly that holds TumorBoard.sln.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "TumorBoard.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("TumorBoard.sln not found above " + AppContext.BaseDirectory);
    }
}
