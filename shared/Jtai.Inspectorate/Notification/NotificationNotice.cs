using Jtai.Calendar.Registry;
using System.Globalization;
using Jtai.Inspectorate.Data;
using Jtai.Inspectorate.Inspections;
using Jtai.Notices;
using Jtai.Notices.Delivery;
using Microsoft.EntityFrameworkCore;

namespace Jtai.Inspectorate.Notification;

/// <summary>The notice of the inspection each inspectorate sends its own leaders on day 1 (¶16–18).</summary>
public static class NotificationNotice
{
    public const string Kind = NoticeKinds.InspectionNotification;

    public static Notice For(InspectionCopy inspection, string inspectorate, IReadOnlyList<string> takingPart, AreaContact to, DateOnly fieldworkStart,
        IReadOnlyList<AreaContact> askedToNotify, IReadOnlyList<string> askedRolesWithoutContact)
    {
        // Who inspects, in the registry's words: the inspectorates taking part (the framework's), together or alone.
        var names = takingPart.Select(i => InspectorateRegistry.Current.IsInspectorate(i) ? InspectorateRegistry.Current.Inspectorate(i).FullName : i).ToList();
        var who = names.Count == 1 ? $"{names[0]} inspects" : $"{string.Join(", ", names[..^1])} and {names[^1]} inspect together";
        who = char.ToUpperInvariant(who[0]) + who[1..];
        var start = fieldworkStart.ToString("dddd d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
        var lines = new List<string>
        {
            $"Dear {to.Name},",
            "",
            $"{InspectorateName(inspectorate)} is writing to you as {RoleTitle(to.Role)} to notify you of a joint targeted area inspection (JTAI) " +
            $"of {inspection.LocalAreaName} ({inspection.LocalAreaCode}), theme: {inspection.Theme}. {who} under section 20 of the Children Act 2004.",
            "",
            $"Fieldwork starts on {start}; today is day 1 of the inspection, 10 working days before fieldwork.",
            "Local leaders are asked to share the information set out in Annex A of the guidance through Ofsted's secure online system, " +
            "by the times in the inspection's timeline, which the lead inspector will share with you.",
        };
        if (askedToNotify.Count + askedRolesWithoutContact.Count > 0)
        {
            lines.Add("");
            lines.Add("Please notify the following people of this inspection (paragraph 17 of the guidance):");
            lines.AddRange(askedToNotify.Select(c => $"- the {RoleTitle(c.Role)}, {c.Name} ({c.Email})"));
            lines.AddRange(askedRolesWithoutContact.Select(r => $"- the {RoleTitle(r)}"));
        }
        return new Notice(Kind, inspection.InspectionId, $"notification/{inspection.InspectionId}/{to.Role}",
            new NoticeRecipient(to.Role, to.Name, to.Email),
            $"Joint targeted area inspection of {inspection.LocalAreaName}: notification", string.Join('\n', lines),
            new Dictionary<string, string>
            {
                ["local_area"] = inspection.LocalAreaName, ["theme"] = inspection.Theme,
                ["fieldwork_start"] = start, ["inspectorate"] = InspectorateName(inspectorate),
            });
    }

    /// <summary>The inspectorate in full, as a sentence begins with it (the registry's words).</summary>
    public static string InspectorateName(string inspectorate)
    {
        if (!InspectorateRegistry.Current.IsInspectorate(inspectorate)) return inspectorate;
        var name = InspectorateRegistry.Current.Inspectorate(inspectorate).FullName;
        return char.ToUpperInvariant(name[0]) + name[1..];
    }

    public static string RoleTitle(string role) => role switch
    {
        ContactRoles.Dcs => "director of children's services",
        ContactRoles.MasaChair => "chair of the multi-agency safeguarding arrangements",
        ContactRoles.IndependentScrutineer => "person responsible for independent scrutiny of the multi-agency safeguarding arrangements",
        ContactRoles.IcbChiefExecutive => "integrated care board chief executive",
        ContactRoles.ExecutiveLeadForSafeguardingChildren => "executive lead for safeguarding children",
        ContactRoles.ChiefConstable => "chief constable",
        ContactRoles.ForceLiaisonOfficer => "force liaison officer",
        ContactRoles.YouthJusticeServiceHead => "head of the youth justice service",
        ContactRoles.ProbationDeliveryUnitHead => "head of the probation delivery unit",
        _ => role,
    };
}

/// <summary>
/// "Notified" means delivered: a sent notification notice stamps its recipient's record, and the
/// records of the roles that recipient was asked to notify (¶17).
/// </summary>
internal sealed class NotificationDelivered(InspectorateDbContext db) : INoticeOutcome
{
    public async Task Changed(NoticeDelivery delivery, CancellationToken ct)
    {
        if (delivery.Notice != NotificationNotice.Kind || delivery.State != DeliveryStates.Sent) return;
        var via = $"via-{delivery.RecipientRole}";
        await db.Set<InspectionNotification>()
            .Where(n => n.DeliveryId == delivery.Id
                || (n.InspectionId == delivery.InspectionId && n.Channel == via && n.RecordedAt <= delivery.QueuedAt && n.NotifiedAt == null))
            .ExecuteUpdateAsync(u => u.SetProperty(n => n.NotifiedAt, delivery.SentAt), ct);
    }
}
