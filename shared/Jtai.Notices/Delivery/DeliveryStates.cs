namespace Jtai.Notices.Delivery;

/// <summary>Where a notice's delivery stands. Sent and failed are where it rests; staff can retry a failed one.</summary>
public static class DeliveryStates
{
    /// <summary>Written with the change that caused it; the first attempt is on its way through the outbox.</summary>
    public const string Queued = "queued";
    /// <summary>The channel (SMTP server, GOV.UK Notify) accepted it.</summary>
    public const string Sent = "sent";
    /// <summary>An attempt failed and another is scheduled (a deadline row).</summary>
    public const string Retried = "retried";
    /// <summary>Every attempt failed: shown to staff and operations until someone acts.</summary>
    public const string Failed = "failed";

    public static readonly IReadOnlyList<string> All = [Queued, Sent, Retried, Failed];
}
