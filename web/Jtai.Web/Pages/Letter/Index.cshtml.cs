using Jtai.ServiceDefaults.Security;
using Jtai.Web.Gateway;
using Jtai.Web.Pages.Forms;
using Jtai.Web.Pages.Inspections;
using Microsoft.AspNetCore.Mvc;

namespace Jtai.Web.Pages.Letter;

/// <summary>
/// The letter of findings as the team works it (¶77–84): Ofsted's lead drafts it from the agreed
/// findings and edits it (each edit a new version), the QA manager checks it (¶80), each
/// inspectorate's senior manager agrees it (¶81), the lead sends the draft to the DCS (¶82) and,
/// once the comments are decided, issues the final letter. The platform keeps every gate and says
/// which is missing; the page offers each step to whom it may concern.
/// </summary>
public sealed class IndexModel(GatewayClient gateway) : FormPageModel
{
    public InspectionView Inspection { get; private set; } = null!;
    /// <summary>Null until drafted.</summary>
    public LetterView? Letter { get; private set; }
    public IReadOnlyList<LetterVersionSummary> Versions { get; private set; } = [];
    /// <summary>The inspectorates taking part, in the framework's order: one signatory each.</summary>
    public IReadOnlyList<string> Signatories { get; private set; } = Inspectorates.All;

    [BindProperty] public DraftForm Draft { get; set; } = new();
    [BindProperty] public EditForm Edit { get; set; } = new();

    public bool IsOfstedLead => User.HasRole(JtaiRoles.LeadInspector) && User.Inspectorate() == Inspectorates.Ofsted;
    public bool IsQa => User.HasRole(JtaiRoles.QaManager);
    /// <summary>Ofsted's lead or managers record the sharing with the departments (¶110); a way in, the platform decides.</summary>
    public bool OffersDepartments => User.Inspectorate() == Inspectorates.Ofsted && (User.HasRole(JtaiRoles.LeadInspector) || User.HasRole(JtaiRoles.Manager));
    public bool IsNationalDirector => User.HasRole(JtaiRoles.NationalDirector);
    public bool IsManager => User.HasRole(JtaiRoles.Manager);
    public bool Open => Letter is { DraftSentAt: null };
    public bool AgreedByMine => Letter is { } l && l.Agreements.Any(a => a.Inspectorate == User.Inspectorate() && a.LetterVersion == l.CurrentVersion);

    public async Task OnGet(Guid id, CancellationToken ct)
    {
        await Load(id, ct);
        if (Letter is { } letter) Edit = EditForm.Of(letter, Signatories);
    }

    public async Task<IActionResult> OnPostDraft(Guid id, CancellationToken ct)
    {
        Inspection = await gateway.Get<InspectionView>(InspectionPaths.Inspection(id), ct);
        Signatories = Inspection.Inspectorates;
        var problem = await gateway.Send(HttpMethod.Post, LetterPaths.Letter(id), new
        {
            nextSteps = Draft.NextSteps(),
            addressees = Draft.Addressees(),
            signatories = Draft.Signatories(Signatories),
            headlineFindings = Lines(Draft.HeadlineFindings),
        }, ct);
        if (problem is null) return Changed("Letter drafted from the agreed findings (version 1).", new { id });
        Refused(problem, DraftField, "headlineFindings");
        await Load(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostEdit(Guid id, CancellationToken ct)
    {
        Inspection = await gateway.Get<InspectionView>(InspectionPaths.Inspection(id), ct);
        Signatories = Inspection.Inspectorates;
        var result = await gateway.Send<LetterView>(HttpMethod.Put, LetterPaths.Letter(id), new
        {
            baseVersion = Edit.BaseVersion,
            note = string.IsNullOrWhiteSpace(Edit.Note) ? null : Edit.Note,
            opening = Edit.Opening,
            headlineFindings = Lines(Edit.HeadlineFindings),
            areasForPriorityAction = Lines(Edit.AreasForPriorityAction),
            whatNeedsToImprove = Lines(Edit.WhatNeedsToImprove),
            strengths = Lines(Edit.Strengths),
            mainFindings = Lines(Edit.MainFindings),
            nextSteps = Edit.NextSteps(),
            addressees = Edit.Addressees(),
            signatories = Edit.Signatories(Signatories),
            reopen = Edit.Reopen.Contains("yes"),
        }, ct);
        if (result.Value is { } letter) return Changed($"Letter saved as version {letter.CurrentVersion}.", new { id });
        Refused(result.Problem!, field => field.Split('[', '.')[0] switch
        {
            "opening" => new FormField("opening", "Enter the opening paragraph"),
            "headlineFindings" => new FormField("editHeadlineFindings", "Enter at least one headline finding"),
            "areasForPriorityAction" => new FormField("areasForPriorityAction"),
            "whatNeedsToImprove" => new FormField("whatNeedsToImprove"),
            "strengths" => new FormField("strengths"),
            "mainFindings" => new FormField("mainFindings", "Enter at least one main finding"),
            "note" => new FormField("note"),
            "baseVersion" => new FormField("opening"),
            _ => DraftField(field),
        }, "opening");
        await Load(id, ct);
        return Page();
    }

    /// <summary>The letter's gates, each one call without a body: QA check, agreement, sending the draft, issuing the final letter.</summary>
    public async Task<IActionResult> OnPostStep(Guid id, string step, CancellationToken ct)
    {
        var (path, done) = step switch
        {
            "quality-assurance" => (LetterPaths.QualityAssurance(id), "Quality assurance recorded for the current version."),
            "agreement" => (LetterPaths.Agreements(id), $"{Display.Inspectorate(User.Inspectorate())} agrees the current version."),
            "send" => (LetterPaths.SendDraft(id), "Draft sent to the director of children's services for a factual accuracy check."),
            "final" => (LetterPaths.Final(id), "Final letter issued to the partnership, under embargo until publication."),
            _ => throw new GatewayRefusal(System.Net.HttpStatusCode.NotFound, step),
        };
        var problem = await gateway.Send(HttpMethod.Post, path, null, ct);
        if (problem is null) return Changed(done, new { id });
        Refused(problem, _ => null, "letter-steps");
        await Load(id, ct);
        return Page();
    }

    private FormField? DraftField(string field) => field switch
    {
        _ when field.StartsWith("headlineFindings", StringComparison.Ordinal) => new FormField("headlineFindings"),
        "nextSteps.statementRequired" => new FormField("statementRequired-0", "Select whether a statement of action is required"),
        "nextSteps.leadAgency" => new FormField("leadAgency", "Select the agency that leads the statement of action"),
        _ when field.StartsWith("nextSteps.cooperatingAgencies", StringComparison.Ordinal) => new FormField("cooperatingAgencies-0"),
        "addressees.dcs" => new FormField("dcs", "Enter the director of children's services"),
        "addressees.icb" => new FormField("icb", "Enter the ICB's chief executive"),
        "addressees.police" => new FormField("police", "Enter the chief constable"),
        "addressees.masaChair" => new FormField("masaChair", "Enter the MASA chair"),
        "addressees.independentScrutineer" => new FormField("independentScrutineer", "Enter the independent scrutineer"),
        _ when field.StartsWith("addressees.", StringComparison.Ordinal) && field.EndsWith("Email", StringComparison.Ordinal) =>
            new FormField(field["addressees.".Length..], "Enter an email address in the correct format, like name@example.com"),
        _ when field.StartsWith("signatories[", StringComparison.Ordinal) => SignatoryField(field),
        _ => null,
    };

    private FormField SignatoryField(string field)
    {
        var index = field["signatories[".Length..field.IndexOf(']')];
        var part = field.EndsWith(".title", StringComparison.Ordinal) ? "title" : "name";
        var who = int.TryParse(index, out var i) && i < Signatories.Count ? Display.Inspectorate(Signatories[i]) : "the inspectorate";
        return new FormField($"signatory-{part}-{index}", $"Enter the {part} of {who}'s signatory");
    }

    /// <summary>One paragraph a line; blank lines are left out.</summary>
    private static List<string> Lines(string? text) =>
        (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

    private async Task Load(Guid id, CancellationToken ct)
    {
        var letter = gateway.Find<LetterView>(LetterPaths.Letter(id), ct);
        Inspection = await gateway.Get<InspectionView>(InspectionPaths.Inspection(id), ct);
        Letter = await letter;
        Signatories = Inspection.Inspectorates;
        if (Letter is not null) Versions = await gateway.Get<List<LetterVersionSummary>>(LetterPaths.Versions(id), ct);
    }

    /// <summary>What the draft and an edit both say: next steps, addressees and signatories (the fields keep the same ids in both forms).</summary>
    public class LetterPartsForm
    {
        public string? StatementRequired { get; set; }
        public string? LeadAgency { get; set; }
        public List<string> CooperatingAgencies { get; set; } = [];
        public string? Dcs { get; set; }
        public string? Icb { get; set; }
        public string? Police { get; set; }
        public string? MasaChair { get; set; }
        public string? IndependentScrutineer { get; set; }
        public string? DcsEmail { get; set; }
        public string? IcbEmail { get; set; }
        public string? PoliceEmail { get; set; }
        public string? MasaChairEmail { get; set; }
        public string? IndependentScrutineerEmail { get; set; }
        public List<string?> SignatoryNames { get; set; } = [];
        public List<string?> SignatoryTitles { get; set; } = [];

        public object NextSteps()
        {
            var statement = StatementRequired switch { "yes" => true, "no" => false, _ => (bool?)null };
            return new
            {
                statementRequired = statement,
                leadAgency = statement == true ? LeadAgency : null,
                cooperatingAgencies = statement == true ? CooperatingAgencies : [],
            };
        }

        /// <summary>Each addressee's name and the e-mail address its notices are delivered to: an edit sends both, so the addresses are kept.</summary>
        public object Addressees() => new
        {
            dcs = Dcs, icb = Icb, police = Police, masaChair = MasaChair, independentScrutineer = IndependentScrutineer,
            dcsEmail = DcsEmail, icbEmail = IcbEmail, policeEmail = PoliceEmail, masaChairEmail = MasaChairEmail, independentScrutineerEmail = IndependentScrutineerEmail,
        };

        /// <summary>One signatory for each inspectorate taking part, in the framework's order (the fields are numbered in that order).</summary>
        public IEnumerable<object> Signatories(IReadOnlyList<string> takingPart) => takingPart.Select((inspectorate, i) =>
            (object)new { inspectorate, name = SignatoryNames.ElementAtOrDefault(i), title = SignatoryTitles.ElementAtOrDefault(i) });

        protected void Fill(LetterContentView content, IReadOnlyList<string> takingPart)
        {
            StatementRequired = content.NextSteps.StatementRequired ? "yes" : "no";
            LeadAgency = content.NextSteps.LeadAgency;
            CooperatingAgencies = [.. content.NextSteps.CooperatingAgencies];
            (Dcs, Icb, Police, MasaChair, IndependentScrutineer) = (content.Addressees.Dcs, content.Addressees.Icb, content.Addressees.Police,
                content.Addressees.MasaChair, content.Addressees.IndependentScrutineer);
            (DcsEmail, IcbEmail, PoliceEmail, MasaChairEmail, IndependentScrutineerEmail) = (content.Addressees.DcsEmail, content.Addressees.IcbEmail,
                content.Addressees.PoliceEmail, content.Addressees.MasaChairEmail, content.Addressees.IndependentScrutineerEmail);
            SignatoryNames = takingPart.Select(i => content.Signatories.FirstOrDefault(s => s.Inspectorate == i)?.Name).ToList();
            SignatoryTitles = takingPart.Select(i => content.Signatories.FirstOrDefault(s => s.Inspectorate == i)?.Title).ToList();
        }
    }

    public sealed class DraftForm : LetterPartsForm
    {
        public string? HeadlineFindings { get; set; }
    }

    /// <summary>Every section of the letter (¶77), filled with the current version's.</summary>
    public sealed class EditForm : LetterPartsForm
    {
        public int? BaseVersion { get; set; }
        public string? Opening { get; set; }
        public string? HeadlineFindings { get; set; }
        public string? AreasForPriorityAction { get; set; }
        public string? WhatNeedsToImprove { get; set; }
        public string? Strengths { get; set; }
        public string? MainFindings { get; set; }
        public string? Note { get; set; }
        /// <summary>"yes" when the lead confirms a change to a checked and agreed version reopens both (¶80–81).</summary>
        public List<string> Reopen { get; set; } = [];

        public static EditForm Of(LetterView letter, IReadOnlyList<string> takingPart)
        {
            var content = letter.Content;
            var form = new EditForm
            {
                BaseVersion = letter.CurrentVersion,
                Opening = content.Opening,
                HeadlineFindings = string.Join("\n", content.HeadlineFindings),
                AreasForPriorityAction = string.Join("\n", content.AreasForPriorityAction),
                WhatNeedsToImprove = string.Join("\n", content.WhatNeedsToImprove),
                Strengths = string.Join("\n", content.Strengths),
                MainFindings = string.Join("\n", content.MainFindings),
            };
            form.Fill(content, takingPart);
            return form;
        }
    }
}
