import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A `URLSession` that hands each answer's body over as it arrives, so a transfer can be
/// stopped the moment it breaks a ``TransferLimits`` bound.
///
/// `URLSession.data(for:)` and `download(for:)` only return when the server is done, and
/// a server that never is done (an endless stream, 10 GB of garbage) would fill memory or
/// the disk first. Here a delegate counts the bytes, writes them to memory or to a file,
/// and cancels the task past ``TransferLimits/maxBytes``; timers cancel it when the
/// status line is late (``TransferLimits/responseTimeout``) or the read's
/// ``TransferLimits/deadline`` passes.
public final class LimitedSession: Sendable {
    /// Where a body goes.
    public enum Sink: Sendable {
        /// Kept in memory and returned.
        case memory
        /// Written to this file, which is created or truncated.
        case file(URL)
    }

    private let session: URLSession
    private let delegate: LimitedSessionDelegate

    /// Creates a session.
    /// - Parameters:
    ///   - configuration: the session configuration; caches and cookies are turned off.
    ///   - followRedirects: whether 3xx answers are followed (downloads) or returned (API calls).
    public init(configuration: URLSessionConfiguration = .ephemeral, followRedirects: Bool) {
        let configuration = configuration.copy() as? URLSessionConfiguration ?? configuration
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        configuration.httpCookieStorage = nil
        delegate = LimitedSessionDelegate(followRedirects: followRedirects)
        session = URLSession(configuration: configuration, delegate: delegate, delegateQueue: nil)
    }

    deinit {
        session.finishTasksAndInvalidate()
    }

    /// Sends `request` and collects its answer within `request.limits`.
    /// - Parameters:
    ///   - request: the request, with its limits.
    ///   - sink: where the body goes.
    /// - Returns: the answer; its body is empty when it went to a file.
    /// - Throws: ``TransportError`` when no answer could be had or a limit was broken;
    ///   `CancellationError` when the calling task was cancelled; a file error when the
    ///   sink file cannot be created.
    public func send(_ request: HTTPRequest, to sink: Sink) async throws -> HTTPResponse {
        let limits = request.limits
        if let deadline = limits.deadline, deadline <= .now {
            throw Self.error(for: request, .overTime(limits.budget ?? .zero, setting: limits.settings.total))
        }
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = request.method.rawValue
        urlRequest.timeoutInterval = URLSessionTransport.seconds(request.timeout)
        for field in request.headers { urlRequest.addValue(field.value, forHTTPHeaderField: field.name) }
        if !request.body.isEmpty { urlRequest.httpBody = request.body }
        var handle: FileHandle?
        if case .file(let url) = sink {
            guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
            }
            handle = try FileHandle(forWritingTo: url)
        }
        defer { try? handle?.close() }
        let task = session.dataTask(with: urlRequest)
        var timers: [(DispatchWorkItem, Duration)] = []
        if let wait = limits.responseTimeout {
            timers.append((DispatchWorkItem { [delegate, weak task] in
                guard let task else { return }
                delegate.stop(task, .noResponse(wait, setting: limits.settings.response), unlessAnswered: true)
            }, wait))
        }
        if let deadline = limits.deadline {
            let stop = DispatchWorkItem { [delegate, weak task] in
                guard let task else { return }
                delegate.stop(task, .overTime(limits.budget ?? .zero, setting: limits.settings.total), unlessAnswered: false)
            }
            timers.append((stop, ContinuousClock.now.duration(to: deadline)))
        }
        // A cancelled DispatchWorkItem still sits in its queue until its time comes (hours, for
        // a deadline), closure and all: the timers hold the task (and its request body) weakly,
        // or every upload batch stayed in memory (1M products: 2 GB).
        defer { for (timer, _) in timers { timer.cancel() } }
        let outcome = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                delegate.register(task, LimitedTransfer(
                    maxBytes: limits.maxBytes, bytesSetting: limits.settings.bytes, file: handle, continuation: continuation))
                // Armed after registering, so that a timer that fires at once finds the transfer.
                for (timer, wait) in timers { schedule(timer, after: wait) }
                task.resume()
            }
        } onCancel: {
            task.cancel()
        }
        if let broken = outcome.broken { throw Self.error(for: request, broken) }
        if let error = outcome.error {
            if let urlError = error as? URLError {
                if urlError.code == .cancelled { throw CancellationError() }
                throw TransportError(
                    method: request.method, url: RedactedURL.string(for: request.url),
                    host: RedactedURL.hostAndPort(for: request.url),
                    reason: URLSessionTransport.reason(for: urlError, timeout: .seconds(URLSessionTransport.seconds(request.timeout))))
            }
            throw TransportError(
                method: request.method, url: RedactedURL.string(for: request.url),
                host: RedactedURL.hostAndPort(for: request.url), reason: .other("\(error)"))
        }
        guard let http = outcome.response else {
            throw Self.error(for: request, .other("the answer was not an HTTP response"))
        }
        var headers = HTTPHeaders()
        for (name, value) in http.allHeaderFields {
            guard let name = name as? String else { continue }
            headers.add(name: name, value: value as? String ?? "\(value)")
        }
        return HTTPResponse(status: http.statusCode, headers: headers, body: outcome.body)
    }

    private func schedule(_ timer: DispatchWorkItem, after wait: Duration) {
        let seconds = max(0, Double(wait.components.seconds) + Double(wait.components.attoseconds) / 1e18)
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds, execute: timer)
    }

    private static func error(for request: HTTPRequest, _ reason: TransportError.Reason) -> TransportError {
        TransportError(
            method: request.method, url: RedactedURL.string(for: request.url),
            host: RedactedURL.hostAndPort(for: request.url), reason: reason)
    }
}

/// How one transfer ended.
struct LimitedOutcome: Sendable {
    var response: HTTPURLResponse?
    var body = Data()
    var error: (any Error)?
    /// The limit that stopped the transfer, if one did.
    var broken: TransportError.Reason?
}

/// One transfer in flight.
///
/// A class so that appending to its body happens in place: as a struct copied out of
/// the dictionary and back, every chunk copied the whole body so far (16 MiB took a
/// minute, measured).
final class LimitedTransfer {
    let maxBytes: Int64?
    /// What sets ``maxBytes``, for the message.
    let bytesSetting: String
    let file: FileHandle?
    let continuation: CheckedContinuation<LimitedOutcome, Never>
    var received: Int64 = 0
    var outcome = LimitedOutcome()

    init(maxBytes: Int64?, bytesSetting: String, file: FileHandle?, continuation: CheckedContinuation<LimitedOutcome, Never>) {
        self.maxBytes = maxBytes
        self.bytesSetting = bytesSetting
        self.file = file
        self.continuation = continuation
    }
}

/// Routes `URLSession`'s callbacks to the transfer they belong to.
final class LimitedSessionDelegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    // @unchecked: every access to `transfers` holds `lock`.
    private let lock = NSLock()
    private var transfers: [Int: LimitedTransfer] = [:]
    private let followRedirects: Bool

    init(followRedirects: Bool) {
        self.followRedirects = followRedirects
    }

    func register(_ task: URLSessionTask, _ transfer: LimitedTransfer) {
        lock.withLock { transfers[task.taskIdentifier] = transfer }
    }

    /// Cancels `task` for breaking `reason`, unless it is over (or, with `unlessAnswered`,
    /// its status line has come).
    func stop(_ task: URLSessionTask, _ reason: TransportError.Reason, unlessAnswered: Bool) {
        let stopped = lock.withLock { () -> Bool in
            guard let transfer = transfers[task.taskIdentifier], transfer.outcome.broken == nil else { return false }
            if unlessAnswered, transfer.outcome.response != nil { return false }
            transfer.outcome.broken = reason
            return true
        }
        if stopped { task.cancel() }
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void
    ) {
        let tooLarge = lock.withLock { () -> Bool in
            guard let transfer = transfers[dataTask.taskIdentifier] else { return false }
            transfer.outcome.response = response as? HTTPURLResponse
            // A declared length over the limit fails at once rather than after the bytes.
            if let limit = transfer.maxBytes, response.expectedContentLength > limit {
                transfer.outcome.broken = .tooLarge(limit, setting: transfer.bytesSetting)
            }
            return transfer.outcome.broken != nil
        }
        completionHandler(tooLarge ? .cancel : .allow)
        // Foundation on Linux may go on reading after `.cancel`; cancelling the task stops it.
        if tooLarge { dataTask.cancel() }
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let over = lock.withLock { () -> Bool in
            guard let transfer = transfers[dataTask.taskIdentifier], transfer.outcome.broken == nil else { return false }
            transfer.received += Int64(data.count)
            if let limit = transfer.maxBytes, transfer.received > limit {
                transfer.outcome.broken = .tooLarge(limit, setting: transfer.bytesSetting)
            } else if let file = transfer.file {
                do {
                    try file.write(contentsOf: data)
                } catch {
                    transfer.outcome.error = error
                    transfer.outcome.broken = .other("could not write the download to disk: \(error.localizedDescription)")
                }
            } else {
                transfer.outcome.body.append(data)
            }
            return transfer.outcome.broken != nil
        }
        if over { dataTask.cancel() }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        guard let transfer = lock.withLock({ transfers.removeValue(forKey: task.taskIdentifier) }) else { return }
        if transfer.outcome.broken == nil { transfer.outcome.error = error }
        transfer.continuation.resume(returning: transfer.outcome)
    }

    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        completionHandler(followRedirects ? request : nil)
    }
}
