using System.Data.Common;

namespace CollectiveLedger.Tests;

/// <summary><c>AddWithValue</c> on either engine's raw connection (<see cref="TestLedger.Connect"/>).</summary>
internal static class DbParameters
{
    public static void AddWithValue(this DbParameterCollection parameters, string name, object? value)
    {
        switch (parameters)
        {
            case Microsoft.Data.Sqlite.SqliteParameterCollection sqlite: sqlite.AddWithValue(name, value ?? DBNull.Value); break;
            case Npgsql.NpgsqlParameterCollection postgres: postgres.AddWithValue(name.TrimStart('$', '@', ':'), value ?? DBNull.Value); break;
            default: throw new NotSupportedException(parameters.GetType().Name);
        }
    }
}
