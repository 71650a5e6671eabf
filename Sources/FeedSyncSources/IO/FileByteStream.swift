#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A byte stream that reads a file with POSIX `read(2)`, straight into the caller's buffer.
///
/// Foundation's `FileHandle.bytes` and `URL.lines` do not exist on Linux, and
/// `FileHandle.read(upToCount:)` allocates a `Data` per call; reading into the reader's own
/// chunk buffer copies nothing. The descriptor closes when the last copy of the stream goes
/// away. Copies share one descriptor and so one file position: read through one copy only.
public struct FileByteStream: ByteStream, Sendable {
    /// Owns the descriptor so that it is closed exactly once, whatever copies exist.
    private final class Descriptor: Sendable {
        let value: Int32

        init(_ value: Int32) {
            self.value = value
        }

        deinit {
            _ = close(value)
        }
    }

    private let descriptor: Descriptor
    /// The path as given, for error messages.
    public let path: String

    /// Opens the file at `path` for reading.
    /// - Parameter path: the file to read, absolute or relative to the working directory.
    /// - Throws: ``ByteStreamError`` naming `path` and the reason when the file cannot be
    ///   opened (missing, no permission).
    public init(path: String) throws {
        var fd: Int32
        repeat {
            fd = open(path, O_RDONLY | O_CLOEXEC)
        } while fd < 0 && errno == EINTR
        guard fd >= 0 else {
            throw ByteStreamError(path: path, operation: .open, reason: Self.reason(errno))
        }
        self.descriptor = Descriptor(fd)
        self.path = path
    }

    /// Reads the next bytes of the file into `buffer`.
    /// - Parameter buffer: where to put the bytes.
    /// - Returns: how many bytes were read, or 0 at the end of the file.
    /// - Throws: ``ByteStreamError`` with the operating system's reason when reading fails
    ///   (for example `Is a directory`).
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        while true {
            let count = systemRead(descriptor.value, base, buffer.count)
            if count >= 0 { return count }
            // A signal arriving mid-read is not a failure of the file.
            if errno == EINTR { continue }
            throw ByteStreamError(path: path, operation: .read, reason: Self.reason(errno))
        }
    }

    private static func reason(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }
}

/// `read(2)` under a name that the stream's own `read(into:)` does not shadow.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
