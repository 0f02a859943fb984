namespace Jtai.Messaging;

/// <summary>The running service's short name (orchestrator, ofsted, cqc, hmicfrs): queue prefix, log name.</summary>
public sealed record ServiceIdentity(string Name);
