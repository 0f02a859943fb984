namespace Jtai.Contracts.Events;

/// <summary>
/// Every message about an inspection carries its id, so each service's message log can be read
/// per inspection (the operations flow view) without knowing each message's shape.
/// </summary>
public interface IInspectionMessage
{
    Guid InspectionId { get; }
}
