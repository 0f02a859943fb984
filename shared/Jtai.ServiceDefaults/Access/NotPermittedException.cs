using Jtai.ServiceDefaults.Problems;

namespace Jtai.ServiceDefaults.Access;

/// <summary>
/// A record's own rule about who may change it, where the endpoint's rule cannot know the answer
/// because it depends on the record (its author, the inspectorate investigating a complaint, the
/// agency a concern is about): 403 with the rule's name.
/// </summary>
public sealed class NotPermittedException(string rule, string detail) : DomainRuleException(rule, detail, 403);
