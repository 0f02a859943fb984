namespace Jtai.Web.Pages;

/// <summary>One entry of a GOV.UK error summary: the message and the id of the field it links to.</summary>
public sealed record PageError(string FieldId, string Message);
