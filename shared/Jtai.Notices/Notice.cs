namespace Jtai.Notices;

/// <summary>
/// Something the guidance says is sent to someone (a notification, an issue of concern, a letter):
/// its kind (the GOV.UK Notify template it uses), what it is about (<see cref="Regarding"/>, e.g.
/// "issue-of-concern/{id}", so its feature finds its deliveries), to whom, and its words.
/// </summary>
public sealed record Notice(
    string Kind,
    Guid InspectionId,
    string Regarding,
    NoticeRecipient To,
    string Subject,
    string Body,
    IReadOnlyDictionary<string, string>? Personalisation = null);

/// <summary>The person a notice is for: their role in the guidance's words, name if known, and e-mail address.</summary>
public sealed record NoticeRecipient(string Role, string? Name, string Address);

/// <summary>A kind of notice a service sends; each needs a GOV.UK Notify template id when Notify is the channel.</summary>
public sealed record NoticeKind(string Name);

/// <summary>Kinds of notice another service reacts to (the orchestrator meets the notification milestone on their delivery).</summary>
public static class NoticeKinds
{
    /// <summary>Each inspectorate's notice of the inspection to its own leaders (¶16–17).</summary>
    public const string InspectionNotification = "inspection-notification";
}
