using Jtai.Inspectorate.Notification;

namespace Jtai.Hmicfrs.Notification;

/// <summary>¶16: HMICFRS notifies the chief constable and the force liaison officer.</summary>
public static class HmicfrsNotification
{
    public static readonly string[] Recipients = [ContactRoles.ChiefConstable, ContactRoles.ForceLiaisonOfficer];
}
