namespace Jtai.Contracts.Events;

/// <summary>
/// An inspector raised a serious issue of concern (¶70–71): the named senior officer of the agency
/// must be notified at once, and the lead inspector told. Carries no child's details, only the
/// category and who is to be notified; the record itself stays in Ofsted's service.
/// </summary>
public sealed record IssueOfConcernRaised(
    Guid InspectionId,
    Guid IssueId,
    string Category,
    string Agency,
    string SeniorOfficerName,
    string SeniorOfficerRole,
    string RaisedBy,
    DateTimeOffset At) : IInspectionMessage;
