using Grpc.Core;
using MassTransit;
using Npgsql;

namespace Jtai.Messaging.Faults;

/// <summary>
/// Tells a passing failure from a permanent one. Passing: the database or the broker is unreachable
/// or restarting, no connection slot or pooled connection is free, another service's gRPC endpoint is
/// away. Such a failure says nothing about the message or request, so it is retried until the part is
/// back and never sent to an _error queue; anything else is the message's own fault.
/// </summary>
public static class Transience
{
    public static bool IsTransient(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                // Npgsql judges its own: broken or refused connections, pool waits, 53300 too many
                // connections, 57P01/57P03 shutting down or starting, serialization failures, deadlocks.
                case NpgsqlException { IsTransient: true }:
                case TimeoutException:
                case System.Net.Sockets.SocketException:
                case RabbitMqConnectionException:
                case RpcException { StatusCode: StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.ResourceExhausted }:
                    return true;
            }
            if (e is AggregateException aggregate && aggregate.InnerExceptions.Any(IsTransient)) return true;
        }
        return false;
    }
}
