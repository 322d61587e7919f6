using System.Runtime.InteropServices;

namespace Wirescope.Language.Models;

/// <summary>
/// Large look-up tables backed by 2 MB pages where Linux allows it (transparent huge pages in
/// "madvise" mode). The parser's tables are ~100 MB probed at random: with 4 KB pages nearly
/// every probe also misses the TLB and walks the page tables; 2 MB pages cover them with a few
/// dozen TLB entries. Contents are the same either way (a zeroed array); only the paging differs.
/// </summary>
internal static partial class HugePages
{
    private const long PageSize = 2L << 20;
    private const int MadviseHugePage = 14; // MADV_HUGEPAGE

    [LibraryImport("libc", SetLastError = true)]
    private static partial int madvise(nint address, nuint length, int advice);

    /// <summary>A zeroed array of <paramref name="length"/>; tables under 8 MB are ordinary arrays.</summary>
    public static unsafe T[] Zeroed<T>(int length) where T : unmanaged
    {
        long bytes = (long)length * sizeof(T);
        if (!OperatingSystem.IsLinux() || bytes < 4 * PageSize) return new T[length];
        // Pinned: the advice is for an address range, so the array must not move.
        var array = GC.AllocateUninitializedArray<T>(length, pinned: true);
        fixed (T* p = array)
        {
            long start = ((long)p + PageSize - 1) & ~(PageSize - 1), end = ((long)p + bytes) & ~(PageSize - 1);
            if (end > start)
            {
                try { madvise((nint)start, (nuint)(end - start), MadviseHugePage); }
                catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { }
            }
        }
        // Zeroing after the advice is the first touch of fresh pages: they come in as 2 MB pages.
        array.AsSpan().Clear();
        return array;
    }
}
