namespace Jtai.Notices.Delivery;

/// <summary>
/// A feature's reaction to its notices' deliveries (the notification is "notified" once sent, an
/// issue of concern's senior officer likewise). Runs in the delivery consumer's transaction, so the
/// feature's record and the delivery's state commit together.
/// </summary>
public interface INoticeOutcome
{
    Task Changed(NoticeDelivery delivery, CancellationToken ct);
}
