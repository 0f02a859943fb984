using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Jtai.Gateway;

namespace Jtai.Testing;

/// <summary>A message smtp4dev received, as its web API reports it.</summary>
public sealed record ReceivedMail(string Id, string From, IReadOnlyList<string> To, string Subject, DateTimeOffset ReceivedDate, string Body);

/// <summary>
/// smtp4dev (the Rnwood.Smtp4dev dotnet tool of the repository's tool manifest) on free loopback
/// ports with an in-memory store: the services send their notices to it over SMTP, and tests read
/// what arrived back through its web API. One instance serves the whole test run
/// (<see cref="Shared"/>); a test that needs a mail server to appear later starts its own on a chosen port.
/// </summary>
public sealed class MailServer : IAsyncDisposable
{
    private static readonly Lazy<Task<MailServer>> SharedServer = new(() => Start());
    private readonly Process _process;
    private readonly string _dataDirectory;
    private readonly HttpClient _api;

    private MailServer(Process process, int smtpPort, Uri api, string dataDirectory)
    {
        _process = process;
        SmtpPort = smtpPort;
        _dataDirectory = dataDirectory;
        _api = new HttpClient { BaseAddress = api, Timeout = TimeSpan.FromSeconds(30) };
    }

    public int SmtpPort { get; }
    public Uri Api => _api.BaseAddress!;

    /// <summary>The test run's mail server, started on first use and stopped when the test process exits.</summary>
    public static Task<MailServer> Shared => SharedServer.Value;

    public static async Task<MailServer> Start(int? smtpPort = null)
    {
        var smtp = smtpPort ?? ServiceHost<GatewayService>.FreePort();
        var web = ServiceHost<GatewayService>.FreePort();
        var data = Directory.CreateTempSubdirectory("jtai-smtp4dev-").FullName;
        string[] args =
        [
            "tool", "run", "smtp4dev", "--", $"--smtpport={smtp}", $"--urls=http://127.0.0.1:{web}", "--db=", "--imapport=", "--pop3port=",
            "--hostname=localhost", "--bindaddress=127.0.0.1", "--nousersettings", "--messagestokeep=100000", "--sessionstokeep=100",
            $"--baseappdatapath={data}",
        ];
        // The test host may be killed rather than exit (ProcessExit never runs): a watchdog shell ends
        // smtp4dev's process group when the test process is gone, so no mail server outlives its run.
        // setsid gives smtp4dev (dotnet tool run and its child) a process group of its own to end together;
        // `set -m` does not in a non-interactive dash.
        // Stop() sends the watchdog SIGTERM, and its trap ends the group too: killing the shell outright would
        // leave the setsid group (its own session) running with nobody to end it.
        var watchdog = $"setsid dotnet {string.Join(' ', args.Select(a => $"'{a}'"))} & c=$!; " +
                       "trap 'kill -- -$c 2>/dev/null; exit 0' TERM; " +
                       $"while kill -0 {Environment.ProcessId} 2>/dev/null && kill -0 $c 2>/dev/null; do sleep 1; done; kill -- -$c 2>/dev/null; wait";
        var start = new ProcessStartInfo("/bin/sh")
        {
            WorkingDirectory = RepositoryRoot(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(watchdog);
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start smtp4dev.");
        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) log.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) log.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new MailServer(process, smtp, new Uri($"http://127.0.0.1:{web}/"), data);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();

        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"smtp4dev exited with {process.ExitCode} (is the tool restored? `dotnet tool restore`):\n{string.Join('\n', log)}");
            try
            {
                if ((await server._api.GetAsync("api/messages?pageSize=1")).IsSuccessStatusCode && await SmtpAnswers(smtp)) return server;
            }
            catch (HttpRequestException) { }
            if (DateTime.UtcNow > deadline)
            {
                server.Stop();
                throw new TimeoutException($"smtp4dev did not answer within 90 s:\n{string.Join('\n', log)}");
            }
            await Task.Delay(250);
        }
    }

    private static async Task<bool> SmtpAnswers(int port)
    {
        try
        {
            using var client = new System.Net.Sockets.TcpClient();
            await client.ConnectAsync(System.Net.IPAddress.Loopback, port);
            return true;
        }
        catch (System.Net.Sockets.SocketException) { return false; }
    }

    /// <summary>Every message received so far for <paramref name="address"/> (case-insensitive), oldest first.</summary>
    public async Task<IReadOnlyList<ReceivedMail>> MessagesTo(string address)
    {
        var page = await _api.GetFromJsonAsync<MessagePage>("api/messages?pageSize=100000") ?? new MessagePage([]);
        var mine = page.Results.Where(m => m.To.Any(t => string.Equals(t, address, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(m => m.ReceivedDate).ToList();
        var mails = new List<ReceivedMail>();
        foreach (var m in mine)
            mails.Add(new ReceivedMail(m.Id, m.From, m.To, m.Subject, m.ReceivedDate, await _api.GetStringAsync($"api/messages/{m.Id}/plaintext")));
        return mails;
    }

    /// <summary>Waits until a message to <paramref name="address"/> matching <paramref name="match"/> has arrived.</summary>
    public async Task<ReceivedMail> WaitForMail(string address, Func<ReceivedMail, bool>? match = null, TimeSpan? timeout = null)
    {
        ReceivedMail? found = null;
        await Platform.WaitUntil(async () =>
        {
            found = (await MessagesTo(address)).FirstOrDefault(m => match?.Invoke(m) ?? true);
            return found is not null;
        }, timeout ?? TimeSpan.FromSeconds(30), $"a mail to {address} in smtp4dev");
        return found!;
    }

    private void Stop()
    {
        try
        {
            // The watchdog's trap ends smtp4dev's process group (within its one-second poll); a shell that does not
            // answer is killed with its children as a last resort.
            if (!_process.HasExited && (Terminate(_process.Id) != 0 || !_process.WaitForExit(TimeSpan.FromSeconds(5))))
                _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException) { }
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>SIGTERM (15): .NET's Process.Kill only sends SIGKILL, which no trap can answer.</summary>
    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Terminate(int pid, int signal = 15);

    public ValueTask DisposeAsync()
    {
        Stop();
        _process.Dispose();
        _api.Dispose();
        return ValueTask.CompletedTask;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "dotnet-tools.json"))) return dir.FullName;
        throw new InvalidOperationException("No dotnet-tools.json above the test binaries: smtp4dev is a tool of the repository's manifest.");
    }

    private sealed record MessagePage([property: JsonPropertyName("results")] IReadOnlyList<MessageSummary> Results);

    private sealed record MessageSummary(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("from")] string From,
        [property: JsonPropertyName("to")] IReadOnlyList<string> To,
        [property: JsonPropertyName("subject")] string Subject,
        [property: JsonPropertyName("receivedDate")] DateTimeOffset ReceivedDate);
}
