/// A source of bytes that is pulled in large chunks.
///
/// Readers such as ``CSVReader`` own one chunk buffer and ask the stream to fill it, so a
/// stream never has to hold more than the caller asked for. Implementations exist for
/// files (``FileByteStream``) and for bytes in memory (``MemoryByteStream``); a
/// decompressing or network stream can be added behind the same requirement.
///
/// Streams are `Sendable` so that a reader, and the source built on it, can move to the
/// task that drains it. A stream is used by one reader at a time; one that wraps a
/// non-sendable resource (a zlib state) keeps it in a class it alone owns.
public protocol ByteStream: Sendable {
    /// Copies the next bytes of the stream into `buffer`.
    ///
    /// A call may return fewer bytes than `buffer` holds (a pipe, a short read); only a
    /// return value of 0 means the stream is exhausted.
    /// - Parameter buffer: where to put the bytes; its whole length may be used.
    /// - Returns: how many bytes were written to the start of `buffer`, or 0 at the end.
    /// - Throws: an error describing why the underlying source could not be read, for
    ///   example ``ByteStreamError``.
    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int
}
