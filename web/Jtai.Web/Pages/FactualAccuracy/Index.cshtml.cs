using Jtai.ServiceDefaults.Security;
using Jtai.Web.Gateway;
using Jtai.Web.Pages.Forms;
using Jtai.Web.Pages.Inspections;
using Jtai.Web.Pages.Letter;
using Microsoft.AspNetCore.Mvc;

namespace Jtai.Web.Pages.FactualAccuracy;

/// <summary>
/// ¶82–83: the draft letter goes to the DCS, who coordinates the partnership's comments on its
/// factual accuracy, paragraph by paragraph, within 9 working days; Ofsted's lead inspector accepts
/// or rejects each with a reason. The platform decides who reads, comments and decides, and when.
/// </summary>
public sealed class IndexModel(GatewayClient gateway) : FormPageModel
{
    public InspectionView Inspection { get; private set; } = null!;
    /// <summary>Null until the draft is sent to the DCS.</summary>
    public IssuedLetterView? Draft { get; private set; }
    public IReadOnlyList<CommentView> Comments { get; private set; } = [];

    [BindProperty] public CommentForm Comment { get; set; } = new();
    [BindProperty] public DecisionForm Decision { get; set; } = new();

    /// <summary>The DCS (the area's local authority) comments; Ofsted's lead decides (a way in: the platform decides).</summary>
    public bool OffersComment => User.IsPartner() && User.Agency() == "local-authority";
    public bool OffersDecisions => User.Inspectorate() == Inspectorates.Ofsted;

    public async Task OnGet(Guid id, CancellationToken ct) => await Load(id, ct);

    public async Task<IActionResult> OnPostComment(Guid id, CancellationToken ct)
    {
        var problem = await gateway.Send(HttpMethod.Post, LetterPaths.Comments(id),
            new { paragraph = Comment.Paragraph, comment = Comment.Text, proposedText = string.IsNullOrWhiteSpace(Comment.ProposedText) ? null : Comment.ProposedText }, ct);
        if (problem is null) return Changed("Comment sent to the lead inspector.", new { id });
        Refused(problem, field => field switch
        {
            "paragraph" => new FormField("paragraph", "Select the paragraph the comment is about"),
            "comment" => new FormField("comment", "Enter the comment"),
            "proposedText" => new FormField("proposedText"),
            _ => null,
        }, "paragraph");
        await Load(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDecision(Guid id, Guid commentId, CancellationToken ct)
    {
        var problem = await gateway.Send(HttpMethod.Post, LetterPaths.Decision(id, commentId), new { decision = Decision.Outcome, reason = Decision.Reason }, ct);
        if (problem is null) return Changed($"Comment {(Decision.Outcome == "accepted" ? "accepted" : "rejected")}.", new { id });
        Refused(problem, field => field switch
        {
            "decision" => new FormField($"decision-{commentId}-0", "Select whether the comment is accepted or rejected"),
            "reason" => new FormField($"reason-{commentId}", "Enter the reason for the decision"),
            _ => null,
        }, $"decision-{commentId}-0");
        DecidedComment = commentId;
        await Load(id, ct);
        return Page();
    }

    /// <summary>The comment whose decision form was sent back with errors (its values are kept).</summary>
    public Guid? DecidedComment { get; private set; }

    private async Task Load(Guid id, CancellationToken ct)
    {
        var inspection = gateway.Get<InspectionView>(InspectionPaths.Inspection(id), ct);
        var draft = gateway.Find<IssuedLetterView>(LetterPaths.Draft(id), ct);
        Inspection = await inspection;
        Draft = await draft;
        if (Draft is not null) Comments = await gateway.Get<List<CommentView>>(LetterPaths.Comments(id), ct);
    }

    public sealed class CommentForm
    {
        public string? Paragraph { get; set; }
        public string? Text { get; set; }
        public string? ProposedText { get; set; }
    }

    public sealed class DecisionForm
    {
        public string? Outcome { get; set; }
        public string? Reason { get; set; }
    }
}
