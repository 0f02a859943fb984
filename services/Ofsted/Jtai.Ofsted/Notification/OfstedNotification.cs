using Jtai.Inspectorate.Notification;

namespace Jtai.Ofsted.Notification;

/// <summary>¶16–17: Ofsted notifies the DCS and asks the DCS to notify the MASA chair and the independent scrutineer.</summary>
public static class OfstedNotification
{
    public static readonly string[] Recipients = [ContactRoles.Dcs];
    public static readonly string[] AskedToNotify = [ContactRoles.MasaChair, ContactRoles.IndependentScrutineer];
}
