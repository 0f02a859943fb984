using Jtai.Messaging.Data;
using Jtai.Testing;
using Npgsql;
using Xunit;

namespace Jtai.Platform.Tests.Foundation;

/// <summary>
/// The outbox relay's bookkeeping commits without waiting for the disk, and only it: the setting
/// lasts for the batch's own transaction, so the pooled connection's next user (a request storing an
/// inspection, a consumer recording a message) commits durably again.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class AsynchronousCommitTests(PlatformFixture fixture)
{
    [Fact]
    public async Task The_statement_commits_asynchronously_and_the_connection_commits_durably_afterwards()
    {
        var database = new NpgsqlConnectionStringBuilder(fixture.Platform.Databases["orchestrator"]).Database!;
        await using var connection = new NpgsqlConnection(fixture.Infrastructure.ConnectionAs(Infrastructure.RuntimeRole("orchestrator"), database));
        await connection.OpenAsync();

        await using (var batch = AsynchronousCommit.Batch(connection, new NpgsqlBatchCommand(
            "SELECT current_setting('synchronous_commit'), (SELECT count(*) FROM outbox_messages WHERE published_at IS NULL) >= 0")))
        await using (var reader = await batch.ExecuteReaderAsync())
        {
            await reader.NextResultAsync();
            Assert.True(await reader.ReadAsync());
            Assert.Equal("off", reader.GetString(0));
        }

        await using var after = new NpgsqlCommand("SELECT current_setting('synchronous_commit')", connection);
        Assert.Equal("on", (string?)await after.ExecuteScalarAsync());
    }
}
