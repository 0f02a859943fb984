namespace Jtai.Notices;

/// <summary>
/// Configuration section "Notices": the channel every notice of this service goes through and how
/// often a failed attempt is tried again. Production sends through GOV.UK Notify (one template per
/// notice kind); development and tests through SMTP to smtp4dev.
/// </summary>
public sealed class NoticeOptions
{
    public const string SmtpChannel = "smtp";
    public const string GovukNotifyChannel = "govuk-notify";
    public static readonly TimeSpan[] DefaultRetryIntervals = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30)];

    /// <summary>smtp or govuk-notify; when empty, govuk-notify in Production and smtp elsewhere.</summary>
    public string Channel { get; set; } = "";
    /// <summary>The wait before each retry; a notice is attempted once more than there are intervals. Empty: the defaults.</summary>
    public TimeSpan[] RetryIntervals { get; set; } = [];
    public SmtpChannelOptions Smtp { get; set; } = new();
    public GovukNotifyChannelOptions GovukNotify { get; set; } = new();

    public TimeSpan[] Intervals => RetryIntervals.Length > 0 ? RetryIntervals : DefaultRetryIntervals;
    public int MaxAttempts => Intervals.Length + 1;

    /// <summary>When the attempt after <paramref name="attempt"/> is due, or null when that was the last.</summary>
    public DateTimeOffset? RetryAfter(int attempt, DateTimeOffset now) =>
        attempt < MaxAttempts ? now + Intervals[attempt - 1] : null;
}

public sealed class SmtpChannelOptions
{
    public string Host { get; set; } = "127.0.0.1";
    public int Port { get; set; } = 2525;
    /// <summary>none, starttls, ssl-on-connect or auto (MailKit's SecureSocketOptions).</summary>
    public string Security { get; set; } = "none";
    public string? UserName { get; set; }
    public string? Password { get; set; }
    /// <summary>The sender; defaults to "{service}@jtai.localhost".</summary>
    public string? From { get; set; }
    public string? FromName { get; set; }
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}

public sealed class GovukNotifyChannelOptions
{
    public string? ApiKey { get; set; }
    /// <summary>Only to point at another Notify endpoint; the client's default otherwise.</summary>
    public string? BaseUrl { get; set; }
    public string? EmailReplyToId { get; set; }
    /// <summary>Notice kind → Notify template id. Every kind the service sends must have one.</summary>
    public Dictionary<string, string> Templates { get; set; } = new(StringComparer.Ordinal);
}
