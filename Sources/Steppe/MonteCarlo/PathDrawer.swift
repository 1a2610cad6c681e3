/// Turns one path's uniforms into that path's inputs, written into a model copy the worker owns.
///
/// Implementations must overwrite every model entry they ever change from the base
/// values on every path (never accumulate), so that a path's inputs depend on its
/// uniforms alone and not on which paths the worker ran before.
public protocol PathDrawer: Sendable {
    /// Uniforms a path consumes.
    var dimension: Int { get }
    /// Sets the path's inputs in `model` from `uniforms` (count `dimension`, each in (0, 1)).
    /// The drawer may transform the uniforms in place (correlation, processes).
    func apply(_ uniforms: UnsafeMutableBufferPointer<Double>, to model: inout CompiledModel)
}
