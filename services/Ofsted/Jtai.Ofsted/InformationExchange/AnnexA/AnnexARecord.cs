namespace Jtai.Ofsted.InformationExchange.AnnexA;

/// <summary>A valid row of an Annex A list, its codes normalised, each value in its typed slot.</summary>
public sealed class AnnexARecord : AnnexAValues
{
    public int Row { get; init; }
    public required AnnexAList List { get; init; }
    /// <summary>The list's own columns, as the exchange shows them (see <see cref="AnnexAValues.FieldsOf"/>).</summary>
    public Dictionary<string, string> Fields => FieldsOf(List);
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
