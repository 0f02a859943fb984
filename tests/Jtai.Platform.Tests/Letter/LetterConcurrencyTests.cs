using System.Net;
using System.Net.Http.Json;
using Npgsql;
using static Jtai.Platform.Tests.Evidence.EvidenceSteps;
using Xunit;

namespace Jtai.Platform.Tests.Letter;

/// <summary>
/// The lead's edit against a change saved to the letter while the edit runs. A delivery recorded meanwhile (the DCS received the
/// draft, ¶82) is a machine's record: it does not refuse the edit. Another person's change meanwhile (a quality assurance check,
/// ¶80) does: 409 letter-changed. The change holds the letter's row until the edit has read the letter and waits to save it, so
/// the race is the same on every run.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class LetterConcurrencyTests(PlatformFixture fixture)
{
    private Testing.Platform Platform => fixture.Platform;

    [Fact]
    public async Task A_delivery_recorded_while_the_lead_saves_an_edit_does_not_refuse_it_but_another_persons_change_does()
    {
        var agreed = await Platform.AgreedFindings("E08000047", "Stockport", ["police"]);
        var letter = $"/api/orchestrator/inspections/{agreed.InspectionId}/letter";
        using var lead = await Platform.As(agreed.Lead);
        await (await lead.PostJson(letter, LetterSteps.DraftRequest(area: agreed.Area))).Expect(HttpStatusCode.Created);
        var at = new DateTimeOffset(2026, 1, 5, 10, 0, 0, TimeSpan.Zero);

        var edited = await (await EditWhile(lead, letter, agreed.InspectionId, baseVersion: 1, at,
            "UPDATE letters SET draft_delivered_at = @at WHERE inspection_id = @id")).Expect(HttpStatusCode.OK);
        Assert.Equal(2, edited["currentVersion"]!.GetValue<int>());
        // The edit was saved over the delivery, not instead of it.
        Assert.Equal(at, edited["draftDeliveredAt"]!.GetValue<DateTimeOffset>());

        var refused = await (await EditWhile(lead, letter, agreed.InspectionId, baseVersion: 2, at,
            "UPDATE letters SET qa_checked_version = current_version, qa_checked_by = 'another-qa-manager', qa_checked_at = @at WHERE inspection_id = @id"))
            .ExpectProblem(HttpStatusCode.Conflict);
        Assert.Equal("letter-changed", refused["rule"]!.GetValue<string>());
        var stored = await (await lead.GetAsync(letter)).Expect(HttpStatusCode.OK);
        Assert.Equal(2, stored["currentVersion"]!.GetValue<int>());
        Assert.Equal(at, stored["draftDeliveredAt"]!.GetValue<DateTimeOffset>());
    }

    /// <summary>
    /// Makes <paramref name="change"/> to the letter's row in a transaction held open, sends the lead's edit, waits until the edit
    /// (which read the letter before the change) is blocked saving it, then commits the change and returns the edit's answer.
    /// </summary>
    private async Task<HttpResponseMessage> EditWhile(HttpClient lead, string letter, Guid inspectionId, int baseVersion, DateTimeOffset at, string change)
    {
        var database = new NpgsqlConnectionStringBuilder(Platform.Databases["orchestrator"]) { Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var update = new NpgsqlCommand(change, connection, transaction))
        {
            update.Parameters.AddWithValue("id", inspectionId);
            update.Parameters.AddWithValue("at", at);
            Assert.Equal(1, await update.ExecuteNonQueryAsync());
        }
        var edit = lead.PutAsync(letter, JsonContent.Create(new
        {
            baseVersion, note = $"Edited from version {baseVersion}", mainFindings = new[] { $"Thresholds are applied consistently (version {baseVersion + 1})." },
        }, options: Api.Json));
        await Testing.Platform.WaitUntil(() => EditWaitsOnTheLetter(database), TimeSpan.FromSeconds(60), "the lead's edit to wait on the letter's row");
        await transaction.CommitAsync();
        return await edit;
    }

    private static async Task<bool> EditWaitsOnTheLetter(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var waiting = new NpgsqlCommand("""
            SELECT count(*) FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ~* 'update\s+"?letters"?\s'
            """, connection);
        return (long)(await waiting.ExecuteScalarAsync())! > 0;
    }
}
