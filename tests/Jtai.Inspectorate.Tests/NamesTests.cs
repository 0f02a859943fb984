using Jtai.Inspectorate.Evidence;
using Jtai.ServiceDefaults.Problems;
using Xunit;

namespace Jtai.Inspectorate.Tests;

public sealed class NamesTests
{
    [Fact]
    public void A_full_name_needs_a_reason_and_a_person_needs_some_reference()
    {
        var errors = new RequestErrors();
        var people = Names.Validate([
            new PersonInput(null, "j.s.", null, "social worker", "Jane Smith", null),
            new PersonInput(null, null, null, null, null, null),
            new PersonInput("C-1", "ABCDE", null, null, null, "why"),
            new PersonInput("C-2", "AB", new DateOnly(2015, 3, 2), null, "Ann Brown", "Connects LA and police records"),
        ], errors);
        var found = errors.ToDictionary();
        Assert.Contains("people[0].nameReason", found.Keys);
        Assert.Contains("people[1]", found.Keys);
        Assert.Contains("people[2].initials", found.Keys);
        Assert.Contains("people[2].name", found.Keys);
        Assert.DoesNotContain(found.Keys, k => k.StartsWith("people[3]"));
        Assert.Equal("JS", people[0].Initials);
    }

    [Theory]
    [InlineData("Mrs Patel explained the triage.", "Mrs Patel")]
    [InlineData("We spoke to Dr. A. Lee about the referral.", "Dr. A. Lee")]
    [InlineData("Mr John Carter attended.", "Mr John Carter")]
    public void Titled_names_in_the_text_are_found(string text, string name) =>
        Assert.Equal([name], Names.UnexplainedNamesIn(text, []));

    [Theory]
    [InlineData("The Children Act 2004 and Working Together guide the MASH.")]
    [InlineData("Child 4471 (A.B.) was seen by the social worker (SW, J.S.).")]
    public void Prose_without_titled_names_passes(string text) => Assert.Empty(Names.UnexplainedNamesIn(text, []));

    [Fact]
    public void A_titled_name_is_accepted_when_the_person_is_listed_with_a_reason()
    {
        PersonReference[] people = [new(null, "RP", null, "MASH manager", "Rita Patel", "Named in both LA and police records")];
        Assert.Empty(Names.UnexplainedNamesIn("Mrs Patel explained the triage.", people));
        PersonReference[] noReason = [new(null, "RP", null, "MASH manager", null, null)];
        Assert.NotEmpty(Names.UnexplainedNamesIn("Mrs Patel explained the triage.", noReason));
    }

    [Fact]
    public void Strip_replaces_names_by_initials_and_forgets_the_names()
    {
        var text = "Rita Patel (MASH manager) spoke first; Mrs Patel, with her deputy, then met Mr Okafor.";
        var people = new List<PersonReference> { new("C-9", "RP", null, "MASH manager", "Rita Patel", "Connects records") };
        Assert.True(Names.Strip(ref text, ref people));
        Assert.Equal("RP (MASH manager) spoke first; RP, with her deputy, then met [name removed].", text);
        Assert.Null(people[0].Name);
        Assert.Null(people[0].NameReason);
        Assert.Equal("C-9", people[0].CaseReference);

        Assert.False(Names.Strip(ref text, ref people));
    }
}
