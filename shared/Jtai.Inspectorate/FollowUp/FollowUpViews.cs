namespace Jtai.Inspectorate.FollowUp;

/// <summary>What only one inspectorate's follow-up shows beside the shared part: its own records.</summary>
public interface IFollowUpDetails
{
    ILifecycle Lifecycle { get; }
    /// <summary>The partner agencies this inspectorate's follow-up is addressed to (the MASA for coordinated ones).</summary>
    IReadOnlyList<string> AddressedTo { get; }
    /// <summary>Everything the inspectorate records, for its own staff.</summary>
    Task<object?> ForStaff(FollowUpCase followUp, CancellationToken ct);
    /// <summary>Only what is addressed to the partner agencies concerned (recommendations, dates asked of them).</summary>
    Task<object?> ForPartner(FollowUpCase followUp, CancellationToken ct);
}

public sealed record FollowUpStepView(string Step, string From, string To, string? Note, string By, DateTimeOffset At);

public sealed record FollowUpDeadlineView(string Name, DateOnly DueOn, string Status, DateTimeOffset? MetAt, DateTimeOffset? RemindedAt, DateTimeOffset? OverdueAt)
{
    public static FollowUpDeadlineView From(FollowUpDeadline d) => new(d.Name, d.DueOn,
        d.MetAt is not null ? "met" : d.OverdueAt is not null ? "overdue" : d.RemindedAt is not null ? "reminded" : "pending",
        d.MetAt, d.RemindedAt, d.OverdueAt);
}

public sealed record FollowUpView(
    Guid Id, Guid InspectionId, Guid PriorityActionId, string Inspectorate, string Process, string State,
    IReadOnlyList<string> NextSteps, bool Coordinated, string LocalAreaCode, string LocalAreaName,
    IReadOnlyList<string> Agencies, string Text, DateOnly? LetterDate, DateOnly? PublishedDate,
    DateTimeOffset OpenedAt, DateTimeOffset UpdatedAt,
    IReadOnlyList<FollowUpDeadlineView> Deadlines, IReadOnlyList<FollowUpStepView> History, object? Details);

public sealed record FollowUpListItem(
    Guid Id, Guid InspectionId, Guid PriorityActionId, string Process, string State, bool Coordinated,
    string LocalAreaCode, DateTimeOffset OpenedAt, DateTimeOffset UpdatedAt);

/// <summary>A partner agency's view: the follow-up of a priority action concerning it, and only what is addressed to it.</summary>
public sealed record PartnerFollowUpView(
    Guid Id, Guid InspectionId, string Inspectorate, string Process, string State, string Text,
    IReadOnlyList<FollowUpDeadlineView> Deadlines, object? AddressedToYou);
