using Microsoft.AspNetCore.Authorization;

namespace Jtai.ServiceDefaults.Security;

/// <summary>
/// Ofsted's secure information exchange (Annex A, ¶92): partner agencies upload and answer there,
/// the inspection's team (of all three inspectorates) reads. The gateway lets both through; the
/// Ofsted service's declared rules then decide on the partner's area and agency and the caller's place on the team.
/// </summary>
public static class InformationExchangePolicies
{
    public const string InformationExchange = "information-exchange";

    public static void AddInformationExchangePolicies(this AuthorizationOptions options) =>
        options.AddPolicy(InformationExchange, p => p.RequireAuthenticatedUser()
            .RequireAssertion(c => c.User.IsPartner() || c.User.IsStaff()));
}
