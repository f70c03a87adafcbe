/// A grid of braille cells, each two dots wide and four high, so a line chart has four times the
/// terminal's resolution; a cell remembers the series that drew in it last, for its colour.
struct BrailleCanvas {
    let columns: Int
    let rows: Int
    private var dots: [UInt8]
    private var owners: [Int]

    init(columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
        dots = Array(repeating: 0, count: columns * rows)
        owners = Array(repeating: -1, count: columns * rows)
    }

    var pixelWidth: Int { columns * 2 }
    var pixelHeight: Int { rows * 4 }

    /// The bit of each dot in a cell (ISO/TR 11548-1), by [y][x].
    private static let bits: [[UInt8]] = [[0x01, 0x08], [0x02, 0x10], [0x04, 0x20], [0x40, 0x80]]

    /// Sets the dot at pixel (`x`, `y`), y counted from the top; dots outside are ignored.
    mutating func set(x: Int, y: Int, series: Int) {
        guard x >= 0, y >= 0, x < pixelWidth, y < pixelHeight else { return }
        let cell = (y / 4) * columns + x / 2
        dots[cell] |= Self.bits[y % 4][x % 2]
        owners[cell] = series
    }

    /// A straight line of dots (Bresenham's); `pattern` says which of its steps are drawn, for dashes.
    mutating func line(from start: (x: Int, y: Int), to end: (x: Int, y: Int), series: Int, pattern: (Int) -> Bool) {
        var x = start.x
        var y = start.y
        let dx = abs(end.x - x)
        let dy = -abs(end.y - y)
        let stepX = x < end.x ? 1 : -1
        let stepY = y < end.y ? 1 : -1
        var error = dx + dy
        var step = 0
        while true {
            if pattern(step) { set(x: x, y: y, series: series) }
            if x == end.x, y == end.y { return }
            step += 1
            let doubled = 2 * error
            if doubled >= dy {
                error += dy
                x += stepX
            }
            if doubled <= dx {
                error += dx
                y += stepY
            }
        }
    }

    /// Row `row` as text; `paint` colours a cell by the series that drew it.
    func text(row: Int, paint: (String, Int) -> String) -> String {
        var line = ""
        for column in 0..<columns {
            let cell = row * columns + column
            guard dots[cell] != 0, let scalar = Unicode.Scalar(0x2800 + UInt32(dots[cell])) else {
                line += " "
                continue
            }
            line += paint(String(Character(scalar)), owners[cell])
        }
        return line
    }

    /// Row `row` in ASCII: `*` wherever any dot is set.
    func asciiText(row: Int) -> String {
        String((0..<columns).map { dots[row * columns + $0] != 0 ? "*" : " " })
    }
}
