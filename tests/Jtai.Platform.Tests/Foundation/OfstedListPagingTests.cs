using Jtai.Ofsted.Data;
using Jtai.Ofsted.InformationExchange;
using Jtai.Ofsted.IssuesOfConcern;
using Jtai.Ofsted.SharedRecord;
using Jtai.Platform.Tests.InformationRequests;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static Jtai.Platform.Tests.Evidence.EvidenceSteps;

namespace Jtai.Platform.Tests.Foundation;

/// <summary>
/// Ofsted's own lists of an inspection (the exchange's uploads, documents and audit log, the shared evidence record, the issues of
/// concern) come a page at a time in their own orders, each row once; a bad limit or cursor is a 400 naming the field.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class OfstedListPagingTests(PlatformFixture fixture)
{
    private Testing.Platform Platform => fixture.Platform;

    private static readonly DateTimeOffset Start = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);

    private static string Key(Guid id) => id.ToString("N");

    private async Task Seed(params object[] rows)
    {
        await using var scope = Platform.Services("ofsted").CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OfstedDbContext>();
        db.AddRange(rows);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task The_exchanges_uploads_documents_and_audit_log_keep_their_orders_across_pages()
    {
        var lead = new Member("pg-ofsted-lead", "ofsted", "lead-inspector");
        var id = await Platform.InspectionWithTeam("E06000064", "Paging", lead);

        // Lists 2 and 1, three versions and two, the latest of each current.
        var uploads = new (int List, int Version)[] { (2, 1), (2, 2), (1, 1), (1, 2), (1, 3) }.Select(u => new AnnexAUpload
        {
            Id = Guid.NewGuid(), InspectionId = id, ListNumber = (short)u.List, Version = u.Version, FileName = $"list{u.List}-v{u.Version}.csv",
            Format = "csv", SizeBytes = 10, Sha256 = new string('a', 64), Agency = "local-authority", UploadedBy = "pg-la", UploadedAt = Start,
            SupersededAt = (u.List, u.Version) is (2, 2) or (1, 3) ? null : Start,
        }).ToList();
        // Two documents share kind, item and version (two children's case records): the id orders them.
        var documents = new (string Kind, string Item, int Version, string? Child)[] { ("performance", "1.1", 1, null), ("performance", "1.1", 2, null),
            ("case-record", "chronology", 1, "child-1"), ("case-record", "chronology", 1, "child-2"), ("audit-list", "audits-last-6-months", 1, null) }
            .Select(d => new InformationDocument
        {
            Id = Guid.NewGuid(), InspectionId = id, Kind = d.Kind, Item = d.Item, Version = d.Version, ChildId = d.Child, Agency = "local-authority",
            FileName = "document.pdf", ContentType = "application/pdf", SizeBytes = 3, Sha256 = new string('b', 64), Content = [1, 2, 3],
            UploadedBy = "pg-la", UploadedAt = Start,
        }).ToList();
        var reads = Enumerable.Range(0, 5).Select(i => new ChildDataRead
        {
            InspectionId = id, UserId = $"pg-reader-{i}", UserName = "Reader", Role = "inspector", What = "case-selection", Detail = "30 children", At = Start,
        }).ToList();
        await Seed([.. uploads, .. documents]);
        foreach (var read in reads) await Seed(read); // one at a time: the log's order is the order written

        using var client = await Platform.As(lead);
        var listed = await client.Walk($"{Exchange.Base(id)}/annex-a/uploads");
        Assert.Equal(uploads.OrderBy(u => u.ListNumber).ThenByDescending(u => u.Version).Select(u => u.Id), listed.Ids());
        await client.RefusesBadPaging($"{Exchange.Base(id)}/annex-a/uploads");

        var expectedDocuments = documents.OrderBy(d => d.Kind, StringComparer.Ordinal).ThenBy(d => d.Item, StringComparer.Ordinal)
            .ThenByDescending(d => d.Version).ThenBy(d => Key(d.Id), StringComparer.Ordinal).Select(d => d.Id);
        Assert.Equal(expectedDocuments, (await client.Walk($"{Exchange.Base(id)}/documents")).Ids());
        await client.RefusesBadPaging($"{Exchange.Base(id)}/documents");

        // The log holds the seeded reads in the order written (reading the exchange's lists above logged nothing child-level).
        var log = await client.Walk($"{Exchange.Base(id)}/audit-log");
        Assert.Equal(reads.Select(r => r.UserId), log.Select(e => e["userId"]!.GetValue<string>()).Where(u => u.StartsWith("pg-reader-", StringComparison.Ordinal)));
        await client.RefusesBadPaging($"{Exchange.Base(id)}/audit-log");
    }

    [Fact]
    public async Task The_shared_record_and_the_issues_of_concern_come_in_the_order_written_with_their_filters()
    {
        var lead = new Member("pg-ofsted-lead-2", "ofsted", "lead-inspector");
        var id = await Platform.InspectionWithTeam("E06000065", "Paging", lead);
        int[] seconds = [0, 60, 60, 120, 180];
        var entries = seconds.Select((s, i) => new SharedEntry
        {
            Id = Guid.NewGuid(), InspectionId = id, Kind = i % 2 == 0 ? SharedEntryKinds.TeamMeetingNotes : SharedEntryKinds.KitMeetingNotes,
            AuthorId = lead.UserId, AuthorName = "Lead", AuthorInspectorate = "ofsted", Text = "Notes.", MeetingAt = Start, CreatedAt = Start.AddSeconds(s),
        }).ToList();
        var issues = seconds.Select((s, i) => new IssueOfConcern
        {
            Id = Guid.NewGuid(), InspectionId = id, Category = "other-serious-concern", Description = "Seen on a visit.", Agency = "police",
            SeniorOfficerName = "Officer", SeniorOfficerRole = "Superintendent", SeniorOfficerEmail = "officer@example.org", RaisedBy = lead.UserId,
            RaisedByName = "Lead", RaisedByInspectorate = "ofsted", RaisedAt = Start.AddSeconds(s), ClosedAt = i == 1 ? Start.AddHours(1) : null,
        }).ToList();
        await Seed([.. entries, .. issues]);

        using var client = await Platform.As(lead);
        var path = $"/api/ofsted/shared-record/inspections/{id}/entries";
        var expected = entries.OrderBy(e => e.CreatedAt).ThenBy(e => Key(e.Id), StringComparer.Ordinal).ToList();
        Assert.Equal(expected.Select(e => e.Id), (await client.Walk(path)).Ids());
        Assert.Equal(expected.Where(e => e.Kind == SharedEntryKinds.KitMeetingNotes).Select(e => e.Id),
            (await client.Walk($"{path}?kind={SharedEntryKinds.KitMeetingNotes}")).Ids());
        await client.RefusesBadPaging(path);

        var concerns = $"/api/ofsted/issues-of-concern/inspections/{id}";
        var raised = issues.OrderBy(i => i.RaisedAt).ThenBy(i => Key(i.Id), StringComparer.Ordinal).ToList();
        Assert.Equal(raised.Select(i => i.Id), (await client.Walk(concerns)).Ids());
        Assert.Equal(raised.Where(i => i.ClosedAt is null).Select(i => i.Id), (await client.Walk($"{concerns}/kit-follow-up")).Ids());
        await client.RefusesBadPaging(concerns);
        await client.RefusesBadPaging($"{concerns}/kit-follow-up");
    }
}
