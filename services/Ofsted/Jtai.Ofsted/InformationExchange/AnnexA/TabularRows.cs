using System.Text;
using CsvHelper;

namespace Jtai.Ofsted.InformationExchange.AnnexA;

/// <summary>
/// A sheet read one row at a time: its header, then each non-blank row's cells as text that is valid
/// until the next row. Tens of thousands of rows pass through without a string per cell.
/// </summary>
public interface ITabularRows
{
    IReadOnlyList<string> Headers { get; }
    /// <summary>The row the header is on, as the spreadsheet numbers it.</summary>
    int HeaderRow { get; }
    /// <summary>Moves to the next row that has a value in any cell; false at the end.</summary>
    bool Next();
    /// <summary>The current row's number as a spreadsheet or text editor shows it.</summary>
    int Row { get; }
    int CellCount { get; }
    ReadOnlySpan<char> Cell(int index);
}

/// <summary>The rows of a sheet already read whole (an XLSX sheet).</summary>
public sealed class TableRows(Table table) : ITabularRows
{
    private int _next;
    private string[] _cells = [];

    public IReadOnlyList<string> Headers => table.Headers;
    public int HeaderRow => table.HeaderRow;
    public int Row { get; private set; }
    public int CellCount => _cells.Length;
    public ReadOnlySpan<char> Cell(int index) => _cells[index];

    public bool Next()
    {
        if (_next >= table.Rows.Count) return false;
        (Row, _cells) = table.Rows[_next++];
        return true;
    }
}

/// <summary>
/// A CSV file read record by record with CsvHelper's UTF-8 reader (separator detected among , ; tab |;
/// a byte order mark honoured). Each record's fields are decoded into one reused buffer; rows are
/// numbered by the line each record starts on.
/// </summary>
public sealed class CsvRows : ITabularRows, IDisposable
{
    private readonly CsvReader _reader;
    private char[] _text = new char[1024];
    private int[] _start = new int[16];
    private int[] _length = new int[16];

    public CsvRows(ReadOnlyMemory<byte> content)
    {
        _reader = CsvReader.Create(content, TabularFile.CsvOptions);
        try
        {
            Headers = _reader.Headers.ToArray();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _reader.Dispose();
            throw new UnreadableFileException(ex);
        }
    }

    public IReadOnlyList<string> Headers { get; }
    public int HeaderRow => 1;
    public int Row { get; private set; }
    public int CellCount { get; private set; }
    public ReadOnlySpan<char> Cell(int index) => _text.AsSpan(_start[index], _length[index]);

    public bool Next()
    {
        try
        {
            while (_reader.Read())
            {
                if (Decode()) return true;
            }
            return false;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new UnreadableFileException(ex);
        }
    }

    /// <summary>The current record's fields as UTF-16 in the buffer; false for a row of blank cells.</summary>
    private bool Decode()
    {
        var count = _reader.FieldCount;
        if (_start.Length < count)
        {
            _start = new int[count];
            _length = new int[count];
        }
        var used = 0;
        var blank = true;
        for (var i = 0; i < count; i++)
        {
            var bytes = _reader.GetSpan(i);
            // UTF-8 never takes fewer bytes than the UTF-16 code units it decodes to.
            if (_text.Length - used < bytes.Length) Array.Resize(ref _text, Math.Max(_text.Length * 2, used + bytes.Length));
            var chars = Encoding.UTF8.GetChars(bytes, _text.AsSpan(used));
            _start[i] = used;
            _length[i] = chars;
            if (blank && !_text.AsSpan(used, chars).IsWhiteSpace()) blank = false;
            used += chars;
        }
        CellCount = count;
        Row = (int)_reader.LineNumber;
        return !blank;
    }

    public void Dispose() => _reader.Dispose();
}

/// <summary>The file is not what its format says (broken quoting in a CSV file, say): it can be read no further.</summary>
public sealed class UnreadableFileException(Exception inner) : Exception(inner.Message, inner);
