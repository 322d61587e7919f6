namespace Wirescope.Storage;

/// <summary>The store itself is unusable (cannot open, newer schema, disk error): not a per-document failure.</summary>
public sealed class StoreException(string message, Exception? inner = null) : Exception(message, inner);
