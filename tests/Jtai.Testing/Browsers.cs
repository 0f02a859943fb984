using Microsoft.Playwright;

namespace Jtai.Testing;

/// <summary>Debian's Chromium driven by Playwright, headless, without a browser download.</summary>
public static class Browsers
{
    public static BrowserTypeLaunchOptions Chromium => new()
    {
        ExecutablePath = Environment.GetEnvironmentVariable("JTAI_CHROMIUM") ?? "/usr/bin/chromium",
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"],
    };
}
