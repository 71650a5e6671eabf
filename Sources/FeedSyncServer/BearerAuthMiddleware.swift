import Hummingbird

/// Refuses requests without `Authorization: Bearer <token>` on the catalog routes.
///
/// The comparison takes the same time whatever the token sent, and the answer is the same
/// for a missing and a wrong token, so a client learns nothing about the secret.
struct BearerAuthMiddleware<Context: RequestContext>: RouterMiddleware {
    let token: [UInt8]
    let protectedPrefixes: [String]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard protectedPrefixes.contains(where: { request.uri.path.hasPrefix($0) }) else {
            return try await next(request, context)
        }
        let sent = request.headers[.authorization].map { Array($0.utf8) } ?? []
        let prefix = Array("Bearer ".utf8)
        let candidate = sent.count >= prefix.count && sent.prefix(prefix.count).elementsEqual(prefix) ? Array(sent.dropFirst(prefix.count)) : []
        guard Self.constantTimeEquals(candidate, token) else {
            var headers = HTTPFields()
            headers[.contentType] = "application/json"
            headers[.wwwAuthenticate] = "Bearer"
            return Response(
                status: .unauthorized, headers: headers,
                body: ResponseBody(byteBuffer: ByteBuffer(string: #"{"error":{"message":"missing or wrong Bearer token"}}"#)))
        }
        return try await next(request, context)
    }

    static func constantTimeEquals(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        var difference = UInt8(truncatingIfNeeded: lhs.count ^ rhs.count)
        for index in 0..<max(lhs.count, rhs.count) {
            let left = index < lhs.count ? lhs[index] : 0
            let right = index < rhs.count ? rhs[index] : 0
            difference |= left ^ right
        }
        return difference == 0
    }
}
