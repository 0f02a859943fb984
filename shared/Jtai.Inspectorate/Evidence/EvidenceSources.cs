namespace Jtai.Inspectorate.Evidence;

/// <summary>How inspectors gather evidence (¶48–69), in the guidance's words.</summary>
public static class EvidenceSources
{
    public const string CaseAudit = "case-audit";
    public const string CaseSampling = "case-sampling";
    public const string Observation = "observation";
    public const string Interview = "interview";
    public const string Meeting = "meeting";
    public const string DocumentReview = "document-review";

    public static readonly IReadOnlyList<string> All = [CaseAudit, CaseSampling, Observation, Interview, Meeting, DocumentReview];

    /// <summary>The detail each source needs: sampling is multi- or single-agency (¶56); observations name the meeting (¶58).</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Details = new Dictionary<string, IReadOnlyList<string>>
    {
        [CaseSampling] = ["multi-agency", "single-agency"],
        [Observation] = ["icpc", "strategy-meeting", "multi-agency-panel", "other-meeting"],
    };

    /// <summary>¶72: record the date and time of any meetings, discussions and interviews.</summary>
    public static readonly IReadOnlySet<string> NeedMeetingTime = new HashSet<string> { Observation, Interview, Meeting };
}
