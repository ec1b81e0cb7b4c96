namespace Bot.Tests.Support;

/// <summary>A fact that needs PostgreSQL binaries; skipped with the reason when they are not installed.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresCluster.BinDirectory is null)
        {
            Skip = "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb); install postgresql-15 to run the multi-host tests";
        }
    }
}
