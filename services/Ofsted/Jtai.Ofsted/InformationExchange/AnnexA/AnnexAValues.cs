using System.Globalization;

namespace Jtai.Ofsted.InformationExchange.AnnexA;

/// <summary>
/// The values of one Annex A row, each in its own typed slot: the columns every list has, and those only some
/// lists have (a slot a list lacks stays empty). Shared by the validated row and the stored one.
/// </summary>
public abstract class AnnexAValues
{
    public required string ChildId { get; set; }
    public string? Gender { get; set; }
    public string? Ethnicity { get; set; }
    public DateOnly? DateOfBirth { get; set; }
    public short Age { get; set; }
    public DateOnly? EventDate { get; set; }
    public string? Source { get; set; }
    public string? Disability { get; set; }
    public string? ContactOutcome { get; set; }
    /// <summary>What the contact outcome plainly says, where it says one of the usual outcomes.</summary>
    public string? ContactOutcomeNormalised { get; set; }
    public DateOnly? AssessmentCompletionDate { get; set; }
    public DateOnly? AssessmentAuthorisedDate { get; set; }
    public DateOnly? IcpcDate { get; set; }
    public string? ReferralNfa { get; set; }
    public string? ChildSeen { get; set; }
    public string? AssessedAsRequiringSupport { get; set; }
    public string? IcpcUnnecessary { get; set; }
    public string? IcpcResultedInPlan { get; set; }
    public int? ReferralsInLast12Months { get; set; }
    public int? Section47sInLast12Months { get; set; }
    public int? IcpcsInLast12Months { get; set; }
    public string? AllocatedTeam { get; set; }
    public string? AllocatedWorker { get; set; }

    public string? Text(RowSlot slot) => slot switch
    {
        RowSlot.ChildId => ChildId,
        RowSlot.Gender => Gender,
        RowSlot.Ethnicity => Ethnicity,
        RowSlot.Source => Source,
        RowSlot.Disability => Disability,
        RowSlot.ContactOutcome => ContactOutcome,
        RowSlot.ReferralNfa => ReferralNfa,
        RowSlot.ChildSeen => ChildSeen,
        RowSlot.AssessedAsRequiringSupport => AssessedAsRequiringSupport,
        RowSlot.IcpcUnnecessary => IcpcUnnecessary,
        RowSlot.IcpcResultedInPlan => IcpcResultedInPlan,
        RowSlot.AllocatedTeam => AllocatedTeam,
        RowSlot.AllocatedWorker => AllocatedWorker,
        _ => throw new ArgumentOutOfRangeException(nameof(slot), slot, "not a text slot"),
    };

    public void SetText(RowSlot slot, string value)
    {
        switch (slot)
        {
            case RowSlot.ChildId: ChildId = value; break;
            case RowSlot.Gender: Gender = value; break;
            case RowSlot.Ethnicity: Ethnicity = value; break;
            case RowSlot.Source: Source = value; break;
            case RowSlot.Disability: Disability = value; break;
            case RowSlot.ContactOutcome: ContactOutcome = value; break;
            case RowSlot.ReferralNfa: ReferralNfa = value; break;
            case RowSlot.ChildSeen: ChildSeen = value; break;
            case RowSlot.AssessedAsRequiringSupport: AssessedAsRequiringSupport = value; break;
            case RowSlot.IcpcUnnecessary: IcpcUnnecessary = value; break;
            case RowSlot.IcpcResultedInPlan: IcpcResultedInPlan = value; break;
            case RowSlot.AllocatedTeam: AllocatedTeam = value; break;
            case RowSlot.AllocatedWorker: AllocatedWorker = value; break;
            default: throw new ArgumentOutOfRangeException(nameof(slot), slot, "not a text slot");
        }
    }

    public DateOnly? Date(RowSlot slot) => slot switch
    {
        RowSlot.DateOfBirth => DateOfBirth,
        RowSlot.EventDate => EventDate,
        RowSlot.AssessmentCompletionDate => AssessmentCompletionDate,
        RowSlot.AssessmentAuthorisedDate => AssessmentAuthorisedDate,
        RowSlot.IcpcDate => IcpcDate,
        _ => throw new ArgumentOutOfRangeException(nameof(slot), slot, "not a date slot"),
    };

    public void SetDate(RowSlot slot, DateOnly value)
    {
        switch (slot)
        {
            case RowSlot.DateOfBirth: DateOfBirth = value; break;
            case RowSlot.EventDate: EventDate = value; break;
            case RowSlot.AssessmentCompletionDate: AssessmentCompletionDate = value; break;
            case RowSlot.AssessmentAuthorisedDate: AssessmentAuthorisedDate = value; break;
            case RowSlot.IcpcDate: IcpcDate = value; break;
            default: throw new ArgumentOutOfRangeException(nameof(slot), slot, "not a date slot");
        }
    }

    public int? Count(RowSlot slot) => slot switch
    {
        RowSlot.ReferralsInLast12Months => ReferralsInLast12Months,
        RowSlot.Section47sInLast12Months => Section47sInLast12Months,
        RowSlot.IcpcsInLast12Months => IcpcsInLast12Months,
        _ => throw new ArgumentOutOfRangeException(nameof(slot), slot, "not a count slot"),
    };

    public void SetCount(RowSlot slot, int value)
    {
        switch (slot)
        {
            case RowSlot.ReferralsInLast12Months: ReferralsInLast12Months = value; break;
            case RowSlot.Section47sInLast12Months: Section47sInLast12Months = value; break;
            case RowSlot.IcpcsInLast12Months: IcpcsInLast12Months = value; break;
            default: throw new ArgumentOutOfRangeException(nameof(slot), slot, "not a count slot");
        }
    }

    /// <summary>
    /// The list's own columns as the exchange shows them beside the row's common ones, keyed as the list
    /// names them, in the list's order: every date (yyyy-MM-dd), and every value without a column of the
    /// row's own (child, gender, ethnicity, age, source and disability are those), with the normalised
    /// contact outcome after the outcome as sent.
    /// </summary>
    public Dictionary<string, string> FieldsOf(AnnexAList list)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var column in list.Columns)
        {
            switch (column.Kind)
            {
                case CellKind.Date:
                    if (Date(column.Slot) is { } date) fields[column.Key] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                    break;
                case CellKind.Count:
                    if (Count(column.Slot) is { } count) fields[column.Key] = count.ToString(CultureInfo.InvariantCulture);
                    break;
                case CellKind.Age:
                    break;
                default:
                    if (column.Slot.IsCommon() || Text(column.Slot) is not { } text) break;
                    fields[column.Key] = text;
                    if (column.Kind == CellKind.ContactOutcome && ContactOutcomeNormalised is { } normalised)
                        fields["contactOutcomeNormalised"] = normalised;
                    break;
            }
        }
        return fields;
    }
}
