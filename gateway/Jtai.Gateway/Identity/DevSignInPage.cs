using Jtai.Calendar.Registry;
using System.Text;
using System.Text.Encodings.Web;
using Jtai.ServiceDefaults.Security;
using Microsoft.AspNetCore.Antiforgery;
using OpenIddict.Abstractions;

namespace Jtai.Gateway.Identity;

/// <summary>
/// The development sign-in page: one form (role, inspectorate, local area, agency, health body, subject, name)
/// that re-posts the client's authorization request with the choice. Plain, accessible HTML with
/// no script, so it passes the same checks as the web service's pages.
/// </summary>
internal static class DevSignInPage
{
    private static readonly (string Value, string Label)[] Roles =
    [
        (JtaiRoles.Inspector, "Inspector"), (JtaiRoles.LeadInspector, "Lead inspector"), (JtaiRoles.QaManager, "Quality assurance manager"),
        (JtaiRoles.Manager, "Manager"), (JtaiRoles.Hmi, "His Majesty's Inspector (HMICFRS)"), (JtaiRoles.NationalDirector, "National Director (Ofsted)"),
        (JtaiRoles.PartnerAgency, "Partner agency"), (JtaiRoles.Operations, "Operations"),
    ];
    // The registry's inspectorates and agencies (shared/inspectorates.json).
    private static readonly (string Value, string Label)[] InspectorateChoices =
        [.. InspectorateRegistry.Current.Inspectorates.Select(i => (i.Key, i.Name))];
    private static readonly (string Value, string Label)[] AgencyChoices =
        [.. InspectorateRegistry.Current.Agencies.Select(a => (a.Key, a.Name))];

    private const string Style = """
        body{font-family:arial,sans-serif;color:#0b0c0c;background:#fff;margin:0;line-height:1.4}
        header{background:#0b0c0c;color:#fff;padding:10px 30px;font-weight:bold;font-size:1.2rem}
        main{max-width:640px;margin:0 auto;padding:20px 30px}
        fieldset{border:0;padding:0;margin:0 0 25px}
        legend{font-weight:bold;font-size:1.2rem;margin-bottom:8px}
        .item{margin:6px 0}.item input{width:20px;height:20px;vertical-align:middle;margin-right:8px}
        .field{margin-bottom:25px}.field label{display:block;font-weight:bold;margin-bottom:5px}
        .hint{color:#484949;margin:0 0 8px}
        input[type=text]{font-size:1rem;padding:5px;border:2px solid #0b0c0c;width:100%;max-width:20em;box-sizing:border-box}
        button{background:#00703c;color:#fff;border:0;box-shadow:0 2px 0 #002d18;font-size:1.1rem;padding:8px 12px;cursor:pointer}
        :focus{outline:3px solid #ffdd00;outline-offset:0}
        .error-summary{border:5px solid #d4351c;padding:15px;margin-bottom:25px}
        .error-summary a{color:#d4351c;font-weight:bold}
        .error{color:#d4351c;font-weight:bold}
        """;

    public static IResult Render(HttpContext http, IAntiforgery antiforgery, OpenIddictRequest request, DevIdentityProblem? problem, int status = StatusCodes.Status200OK)
    {
        var enc = HtmlEncoder.Default;
        string? Param(string name) => (string?)request.GetParameter(name);
        var tokens = antiforgery.GetAndStoreTokens(http);
        var html = new StringBuilder();
        html.Append($"""
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{(problem is null ? "" : "Error: ")}Choose who to be – development sign-in – JTAI</title><style>{Style}</style></head>
            <body>
            <header>JTAI development issuer</header>
            <main id="main-content">
            <h1>Choose who to be</h1>
            <p>This sign-in page exists only on a development platform. In production people sign in with the inspectorates' own identity provider.</p>
            """);
        if (problem is not null)
            html.Append($"""
                <div class="error-summary" role="alert" aria-labelledby="error-summary-title">
                <h2 id="error-summary-title">There is a problem</h2>
                <ul><li><a href="#{FirstFieldId(problem.Parameter)}">{enc.Encode(problem.Message)}</a></li></ul>
                </div>
                """);
        html.Append($"""<form method="post" action="{enc.Encode(http.Request.PathBase + http.Request.Path)}" novalidate>""");
        html.Append($"""<input type="hidden" name="{enc.Encode(tokens.FormFieldName)}" value="{enc.Encode(tokens.RequestToken ?? "")}">""");
        foreach (var (name, value) in request.GetParameters())
        {
            if (DevIdentity.Parameters.Contains(name) || name == DevSignIn.ChoiceParameter || name == tokens.FormFieldName) continue;
            if ((string?)value is { } text)
                html.Append($"""<input type="hidden" name="{enc.Encode(name)}" value="{enc.Encode(text)}">""");
        }
        html.Append(Radios(JtaiClaims.Role, "Role", null, Roles, Param(JtaiClaims.Role) ?? JtaiRoles.LeadInspector, problem));
        html.Append(Radios(JtaiClaims.Inspectorate, "Inspectorate", "Inspectorate staff only.", InspectorateChoices, Param(JtaiClaims.Inspectorate) ?? Inspectorates.Ofsted, problem));
        html.Append(Text(JtaiClaims.LocalArea, "Local area", "Partner agencies only: the area's ONS code, for example E08000025 (Birmingham).", Param(JtaiClaims.LocalArea), problem));
        html.Append(Radios(JtaiClaims.Agency, "Agency", "Partner agencies only.", AgencyChoices, Param(JtaiClaims.Agency) ?? Agencies.LocalAuthority, problem));
        html.Append(Text(JtaiClaims.HealthBody, "Health body", "Health partners only, when CQC names the health bodies it asks (¶105): the body's key, for example its ODS code (qhl).", Param(JtaiClaims.HealthBody), problem));
        html.Append(Text(JtaiClaims.Subject, "Subject", "Who you are to the platform: an inspection's team is made of subjects. Leave empty for someone new.", Param(JtaiClaims.Subject), problem));
        html.Append(Text(JtaiClaims.Name, "Name", "Shown to others; the subject when empty.", Param(JtaiClaims.Name), problem));
        html.Append($"""<button type="submit" name="{DevSignIn.ChoiceParameter}" value="1">Sign in</button></form></main></body></html>""");
        return Results.Content(html.ToString(), "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    private static string FirstFieldId(string parameter) => parameter switch
    {
        JtaiClaims.Role => $"{JtaiClaims.Role}-{Roles[0].Value}",
        JtaiClaims.Inspectorate => $"{JtaiClaims.Inspectorate}-{InspectorateChoices[0].Value}",
        JtaiClaims.Agency => $"{JtaiClaims.Agency}-{AgencyChoices[0].Value}",
        _ => parameter,
    };

    private static string Radios(string name, string legend, string? hint, (string Value, string Label)[] choices, string selected, DevIdentityProblem? problem)
    {
        var html = new StringBuilder($"<fieldset{Described(name, hint, problem)}><legend>{legend}</legend>");
        html.Append(HintAndError(name, hint, problem));
        foreach (var (value, label) in choices)
            html.Append($"""<div class="item"><input type="radio" id="{name}-{value}" name="{name}" value="{value}"{(value == selected ? " checked" : "")}><label for="{name}-{value}">{label}</label></div>""");
        return html.Append("</fieldset>").ToString();
    }

    private static string Text(string name, string label, string hint, string? value, DevIdentityProblem? problem) =>
        $"""<div class="field"><label for="{name}">{label}</label>{HintAndError(name, hint, problem)}<input type="text" id="{name}" name="{name}" value="{HtmlEncoder.Default.Encode(value ?? "")}" autocomplete="off" spellcheck="false"{Described(name, hint, problem)}></div>""";

    private static string HintAndError(string name, string? hint, DevIdentityProblem? problem) =>
        (hint is null ? "" : $"""<p class="hint" id="{name}-hint">{hint}</p>""")
        + (problem?.Parameter == name ? $"""<p class="error" id="{name}-error"><span>Error:</span> {HtmlEncoder.Default.Encode(problem.Message)}</p>""" : "");

    private static string Described(string name, string? hint, DevIdentityProblem? problem)
    {
        var ids = new List<string>();
        if (hint is not null) ids.Add($"{name}-hint");
        if (problem?.Parameter == name) ids.Add($"{name}-error");
        return ids.Count == 0 ? "" : $" aria-describedby=\"{string.Join(' ', ids)}\"";
    }
}
