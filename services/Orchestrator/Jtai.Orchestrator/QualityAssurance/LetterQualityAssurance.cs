using Jtai.Orchestrator.Findings;
using Jtai.ServiceDefaults.Problems;

namespace Jtai.Orchestrator.Letter;

/// <summary>
/// The letter's quality assurance (¶80–81): the QA manager checks the current version once every finding has a
/// confirmed link to the evidence, and a senior manager of each inspectorate taking part agrees it; both come
/// before the final letter.
/// </summary>
public sealed partial class InspectionLetter
{
    /// <summary>The QA manager's check of the current version against the evidence (¶80).</summary>
    public void CheckQuality(IReadOnlyCollection<Finding> findings, string by, DateTimeOffset now)
    {
        EnsureQualityAssuredBeforeFinal();
        var unlinked = findings.Where(f => f.Links.Count == 0 || f.LinksConfirmedAt is null).Select(f => f.Id).ToList();
        if (unlinked.Count > 0)
            throw new DomainRuleException("findings-link-to-evidence",
                $"{unlinked.Count} finding(s) have no confirmed link to evidence ({string.Join(", ", unlinked)}): the QA manager confirms each first (¶80).");
        QaCheckedVersion = CurrentVersion;
        QaCheckedBy = by;
        QaCheckedAt = now;
    }

    /// <summary>
    /// A senior manager of an inspectorate taking part agrees the current version (¶81): the agreement to store,
    /// or null when the inspectorate has already agreed this version.
    /// </summary>
    public LetterAgreement? Agree(string inspectorate, IReadOnlyList<string> takingPart, bool alreadyAgreed, string by, DateTimeOffset now)
    {
        EnsureQualityAssuredBeforeFinal();
        if (!takingPart.Contains(inspectorate))
            throw new DomainRuleException("inspectorate-takes-part",
                $"{inspectorate} does not take part in this inspection (its framework names {string.Join(", ", takingPart)}): it has no letter to agree.");
        return alreadyAgreed ? null
            : new LetterAgreement { InspectionId = InspectionId, Inspectorate = inspectorate, LetterVersion = CurrentVersion, AgreedBy = by, AgreedAt = now };
    }

    private void EnsureQualityAssuredBeforeFinal()
    {
        if (IsFinal)
            throw new DomainRuleException("letter-final", "The final letter has been issued: quality assurance and agreement came before.");
    }
}
