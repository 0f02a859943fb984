using Jtai.Notices.Delivery;

namespace Jtai.Notices.Channels;

/// <summary>A way out of the platform. Throws when the notice was not accepted; returns the channel's id for it.</summary>
public interface INoticeChannel
{
    string Name { get; }
    Task<string?> Send(NoticeDelivery delivery, CancellationToken ct);
}
