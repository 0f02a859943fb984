using Jtai.Ofsted.InformationExchange.AnnexA;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jtai.Ofsted.InformationExchange;

/// <summary>A refused file as an RFC 9457 validation problem: every problem with its row, column, value and rule.</summary>
public static class FileProblems
{
    public static ValidationProblem Refused(string title, IReadOnlyList<FileProblem> problems, int maxListed, IDictionary<string, object?>? extra = null)
    {
        var listed = problems.Take(maxListed).ToList();
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var group in listed.GroupBy(p => $"row {p.Row}, column {p.Column}"))
            errors[group.Key] = group.Select(p => p.Message).ToArray();
        var extensions = new Dictionary<string, object?>(extra ?? new Dictionary<string, object?>())
        {
            ["problems"] = listed.Select(p => new { row = p.Row, column = p.Column, value = p.Value, rule = p.Rule, message = p.Message }).ToList(),
            ["problemCount"] = problems.Count,
            ["problemsListed"] = listed.Count,
        };
        return TypedResults.ValidationProblem(errors, title: title,
            detail: $"{problems.Count} problem(s) found" + (problems.Count > listed.Count ? $"; the first {listed.Count} are listed." : "."),
            extensions: extensions);
    }

    public static ValidationProblem Field(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
}
