// The library this module is built on, re-exported to every file of the module from this one place: the
// module is compiled once per CPU level (Sources/CPULevels/README.md), each copy over its level's copy of
// the library, whose module name differs.
#if STEPPE_CPU_LEVEL_X86_64_V3
@_exported import SteppeV3
#else
@_exported import Steppe
#endif
