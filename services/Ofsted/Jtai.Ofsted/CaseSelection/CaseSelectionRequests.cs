using Jtai.Contracts.InformationRequests;
using Jtai.ServiceDefaults.Problems;

namespace Jtai.Ofsted.CaseSelection;

/// <summary>Children named by id; which ids are known depends on the lists or the 30, so the endpoint passes them in.</summary>
public sealed record ChildIdsRequest(List<string?>? ChildIds)
{
    public List<string> Ids => ChildIds?.Where(id => id is not null).Select(id => id!).Distinct().ToList() ?? [];

    public RequestErrors Check(Func<string, bool> known, string unknownRule)
    {
        var errors = new RequestErrors();
        if (ChildIds is null || ChildIds.Count == 0) { errors.Add("childIds", "'childIds' must list the children."); return errors; }
        for (var i = 0; i < ChildIds.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(ChildIds[i])) errors.Add($"childIds[{i}]", "A child id is required.");
            else if (!known(ChildIds[i]!)) errors.Add($"childIds[{i}]", $"Child '{ChildIds[i]}' {unknownRule}.");
        }
        return errors;
    }
}

public sealed record ChildAnswer(string? ChildId, bool? ChildKnownToPolice, bool? ParentsOrCarersKnownToPolice, bool? HealthSupportBeyondUniversalServices);

/// <summary>Each agency answers only its own questions (¶98), and only for the 30.</summary>
public sealed record AnswersRequest(List<ChildAnswer?>? Answers)
{
    public RequestErrors CheckFor(string agency, Func<string, bool> selected)
    {
        var errors = new RequestErrors();
        if (Answers is null || Answers.Count == 0) errors.Add("answers", "'answers' must list at least one child's answers.");
        for (var i = 0; i < (Answers?.Count ?? 0); i++)
        {
            var a = Answers![i];
            var at = $"answers[{i}]";
            if (a is null) { errors.Add(at, "An answer is required."); continue; }
            if (!errors.Required(a.ChildId, $"{at}.childId")) continue;
            if (!selected(a.ChildId)) errors.Add($"{at}.childId", $"Child '{a.ChildId}' is not among the 30 selected children.");
            if (agency == AnnexAItems.Police)
            {
                errors.Required(a.ChildKnownToPolice, $"{at}.childKnownToPolice");
                errors.Required(a.ParentsOrCarersKnownToPolice, $"{at}.parentsOrCarersKnownToPolice");
                if (a.HealthSupportBeyondUniversalServices is not null) errors.Add($"{at}.healthSupportBeyondUniversalServices", "Health answers this question, not the police.");
            }
            else
            {
                errors.Required(a.HealthSupportBeyondUniversalServices, $"{at}.healthSupportBeyondUniversalServices");
                if (a.ChildKnownToPolice is not null || a.ParentsOrCarersKnownToPolice is not null)
                    errors.Add(at, "The police answer whether the child and the parents or carers are known to them, not health.");
            }
        }
        return errors;
    }
}
