/// A yes/no known at compile time, passed as a generic type so that one source loop is
/// specialised per combination (battery or not, hourly trace or not, ...) with the untaken
/// branches removed, instead of testing the same condition in every hour.
protocol StaticFlag {
    static var isOn: Bool { get }
}

/// The flag set.
enum FlagOn: StaticFlag {
    @inline(__always) static var isOn: Bool { true }
}

/// The flag cleared.
enum FlagOff: StaticFlag {
    @inline(__always) static var isOn: Bool { false }
}
