using System.Diagnostics;

namespace Jtai.Testing.FaultSuite;

/// <summary>Runs a command of the machine (rabbitmqctl, pg_ctl) to its end, as another user if asked, with extra environment.</summary>
internal static class Commands
{
    public static bool IsRoot => Environment.UserName == "root";

    public static ProcessStartInfo Start(string file, IEnumerable<string> arguments, IDictionary<string, string>? environment = null, string? asUser = null)
    {
        ProcessStartInfo start;
        if (asUser is not null && IsRoot)
        {
            // runuser keeps the environment given here (no login shell).
            start = new ProcessStartInfo("runuser", ["-u", asUser, "--", file, .. arguments]);
        }
        else start = new ProcessStartInfo(file, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        if (environment is not null) foreach (var (key, value) in environment) start.Environment[key] = value;
        return start;
    }

    public static async Task<string> Run(string file, IEnumerable<string> arguments, IDictionary<string, string>? environment = null,
        string? asUser = null, TimeSpan? timeout = null)
    {
        using var process = Process.Start(Start(file, arguments, environment, asUser))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', arguments)} did not end within {timeout ?? TimeSpan.FromMinutes(2)}.");
        }
        var text = await output + await errors;
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited {process.ExitCode}: {text}");
        return text;
    }
}
