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
    /// <summary>HMI Probation's contacts where it takes part (programme note ¶2: the youth offending team, probation).</summary>
    public const string YouthJusticeServiceHead = "youth-justice-service-head";
    public const string ProbationDeliveryUnitHead = "probation-delivery-unit-head";

    public static readonly IReadOnlyList<string> All =
        [Dcs, MasaChair, IndependentScrutineer, IcbChiefExecutive, ExecutiveLeadForSafeguardingChildren, ChiefConstable, ForceLiaisonOfficer,
         YouthJusticeServiceHead, ProbationDeliveryUnitHead];
}
