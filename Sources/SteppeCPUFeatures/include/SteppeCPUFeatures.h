#ifndef STEPPE_CPU_FEATURES_H
#define STEPPE_CPU_FEATURES_H

/// 1 when this CPU and its operating system run code compiled for LLVM's `haswell` target (the features of
/// the x86-64-v3 level, which Sources/CPULevels' second copy of Steppe is compiled for), else 0. Always 0
/// off x86-64.
int steppe_cpu_runs_x86_64_v3(void);

#endif
