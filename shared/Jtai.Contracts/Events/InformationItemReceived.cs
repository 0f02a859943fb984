namespace Jtai.Contracts.Events;

/// <summary>
/// Ofsted's secure information exchange received one item of the Annex A information request
/// (a child-level list, a document filed against its number, the answers about the 30 children,
/// the lead's selections). ItemKey is one of <see cref="InformationRequests.AnnexAItems"/>' keys;
/// Agency is who provided it (a partner agency, or "ofsted" for the lead's selections); Version
/// counts re-uploads of the same item by the same agency (1 = first). The orchestrator keeps the
/// checklist from these; no child-level data travels in this message.
/// </summary>
public sealed record InformationItemReceived(
    Guid InspectionId,
    string ItemKey,
    string Agency,
    string ReceivedBy,
    DateTimeOffset ReceivedAt,
    int Version,
    string Summary) : IInspectionMessage;
