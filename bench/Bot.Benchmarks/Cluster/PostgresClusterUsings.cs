// PostgresCluster.cs is compiled here from the tests (see the .csproj), where xunit's namespace is imported globally.
global using IAsyncLifetime = Xunit.IAsyncLifetime;
