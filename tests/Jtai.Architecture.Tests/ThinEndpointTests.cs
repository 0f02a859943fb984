using Mono.Cecil;
using Mono.Cecil.Cil;
using Xunit;

namespace Jtai.Architecture.Tests;

/// <summary>
/// Endpoint classes bind, call the domain and map the result: they stay small, and the rules of the
/// process (a <c>DomainRuleException</c>, 409 or 403) are thrown by the entities, not by the
/// endpoints. Checked for the classes already made thin (listed): any of them growing past 150 lines
/// or throwing a rule again fails. A class joins the list once its rules are on its entity; when every
/// endpoint class is on it, the list becomes "every *Api".
/// </summary>
public sealed class ThinEndpointTests
{
    private const int MaxLines = 150;
    private const string DomainRule = "Jtai.ServiceDefaults.Problems.DomainRuleException";

    /// <summary>The endpoint classes whose rules are on their entities, by file and by type.</summary>
    private static readonly Dictionary<string, string> Thin = new()
    {
        ["services/Orchestrator/Jtai.Orchestrator/Complaints/ComplaintsApi.cs"] = "Jtai.Orchestrator.Complaints.ComplaintsApi",
        ["services/Orchestrator/Jtai.Orchestrator/Publication/PublicationApi.cs"] = "Jtai.Orchestrator.Publication.PublicationApi",
        ["services/Orchestrator/Jtai.Orchestrator/Findings/FindingsApi.cs"] = "Jtai.Orchestrator.Findings.FindingsApi",
        ["services/Orchestrator/Jtai.Orchestrator/Letter/LetterApi.cs"] = "Jtai.Orchestrator.Letter.LetterApi",
        ["services/Orchestrator/Jtai.Orchestrator/SetUp/SetUpApi.cs"] = "Jtai.Orchestrator.SetUp.SetUpApi",
        ["services/Orchestrator/Jtai.Orchestrator/Programme/ProgrammeApi.cs"] = "Jtai.Orchestrator.Programme.ProgrammeApi",
        ["services/Orchestrator/Jtai.Orchestrator/Meetings/MeetingsApi.cs"] = "Jtai.Orchestrator.Meetings.MeetingsApi",
        ["services/Orchestrator/Jtai.Orchestrator/FieldworkTimetable/FieldworkTimetableApi.cs"] = "Jtai.Orchestrator.FieldworkTimetable.FieldworkTimetableApi",
        ["services/Orchestrator/Jtai.Orchestrator/InformalConcerns/InformalConcernsApi.cs"] = "Jtai.Orchestrator.InformalConcerns.InformalConcernsApi",
        ["services/Orchestrator/Jtai.Orchestrator/Survey/SurveyApi.cs"] = "Jtai.Orchestrator.Survey.SurveyApi",
        ["services/Orchestrator/Jtai.Orchestrator/ThematicReport/ThematicReportApi.cs"] = "Jtai.Orchestrator.ThematicReport.ThematicReportApi",
        ["services/Orchestrator/Jtai.Orchestrator/Team/TeamApi.cs"] = "Jtai.Orchestrator.Team.TeamApi",
        ["services/Orchestrator/Jtai.Orchestrator/QualityAssurance/QualityAssuranceApi.cs"] = "Jtai.Orchestrator.QualityAssurance.QualityAssuranceApi",
        ["services/Orchestrator/Jtai.Orchestrator/FactualAccuracy/FactualAccuracyApi.cs"] = "Jtai.Orchestrator.FactualAccuracy.FactualAccuracyApi",
        ["services/Orchestrator/Jtai.Orchestrator/Timeline/TimelineApi.cs"] = "Jtai.Orchestrator.Timeline.TimelineApi",
        ["services/Orchestrator/Jtai.Orchestrator/Deferral/DeferralApi.cs"] = "Jtai.Orchestrator.Deferral.DeferralApi",
        ["services/Orchestrator/Jtai.Orchestrator/StatementOfAction/StatementOfActionApi.cs"] = "Jtai.Orchestrator.StatementOfAction.StatementOfActionApi",
        ["services/Ofsted/Jtai.Ofsted/CaseSelection/CaseSelectionApi.cs"] = "Jtai.Ofsted.CaseSelection.CaseSelectionApi",
        ["services/Ofsted/Jtai.Ofsted/FollowUp/IlacsActionPlanApi.cs"] = "Jtai.Ofsted.FollowUp.IlacsActionPlanApi",
        ["services/Ofsted/Jtai.Ofsted/IssuesOfConcern/IssuesOfConcernApi.cs"] = "Jtai.Ofsted.IssuesOfConcern.IssuesOfConcernApi",
        ["services/Hmicfrs/Jtai.Hmicfrs/FollowUp/ForceMonitoringApi.cs"] = "Jtai.Hmicfrs.FollowUp.ForceMonitoringApi",
        ["services/Cqc/Jtai.Cqc/FollowUp/ManagementReviewApi.cs"] = "Jtai.Cqc.FollowUp.ManagementReviewApi",
        ["shared/Jtai.Inspectorate/Evidence/EvidenceApi.cs"] = "Jtai.Inspectorate.Evidence.EvidenceApi",
    };

    [Fact]
    public void Endpoint_classes_stay_under_150_lines()
    {
        var root = RepositoryRoot();
        var failures = new List<string>();
        foreach (var file in Thin.Keys)
        {
            var path = Path.Combine(root, file);
            if (!File.Exists(path)) { failures.Add($"{file}: not found"); continue; }
            var lines = File.ReadLines(path).Count();
            if (lines > MaxLines) failures.Add($"{file}: {lines} lines (at most {MaxLines}: move the rules onto the entity)");
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public void Endpoint_classes_throw_no_rule_of_the_process()
    {
        var failures = new List<string>();
        var found = new List<string>();
        foreach (var assembly in Assemblies.WithDomainCode)
        {
            var resolver = new DefaultAssemblyResolver();
            resolver.AddSearchDirectory(Path.GetDirectoryName(assembly.Location)!);
            using var module = ModuleDefinition.ReadModule(assembly.Location, new ReaderParameters { AssemblyResolver = resolver });
            foreach (var api in module.Types.Where(t => Thin.ContainsValue(t.FullName)))
            {
                found.Add(api.FullName);
                var throws = WithNested(api).SelectMany(t => t.Methods).Where(m => m.HasBody)
                    .SelectMany(m => m.Body.Instructions)
                    .Count(i => i.OpCode == OpCodes.Newobj && i.Operand is MethodReference ctor && IsDomainRule(ctor.DeclaringType));
                if (throws > 0) failures.Add($"{api.FullName}: {throws} rule(s) of the process thrown by the endpoint class (move them onto the entity)");
            }
        }
        failures.AddRange(Thin.Values.Except(found).Select(t => $"{t}: not found"));
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    /// <summary>Lambdas and async methods compile to nested types: their throws are the endpoint's.</summary>
    private static IEnumerable<TypeDefinition> WithNested(TypeDefinition type) => [type, .. type.NestedTypes.SelectMany(WithNested)];

    private static bool IsDomainRule(TypeReference? type)
    {
        for (var t = type; t is not null; t = t.Resolve()?.BaseType)
            if (t.FullName == DomainRule) return true;
        return false;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Jtai.Platform.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No Jtai.Platform.sln above {AppContext.BaseDirectory}.");
    }
}
