using System.Globalization;
using Npgsql;

namespace Jtai.Messaging.Inbox;

/// <summary>
/// A handler's whole effect as one data-modifying SQL statement, made part of the inbox's own statement
/// (<see cref="InboxStatementConsumer{TMessage}"/>). It acts only when the message is new here, by reading
/// the mark's <c>recorded</c> (<c>WHERE EXISTS (SELECT FROM recorded)</c>), and returns a row for each row it
/// changes (<c>RETURNING 1</c>). Its interpolated values become parameters, as with EF's ExecuteSqlAsync.
/// </summary>
public sealed class InboxEffect
{
    public InboxEffect(FormattableString statement)
    {
        if (!statement.Format.Contains("recorded", StringComparison.Ordinal))
            throw new ArgumentException("An inbox effect acts only on a new message: it reads the mark's \"recorded\".", nameof(statement));
        var values = statement.GetArguments();
        Parameters = values.Select((value, i) => new NpgsqlParameter($"effect{i}", value ?? DBNull.Value)).ToList();
        Sql = string.Format(CultureInfo.InvariantCulture, statement.Format, values.Select((_, i) => (object)$"@effect{i}").ToArray());
    }

    /// <summary>The statement, its values replaced by parameters @effect0, @effect1, ...</summary>
    public string Sql { get; }

    internal IReadOnlyList<NpgsqlParameter> Parameters { get; }
}
