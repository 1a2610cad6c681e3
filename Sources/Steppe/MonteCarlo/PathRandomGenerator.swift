/// A `RandomNumberGenerator` for one path: the 64-bit words of
/// `RandomStream(seed:)` at (path, block 0, 1, 2, ..., stream), two per block.
///
/// For code that wants the standard library's `Double.random(in:using:)` or
/// `shuffle(using:)`. It is still a pure function of (seed, path, stream):
/// a fresh generator for the same triple replays the same words. Its draws do
/// not coincide with the sampler's uniforms, which use another stream.
public struct PathRandomGenerator: RandomNumberGenerator, Sendable {
    public let stream: RandomStream
    public let path: UInt64
    public let streamIndex: UInt32
    private var blockIndex: UInt32 = 0
    private var buffered: UInt64 = 0
    private var hasBuffered = false

    public init(seed: UInt64, path: UInt64, stream: UInt32 = RandomStream.Stream.generator) {
        self.stream = RandomStream(seed: seed)
        self.path = path
        self.streamIndex = stream
    }

    /// The next word. After 2^33 words the blocks repeat.
    public mutating func next() -> UInt64 {
        if hasBuffered {
            hasBuffered = false
            return buffered
        }
        let v = stream.block(path: path, block: blockIndex, stream: streamIndex)
        blockIndex &+= 1
        buffered = UInt64(v[2]) | UInt64(v[3]) << 32
        hasBuffered = true
        return UInt64(v[0]) | UInt64(v[1]) << 32
    }
}
