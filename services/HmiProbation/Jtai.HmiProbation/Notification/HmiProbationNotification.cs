using Jtai.Inspectorate.Notification;

namespace Jtai.HmiProbation.Notification;

/// <summary>
/// HMI Probation notifies the leaders of the services it inspects in the area (programme note ¶2): the head of the
/// youth justice service (the youth offending team) and the head of the probation delivery unit.
/// </summary>
public static class HmiProbationNotification
{
    public static readonly string[] Recipients = [ContactRoles.YouthJusticeServiceHead, ContactRoles.ProbationDeliveryUnitHead];
}
