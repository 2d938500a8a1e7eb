using Microsoft.Data.Sqlite;

namespace KetamineFaqBot.Storage.Sqlite;

/// <summary>One write inside the writer's current transaction; its commands must be made here.</summary>
internal sealed class SqliteWrite(SqliteConnection connection, SqliteTransaction transaction)
{
    public SqliteCommand Command(string sql) => connection.Command(sql, transaction);
}
