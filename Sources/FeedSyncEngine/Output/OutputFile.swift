import FeedSyncCore
import Foundation

/// A buffered, write-only byte sink over a file descriptor (a file or standard output).
///
/// Writes go out in blocks of about 1 MiB, so exporting a million products makes a
/// thousand system calls rather than a million.
public final class OutputFile {
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    private let name: String
    private var buffer: [UInt8] = []
    private let blockSize = 1 << 20

    /// Opens (creates or truncates) a file for writing.
    /// - Parameter path: the file.
    /// - Throws: ``OutputError`` naming the file and the reason.
    public init(path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw OutputError(name: path, reason: String(cString: strerror(errno))) }
        self.descriptor = descriptor
        self.ownsDescriptor = true
        self.name = path
        buffer.reserveCapacity(blockSize * 2)
    }

    /// A sink over standard output.
    public init(standardOutput: Void = ()) {
        descriptor = STDOUT_FILENO
        ownsDescriptor = false
        name = "standard output"
        buffer.reserveCapacity(blockSize * 2)
    }

    deinit {
        if ownsDescriptor { close(descriptor) }
    }

    /// Appends bytes, writing a block out when the buffer is full.
    /// - Throws: ``OutputError`` when the write fails (disk full, closed pipe).
    public func write(_ bytes: [UInt8]) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= blockSize { try flush() }
    }

    /// Appends bytes, writing a block out when the buffer is full.
    /// - Throws: ``OutputError`` when the write fails (disk full, closed pipe).
    public func write(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= blockSize { try flush() }
    }

    /// Appends text as UTF-8.
    public func write(_ text: String) throws {
        try write(Array(text.utf8))
    }

    /// Writes out everything buffered.
    /// - Throws: ``OutputError`` when the write fails.
    public func flush() throws {
        var offset = 0
        while offset < buffer.count {
            let written = buffer.withUnsafeBytes { raw in
                Foundation.write(descriptor, raw.baseAddress.map { $0 + offset }, raw.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw OutputError(name: name, reason: String(cString: strerror(errno)))
            }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

/// Writing the output failed.
public struct OutputError: UserFacingError {
    /// The file written to.
    public var name: String
    /// The operating system's reason.
    public var reason: String

    public var kind: FailureKind { .run }
    public var description: String { "cannot write \(name): \(reason)" }
}
