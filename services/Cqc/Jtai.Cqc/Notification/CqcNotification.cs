using Jtai.Inspectorate.Notification;

namespace Jtai.Cqc.Notification;

/// <summary>¶16: CQC notifies the ICB's chief executive and the executive lead for safeguarding children.</summary>
public static class CqcNotification
{
    public static readonly string[] Recipients = [ContactRoles.IcbChiefExecutive, ContactRoles.ExecutiveLeadForSafeguardingChildren];
}
