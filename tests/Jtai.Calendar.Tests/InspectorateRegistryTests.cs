using System.Text;
using Jtai.Calendar.Frameworks;
using Jtai.Calendar.Registry;
using Xunit;

namespace Jtai.Calendar.Tests;

public class InspectorateRegistryTests
{
    private static InspectorateRegistry Parse(string json) =>
        InspectorateRegistry.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), "test");

    private const string Agencies = """
        "agencies": [ { "key": "police", "name": "Police", "inLetter": "the police" }, { "key": "masa", "name": "MASA", "inLetter": "the MASA" } ]
        """;

    private static string One(string key = "hmicfrs", int port = 5401, string followsUp = "\"police\", \"masa\"", string project = "services/Hmicfrs/Jtai.Hmicfrs") => $$"""
        { "key": "{{key}}", "name": "N", "fullName": "F", "letterName": "L", "project": "{{project}}", "port": {{port}},
          "followsUp": [{{followsUp}}], "followUp": "force-monitoring", "partnerApi": "P" }
        """;

    [Fact]
    public void The_shipped_registry_names_every_inspectorate_a_framework_takes_part_with_and_who_follows_up_each_agency()
    {
        var registry = InspectorateRegistry.Current;
        Assert.Equal(Framework.JointInspectorates, registry.Keys.Take(3));
        Assert.Equal(["ofsted", "cqc", "hmicfrs", "hmiprobation"], registry.Keys);
        foreach (var framework in FrameworkCatalog.Load().All)
            Assert.All(framework.Inspectorates, i => Assert.True(registry.IsInspectorate(i), $"{framework.Key} v{framework.Version}: {i}"));
        Assert.Equal(["ofsted"], registry.FollowingUp("local-authority"));
        Assert.Equal(["ofsted"], registry.FollowingUp("education"));
        Assert.Equal(["cqc"], registry.FollowingUp("health"));
        Assert.Equal(["hmicfrs"], registry.FollowingUp("police"));
        // The MASA is the three safeguarding partners: their three inspectorates (¶110).
        Assert.Equal(["ofsted", "cqc", "hmicfrs"], registry.FollowingUp("masa"));
        Assert.Equal("Jtai.Hmicfrs", registry.Inspectorate("hmicfrs").Assembly);
    }

    [Fact]
    public void HMI_Probation_follows_up_youth_justice_and_probation_and_takes_part_only_where_a_framework_names_it()
    {
        var registry = InspectorateRegistry.Current;
        Assert.Equal(["hmiprobation"], registry.FollowingUp("youth-justice"));
        Assert.Equal(["hmiprobation"], registry.FollowingUp("probation"));
        var frameworks = FrameworkCatalog.Load();
        var theme = frameworks.Latest("youth-justice-and-criminal-exploitation");
        Assert.Equal(["ofsted", "cqc", "hmicfrs", "hmiprobation"], theme.Inspectorates);
        Assert.Contains(theme.Team, p => p is { Inspectorate: "hmiprobation", TeamRole: "lead-inspector", Count: 1 });
        Assert.Equal(10, theme.NoticeWorkingDays);
        Assert.All(frameworks.All.Where(f => f.Key != theme.Key), f => Assert.DoesNotContain("hmiprobation", f.Inspectorates));
    }

    [Fact]
    public void Every_inspectorate_of_the_registry_is_a_service_of_the_repository()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Jtai.Platform.sln"))) root = root.Parent;
        Assert.NotNull(root);
        var solution = File.ReadAllText(Path.Combine(root.FullName, "Jtai.Platform.sln"));
        foreach (var i in InspectorateRegistry.Current.Inspectorates)
        {
            Assert.True(File.Exists(Path.Combine(root.FullName, i.Project, i.Assembly + ".csproj")), $"{i.Key}: {i.Project}");
            Assert.True(File.Exists(Path.Combine(root.FullName, i.Project, "Dockerfile")), $"{i.Key}: its Dockerfile");
            Assert.Contains(i.Assembly + ".csproj", solution);
        }
    }

    [Theory]
    [InlineData("hmi-probation", 5501, "\"police\"", "key of lower-case letters")]
    [InlineData("cqc", 5501, "\"prisons\"", "follows up only agencies the registry names")]
    [InlineData("cqc", 80, "\"police\"", "a port")]
    public void A_registry_entry_that_would_misname_a_database_or_follow_up_an_unknown_agency_stops_the_process(string key, int port, string followsUp, string says)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Parse($$"""{ "inspectorates": [ {{One(key, port, followsUp)}} ], {{Agencies}} }"""));
        Assert.Contains(says, error.Message);
    }

    [Fact]
    public void Two_inspectorates_on_one_port_or_one_key_are_refused()
    {
        Assert.Contains("share a port", Assert.Throws<InvalidOperationException>(() =>
            Parse($$"""{ "inspectorates": [ {{One("cqc", 5401)}}, {{One("hmicfrs", 5402)}} ], {{Agencies}} }""")).Message);
        Assert.Contains("twice", Assert.Throws<InvalidOperationException>(() =>
            Parse($$"""{ "inspectorates": [ {{One("cqc", 5301)}}, {{One("cqc", 5401)}} ], {{Agencies}} }""")).Message);
        Assert.Equal(["cqc", "hmicfrs"], Parse($$"""{ "inspectorates": [ {{One("cqc", 5301)}}, {{One("hmicfrs", 5401)}} ], {{Agencies}} }""").FollowingUp("police"));
    }
}
