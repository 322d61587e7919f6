using System.Text.Json;
using Wirescope.Documents;
using Wirescope.Documents.Json;

namespace Wirescope.Cli;

/// <summary>Writes analysed documents as jsonl (default), one JSON array, or text for people.</summary>
public sealed class RecordWriter : IDisposable
{
    private readonly Stream _out;
    private readonly string _format;
    private readonly TextWriter? _text;
    private readonly Utf8JsonWriter? _array;

    public RecordWriter(Stream output, string format)
    {
        _out = output;
        _format = format;
        if (format == "text") _text = new StreamWriter(output, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true);
        if (format == "json")
        {
            _array = new Utf8JsonWriter(output, DocumentJsonWriter.Options with { Indented = true });
            _array.WriteStartArray();
        }
    }

    public void Write(Document doc)
    {
        switch (_format)
        {
            case "json":
                DocumentJsonWriter.Write(_array!, doc);
                _array!.Flush();
                break;
            case "text":
                TextRenderer.Write(_text!, doc);
                _text!.Flush();
                break;
            default:
                _out.Write(DocumentJsonWriter.ToUtf8(doc));
                _out.WriteByte((byte)'\n');
                _out.Flush();
                break;
        }
    }

    public void Dispose()
    {
        if (_array is not null)
        {
            _array.WriteEndArray();
            _array.Flush();
            _array.Dispose();
            _out.WriteByte((byte)'\n');
        }
        _text?.Dispose();
        _out.Flush();
    }
}
