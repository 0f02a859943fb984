namespace Jtai.Ofsted.InformationExchange.AnnexA;

/// <summary>One thing wrong with an uploaded file: where (row as the spreadsheet numbers it, column header), what, which rule.</summary>
public sealed record FileProblem(int Row, string Column, string? Value, string Rule, string Message);
