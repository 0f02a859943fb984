using Jtai.Testing;
using Xunit;

namespace Jtai.Platform.Tests;

/// <summary>One platform (five processes, fresh databases and virtual host) shared by a collection.</summary>
public class PlatformFixture : IAsyncLifetime
{
    private Infrastructure? _infrastructure;
    private Testing.Platform? _platform;

    public Testing.Platform Platform => _platform ?? throw new InvalidOperationException("The platform is not started.");
    public Infrastructure Infrastructure => _infrastructure ?? throw new InvalidOperationException("The infrastructure is not started.");

    protected virtual PlatformOptions Options => new();

    public virtual async Task InitializeAsync()
    {
        _infrastructure = await Infrastructure.Start();
        _platform = await Testing.Platform.Start(_infrastructure, Options);
    }

    public virtual async Task DisposeAsync()
    {
        if (_platform is not null) await _platform.DisposeAsync();
        if (_infrastructure is not null) await _infrastructure.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "platform";
}
