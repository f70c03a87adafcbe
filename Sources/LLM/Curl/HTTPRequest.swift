/// One HTTP exchange as the client sees it, above libcurl.
struct HTTPRequest: Sendable {
    var method: String
    var url: String
    var headers: [(String, String)]
    var body: [UInt8]
    var connectTimeout: Double
    var totalTimeout: Double
}

struct HTTPResponse: Sendable {
    var status: Int
    var headers: [(String, String)]
    var body: [UInt8]
    var firstByteSeconds: Double
    var totalSeconds: Double

    func header(_ name: String) -> String? {
        let lower = name.lowercased()
        return headers.last { $0.0.lowercased() == lower }?.1
    }
}
