namespace Jtai.Inspectorate.Intelligence;

public sealed record IntelligenceView(
    Guid Id, string SharedBy, string LocalAreaCode, string LocalAreaName, string Kind, string Programme, string What,
    DateOnly ObservedOn, string RecordedBy, string RecordedByName, IReadOnlyList<string> Agencies, DateTimeOffset SharedAt,
    DateTimeOffset? ReceivedAt)
{
    public static IntelligenceView From(AreaIntelligence i) => new(i.Id, i.SharedBy, i.LocalAreaCode, i.LocalAreaName, i.Kind, i.Programme,
        i.What, i.ObservedOn, i.RecordedBy, i.RecordedByName, i.Agencies, i.SharedAt, i.ReceivedAt);
}

public sealed record IntelligenceReadView(string LocalAreaCode, string ReaderId, string ReaderName, string ReaderInspectorate,
    string ReaderRoles, int Records, DateTimeOffset ReadAt)
{
    public static IntelligenceReadView From(IntelligenceRead r) =>
        new(r.LocalAreaCode, r.ReaderId, r.ReaderName, r.ReaderInspectorate, r.ReaderRoles, r.Records, r.ReadAt);
}
