import Hummingbird

/// Refuses requests without `Authorization: Bearer <token>`.
///
/// Attached to the group of catalog routes (not matched on the raw path, which the router
/// normalizes: `//affili/products` reaches the same handler). The scheme is matched without
/// regard to case (RFC 9110 section 11.1). The comparison takes the same time whatever the
/// token sent, and the answer is the same for a missing and a wrong token, so a client
/// learns nothing about the secret.
struct BearerAuthMiddleware<Context: RequestContext>: RouterMiddleware {
    let token: [UInt8]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let sent = request.headers[.authorization].map { Array($0.utf8) } ?? []
        let prefix = Array("bearer ".utf8)
        let scheme = sent.prefix(prefix.count).map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
        let candidate = sent.count >= prefix.count && scheme.elementsEqual(prefix) ? Array(sent.dropFirst(prefix.count)) : []
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
        // Not the lengths' XOR truncated to a byte: lengths 256 apart would compare equal there.
        var difference: UInt8 = lhs.count == rhs.count ? 0 : 1
        for index in 0..<max(lhs.count, rhs.count) {
            let left = index < lhs.count ? lhs[index] : 0
            let right = index < rhs.count ? rhs[index] : 0
            difference |= left ^ right
        }
        return difference == 0
    }
}
