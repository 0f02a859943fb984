using Google.Protobuf.WellKnownTypes;
using Jtai.Contracts.Flow;
using Jtai.ServiceDefaults.Paging;

namespace Jtai.Orchestrator.Operations;

/// <summary>
/// Lists gathered from several services' logs a page at a time: each service is asked for a page and one more
/// after the cursor, and the answers are merged by moment, key (ordinal, as each service orders its own) and
/// service; the merged page's last row is the next cursor. A page costs the same however long the lists are.
/// </summary>
public static class GatheredLists
{
    /// <summary>
    /// Where <paramref name="service"/> reads on from: after the cursor's moment and key, or from them (inclusive) when
    /// the cursor is in a service ordered before it, whose row of the same moment and key it has not shown yet.
    /// </summary>
    public static ListPosition? Position(ServicesCursor? after, string service) => after is { } a
        ? new ListPosition { At = Timestamp.FromDateTimeOffset(a.At), Key = a.Key, Inclusive = string.CompareOrdinal(service, a.Service) > 0 }
        : null;

    public static Page<T> Merge<T>(PageQuery page, IEnumerable<T> rows, Func<T, DateTimeOffset> at, Func<T, string> key, Func<T, string> service) =>
        page.PageOf(rows.OrderBy(at).ThenBy(key, StringComparer.Ordinal).ThenBy(service, StringComparer.Ordinal).Take(page.Size + 1).ToList(),
            r => new ServicesCursor(at(r), key(r), service(r)));
}
