namespace Jtai.Ofsted.InformationExchange.AnnexA;

/// <summary>A valid row of an Annex A list, its codes normalised; columns without a typed slot are in Fields.</summary>
public sealed class AnnexARecord
{
    public int Row { get; init; }
    public required string ChildId { get; init; }
    public string? Gender { get; set; }
    public string? Ethnicity { get; set; }
    public DateOnly? DateOfBirth { get; set; }
    public short Age { get; set; }
    public DateOnly? EventDate { get; set; }
    public string? Source { get; set; }
    public string? Disability { get; set; }
    public Dictionary<string, string> Fields { get; } = new(StringComparer.Ordinal);
}

/// <summary>What validating one list found: the valid rows and every problem, each with its row, column, value and rule.</summary>
public sealed record AnnexAValidation(AnnexAList List, IReadOnlyList<AnnexARecord> Valid, IReadOnlyList<FileProblem> Problems, int DataRows)
{
    /// <summary>The header itself is unusable: no row can be kept, whatever the uploader asked.</summary>
    public bool HeaderRefused { get; init; }
    /// <summary>Rows kept but reported: dated before the period the lists cover (¶8).</summary>
    public IReadOnlyList<FileProblem> Warnings { get; init; } = [];
    public int InvalidRows => DataRows - Valid.Count;
}
