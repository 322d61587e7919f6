namespace Wirescope.Inputs;

/// <summary>Bytes of archive files read so far, so a long WARC ingest can show how far it is (thread-safe).</summary>
public sealed class InputProgress
{
    private long _read;

    public long BytesRead => Interlocked.Read(ref _read);

    public void Advance(long bytes) => Interlocked.Add(ref _read, bytes);
}
