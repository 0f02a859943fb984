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

    /// <summary>The gate's first half (¶80): the QA manager has checked the version about to be sent.</summary>
    public void EnsureQaChecked(string what)
    {
        if (QaCheckedVersion != CurrentVersion)
            throw new DomainRuleException($"qa-before-{what}",
                $"The QA manager has not checked version {CurrentVersion} of the letter against the evidence (¶80).");
    }

    /// <summary>The gate's second half (¶81): a senior manager of each inspectorate taking part has agreed this version.</summary>
    public void EnsureAgreedBy(IEnumerable<string> takingPart, IEnumerable<string> agreed)
    {
        var missing = takingPart.Except(agreed).ToList();
        if (missing.Count > 0)
            throw new DomainRuleException("senior-managers-agree",
                $"Senior managers of {string.Join(", ", missing)} have not agreed version {CurrentVersion} of the letter (¶81).");
    }

    private void EnsureQualityAssuredBeforeFinal()
    {
        if (IsFinal)
            throw new DomainRuleException("letter-final", "The final letter has been issued: quality assurance and agreement came before.");
    }
}
