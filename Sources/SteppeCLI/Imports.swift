// The libraries this module is built on, re-exported to every file of the module from this one place: the
// module is compiled once per CPU level (Sources/CPULevels/README.md), each copy over its level's copies
// of the library and the file reader, whose module names differ.
#if STEPPE_CPU_LEVEL_X86_64_V3
@_exported import SteppeV3
@_exported import SteppeFilesV3
#else
@_exported import Steppe
@_exported import SteppeFiles
#endif
