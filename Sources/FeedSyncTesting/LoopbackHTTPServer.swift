import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A small real HTTP/1.1 server on `127.0.0.1`, for tests that need a socket.
///
/// It binds port 0 so the system picks a free port (read back with ``port``), reads each
/// request completely (`Content-Length` or chunked bodies, answering `100 Continue` when
/// asked), passes it to the handler and writes the handler's answer with
/// `Connection: close`. Each connection gets its own thread: tests send a handful of
/// requests, and a thread per connection keeps the code short and lets a handler block
/// (to simulate a slow server) without holding up other connections.
///
/// It only ever binds the loopback address, so tests never open a port to the network.
/// Call ``stop()`` when done; it closes the listening socket and waits for the threads.
public final class LoopbackHTTPServer: Sendable {
    /// The answer type handlers return.
    public typealias Response = ServerResponse

    /// What the server does when a request carries `Expect: 100-continue`.
    public enum ContinuePolicy: Sendable {
        /// Send `100 Continue` before reading the body, as a well-behaved server does.
        case answer
        /// Send nothing and wait for the body, as some servers and proxies do; a client
        /// that waits for `100 Continue` then stalls until its own timeout.
        case ignore
    }

    /// Why the server could not start.
    public struct StartError: Error, CustomStringConvertible {
        /// The socket call that failed.
        public var call: String
        /// The system's error number.
        public var code: Int32

        /// `call failed: system message`.
        public var description: String {
            "LoopbackHTTPServer: \(call) failed: \(String(cString: strerror(code)))"
        }
    }

    private struct State {
        var listener: Int32?
        var port = 0
        var stopping = false
        var openConnections: Set<Int32> = []
    }

    private let handler: @Sendable (ReceivedRequest) -> Response
    private let continuePolicy: ContinuePolicy
    private let maximumBodySize: Int
    private let state = Locked(State())
    private let acceptLoopDone = DispatchSemaphore(value: 0)
    private let connections = DispatchGroup()

    /// Creates a server; it does not listen until ``start()``.
    /// - Parameters:
    ///   - continuePolicy: whether to answer `Expect: 100-continue`; `.answer` by default.
    ///   - maximumBodySize: larger bodies are answered with 413; 64 MiB by default.
    ///   - handler: called on a server thread for every complete request.
    public init(
        continuePolicy: ContinuePolicy = .answer,
        maximumBodySize: Int = 64 << 20,
        handler: @escaping @Sendable (ReceivedRequest) -> Response
    ) {
        self.continuePolicy = continuePolicy
        self.maximumBodySize = maximumBodySize
        self.handler = handler
    }

    /// The port the server listens on, or 0 before ``start()``.
    public var port: Int {
        state.withLock { $0.port }
    }

    /// `http://127.0.0.1:<port>`, without a trailing slash.
    public var baseURL: URL {
        // A literal address and a number always form a valid URL.
        URL(string: "http://127.0.0.1:\(port)") ?? URL(fileURLWithPath: "/")
    }

    /// Binds `127.0.0.1` on a port the system chooses and starts accepting connections.
    /// - Throws: ``StartError`` when a socket call fails or the server was started before.
    public func start() throws {
        let fd = socket(AF_INET, Self.streamType, 0)
        guard fd >= 0 else { throw StartError(call: "socket", code: errno) }
        var reuse: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))

        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0 else {
            let code = errno
            close(fd)
            throw StartError(call: "bind", code: code)
        }
        guard listen(fd, 64) == 0 else {
            let code = errno
            close(fd)
            throw StartError(call: "listen", code: code)
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard named == 0 else {
            let code = errno
            close(fd)
            throw StartError(call: "getsockname", code: code)
        }
        let port = Int(UInt16(bigEndian: address.sin_port))
        let alreadyStarted = state.withLock { state -> Bool in
            guard state.listener == nil, !state.stopping else { return true }
            state.listener = fd
            state.port = port
            return false
        }
        if alreadyStarted {
            close(fd)
            throw StartError(call: "start (the server was already started)", code: EINVAL)
        }
        let thread = Thread { [self] in
            acceptLoop(listener: fd)
            acceptLoopDone.signal()
        }
        thread.name = "LoopbackHTTPServer accept \(port)"
        thread.start()
    }

    /// Stops accepting, closes the listening socket, breaks open connections and waits
    /// until every server thread has finished. Safe to call more than once.
    public func stop() {
        let (listener, open) = state.withLock { state -> (Int32?, Set<Int32>) in
            guard !state.stopping else { return (nil, []) }
            state.stopping = true
            return (state.listener, state.openConnections)
        }
        guard let listener else { return }
        // shutdown wakes a thread blocked in accept on Linux; the accept loop's poll
        // timeout covers systems where it does not.
        shutdown(listener, Int32(SHUT_RDWR))
        acceptLoopDone.wait()
        close(listener)
        for fd in open {
            shutdown(fd, Int32(SHUT_RDWR))
        }
        connections.wait()
    }

    private func acceptLoop(listener: Int32) {
        while !state.withLock({ $0.stopping }) {
            var poller = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, 200)
            if ready < 0, errno != EINTR { return }
            guard ready > 0 else { continue }
            let client = accept(listener, nil, nil)
            guard client >= 0 else {
                if errno == EINTR || errno == EAGAIN || errno == ECONNABORTED { continue }
                return
            }
            let admitted = state.withLock { state -> Bool in
                guard !state.stopping else { return false }
                state.openConnections.insert(client)
                return true
            }
            guard admitted else {
                close(client)
                return
            }
            connections.enter()
            let thread = Thread { [self] in
                serve(client)
                state.withLock { _ = $0.openConnections.remove(client) }
                close(client)
                connections.leave()
            }
            thread.name = "LoopbackHTTPServer connection"
            thread.start()
        }
    }

    private func serve(_ fd: Int32) {
        Self.configure(fd)
        let connection = SocketConnection(fd: fd)
        let response: Response
        do {
            if let request = try HTTPRequestReader(
                connection: connection, continuePolicy: continuePolicy, maximumBodySize: maximumBodySize
            ).read() {
                response = handler(request)
            } else {
                return  // the client closed without sending a request
            }
        } catch let error as HTTPRequestReader.Failure {
            response = .text(error.status, error.message + "\n")
        } catch {
            return
        }
        // A fault-injection answer: close the connection with no answer at all.
        guard response != .dropConnection else { return }
        if let stream = response.stream {
            writeStream(stream, after: response, to: connection)
        } else {
            connection.write(Self.serialize(response))
        }
        shutdown(fd, Int32(SHUT_WR))
    }

    /// Writes the head without a length, then the chunks, until done, refused or stopping.
    private func writeStream(_ stream: StreamedBody, after response: Response, to connection: SocketConnection) {
        var head = "HTTP/1.1 \(response.status) \(ServerResponse.reasonPhrase(for: response.status))\r\n"
        for field in response.headers where field.name.lowercased() != "connection" {
            head += "\(field.name): \(field.value)\r\n"
        }
        head += "Connection: close\r\n\r\n"
        guard connection.write(Array(head.utf8) + Array(response.body)) else { return }
        let chunk = Array(stream.chunk)
        var sent = 0
        while stream.count.map({ sent < $0 }) ?? true, !state.withLock({ $0.stopping }) {
            guard pause(stream.pause), connection.write(chunk) else { return }
            sent += 1
        }
    }

    /// Waits `duration` in short steps. - Returns: `false` when the server began stopping meanwhile.
    private func pause(_ duration: Duration) -> Bool {
        let clock = ContinuousClock()
        let end = clock.now.advanced(by: duration)
        while clock.now < end {
            if state.withLock({ $0.stopping }) { return false }
            let (seconds, attoseconds) = (end - clock.now).components
            Thread.sleep(forTimeInterval: min(0.05, Double(seconds) + Double(attoseconds) / 1e18))
        }
        return true
    }

    private static func serialize(_ response: Response) -> [UInt8] {
        var head = "HTTP/1.1 \(response.status) \(ServerResponse.reasonPhrase(for: response.status))\r\n"
        for field in response.headers
        where field.name.lowercased() != "content-length" && field.name.lowercased() != "connection" {
            head += "\(field.name): \(field.value)\r\n"
        }
        head += "Content-Length: \(response.body.count)\r\nConnection: close\r\n\r\n"
        return Array(head.utf8) + Array(response.body)
    }

    private static func configure(_ fd: Int32) {
        // A client that connects and then goes quiet must not hold a thread for ever.
        var timeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        #if canImport(Darwin)
        // Writing to a connection the client closed must fail, not kill the test process.
        var noSignal: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &noSignal, socklen_t(MemoryLayout<Int32>.size))
        #endif
    }

    #if canImport(Glibc) || canImport(Musl)
    private static let streamType = Int32(SOCK_STREAM.rawValue)
    #else
    private static let streamType = SOCK_STREAM
    #endif
}
