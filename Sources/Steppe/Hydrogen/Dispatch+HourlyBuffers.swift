extension Dispatch {
    /// Raw pointers to one run's inputs and hourly buffers, so that the hourly loops do no
    /// bounds or uniqueness checks per hour. Valid only inside `withHourlyBuffers`.
    struct HourlyBuffers {
        let wind, solar, importPrice: UnsafePointer<Double>
        /// `ExportPriceLevels`: each hour's level, the exportable hours by level, where each
        /// level starts among them, each hour's exportable price and 0/1 exportable factor.
        let level, levelHours, levelStart: UnsafePointer<Int32>
        let positivePrice, exportable: UnsafePointer<Double>
        /// Each hour's surplus: the public `surplus` buffer with the hourly trace, a scratch
        /// buffer without it (pass 1 always stores the surplus, for the export cap).
        let surplus: UnsafeMutablePointer<Double>
        let generation, electrolyserFromRenewables, batteryCharge, batteryDischarge, gridImport: UnsafeMutablePointer<Double>
        let export, curtailment, hydrogen: UnsafeMutablePointer<Double>
    }

    /// Calls `body` with pointers to `profile`, the prices and the hourly buffers.
    ///
    /// - Precondition: `profile` has 8760 hours of wind and solar.
    mutating func withHourlyBuffers<R>(_ profile: ResourceProfile, _ body: (HourlyBuffers) -> R) -> R {
        let n = ResourceProfile.hoursPerYear
        precondition(profile.wind.count == n && profile.solar.count == n, "a profile needs \(n) hours")
        let traced = recordsHours
        return profile.wind.withUnsafeBufferPointer { wind in
            profile.solar.withUnsafeBufferPointer { solar in
                importPrice.withUnsafeBufferPointer { importPrice in
                    _levels.level.withUnsafeBufferPointer { level in
                        _levels.hours.withUnsafeBufferPointer { levelHours in
                            _levels.start.withUnsafeBufferPointer { levelStart in
                                _levels.positivePrice.withUnsafeBufferPointer { positivePrice in
                                    _levels.exportable.withUnsafeBufferPointer { exportable in
        generation.withUnsafeMutableBufferPointer { generation in
            electrolyserFromRenewables.withUnsafeMutableBufferPointer { electrolyser in
                batteryCharge.withUnsafeMutableBufferPointer { charge in
                    batteryDischarge.withUnsafeMutableBufferPointer { discharge in
                        gridImport.withUnsafeMutableBufferPointer { gridImport in
                            export.withUnsafeMutableBufferPointer { export in
                                curtailment.withUnsafeMutableBufferPointer { curtailment in
                                    hydrogen.withUnsafeMutableBufferPointer { hydrogen in
                                        func buffers(_ surplus: UnsafeMutablePointer<Double>) -> HourlyBuffers {
                                            HourlyBuffers(
                                                wind: wind.baseAddress!, solar: solar.baseAddress!,
                                                importPrice: importPrice.baseAddress!, level: level.baseAddress!,
                                                levelHours: levelHours.baseAddress!, levelStart: levelStart.baseAddress!,
                                                positivePrice: positivePrice.baseAddress!, exportable: exportable.baseAddress!,
                                                surplus: surplus,
                                                generation: generation.baseAddress!, electrolyserFromRenewables: electrolyser.baseAddress!,
                                                batteryCharge: charge.baseAddress!, batteryDischarge: discharge.baseAddress!,
                                                gridImport: gridImport.baseAddress!, export: export.baseAddress!,
                                                curtailment: curtailment.baseAddress!, hydrogen: hydrogen.baseAddress!)
                                        }
                                        return traced
                                            ? surplus.withUnsafeMutableBufferPointer { body(buffers($0.baseAddress!)) }
                                            : _surplusScratch.withUnsafeMutableBufferPointer { body(buffers($0.baseAddress!)) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
