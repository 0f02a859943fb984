namespace Jtai.Inspectorate.Notification;

/// <summary>The local leaders the inspectorates notify on day 1 (¶16–17).</summary>
public static class ContactRoles
{
    /// <summary>Director of children's services: Ofsted's contact, who coordinates the partnership's replies.</summary>
    public const string Dcs = "dcs";
    public const string MasaChair = "masa-chair";
    public const string IndependentScrutineer = "independent-scrutineer";
    public const string IcbChiefExecutive = "icb-chief-executive";
    public const string ExecutiveLeadForSafeguardingChildren = "executive-lead-safeguarding-children";
    public const string ChiefConstable = "chief-constable";
    public const string ForceLiaisonOfficer = "force-liaison-officer";

    public static readonly IReadOnlyList<string> All =
        [Dcs, MasaChair, IndependentScrutineer, IcbChiefExecutive, ExecutiveLeadForSafeguardingChildren, ChiefConstable, ForceLiaisonOfficer];
}
