using Jtai.ServiceDefaults.Paging;

namespace Jtai.Web.Pages.Operations;

// The orchestrator's operations API as the console reads it (GET/POST /api/orchestrator/operations/**).

public sealed record ThresholdView(string Rule, string Subject, bool Breached, string Value, string Limit, string Message);

public sealed record HealthCheckView(string Name, string Status, string? Description);

public sealed record ServiceHealthView(string Service, string Address, bool Live, bool Ready, string Status,
    IReadOnlyList<HealthCheckView> Checks, string? Detail);

public sealed record ServiceMessagingView(string Service, string Status, string? Detail, long OutboxBacklog,
    double OldestUnpublishedAgeSeconds, long DeadlinesDue, long DeadlinesOverdue, TimeSpan? RetentionPeriod);

public sealed record DeadLetterQueueView(string Queue, string SourceQueue, string Service, long Messages);

public sealed record OperationsStatusView(DateTimeOffset CheckedAt, bool AnyBreached, IReadOnlyList<ThresholdView> Thresholds,
    IReadOnlyList<ServiceHealthView> Services, IReadOnlyList<ServiceMessagingView> Messaging, IReadOnlyList<DeadLetterQueueView> ErrorQueues);

public sealed record FlowEntryView(string Service, string Direction, string MessageType, Guid MessageId, string? Consumer,
    string TraceId, DateTimeOffset At, string Outcome, int Attempts, string? LastError);

public sealed record ServiceFlowStatus(string Service, string Status, string? Detail, TimeSpan? RetentionPeriod);

public sealed record FlowView(Guid InspectionId, IReadOnlyList<ServiceFlowStatus> Services, IReadOnlyList<FlowEntryView> Messages, string? Next);

public sealed record DeadLetterMessage(string Queue, string SourceQueue, string Service, Guid? MessageId, string? MessageType,
    Guid? InspectionId, string? TraceId, string? Reason, string? ExceptionType, string? Consumer, DateTimeOffset? SentAt,
    DateTimeOffset? FirstFailedAt, DateTimeOffset? LastFailedAt, int Retries, int Replays);

public sealed record AfterReplayView(string Status, DateTimeOffset? At, string? Detail);

public sealed record ReplayRecordView(Guid Id, DateTimeOffset ReplayedAt, string ReplayedBy, string ReplayedByName, string ErrorQueue,
    string SourceQueue, Guid? MessageId, string? MessageType, Guid? InspectionId, string? TraceId, string? FaultReason,
    DateTimeOffset? FirstFailedAt, DateTimeOffset? LastFailedAt, string Outcome, AfterReplayView? AfterReplay);

public sealed record OverdueMilestone(Guid InspectionId, string LocalAreaCode, string LocalAreaName, string Status, string Key,
    DateTimeOffset DueAt, string Description, DateTimeOffset? ReachedAt);

public sealed record OverdueDeadlineView(string Service, string Key, string MessageType, Guid? InspectionId, DateTimeOffset DueAt);

public sealed record StuckOutboxView(string Service, Guid MessageId, string MessageType, Guid? InspectionId, DateTimeOffset CreatedAt,
    int Attempts, string? LastError, string? TraceId);

public sealed record StuckWorkView(Page<OverdueMilestone> OverdueMilestones, Page<OverdueDeadlineView> OverdueDeadlines,
    Page<StuckOutboxView> StuckOutbox, IReadOnlyList<ServiceFlowStatus> Unavailable);
