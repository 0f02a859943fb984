namespace Jtai.Contracts.Events;

/// <summary>
/// An attempt to deliver a notice is due: the first one when the notice is queued (through the
/// outbox, with the change that caused it), each retry from a deadline row. Only the service named
/// <see cref="Service"/> holds the delivery row and acts on it.
/// </summary>
public sealed record NoticeDeliveryDue(Guid InspectionId, Guid DeliveryId, string Service, int Attempt, DateTimeOffset At) : IInspectionMessage;

/// <summary>
/// A notice's delivery changed state: <c>queued</c>, <c>sent</c> (the channel accepted it),
/// <c>retried</c> (an attempt failed and another is scheduled) or <c>failed</c> (no attempt left).
/// Staff and operations follow failed deliveries from these; <see cref="Attempts"/> orders them.
/// </summary>
public sealed record NoticeDeliveryChanged(
    Guid InspectionId,
    Guid DeliveryId,
    string Service,
    string Notice,
    string Regarding,
    string RecipientRole,
    string RecipientAddress,
    string State,
    int Attempts,
    string? Error,
    DateTimeOffset At) : IInspectionMessage;
