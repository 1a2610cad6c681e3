extension Dispatch {
    /// Raw pointers to one run's inputs and hourly buffers, so that the hourly loops do no
    /// bounds or uniqueness checks per hour. Valid only inside `withHourlyBuffers`.
    struct HourlyBuffers {
        let wind, solar, importPrice: UnsafePointer<Double>
        let level: UnsafePointer<Int32>
        /// `ExportPriceLevels.hoursByLevel`.
        let hoursByLevel: UnsafePointer<Int32>
        let generation, electrolyserFromRenewables, batteryCharge, batteryDischarge, gridImport: UnsafeMutablePointer<Double>
        let surplus, export, curtailment, hydrogen: UnsafeMutablePointer<Double>
        /// Every hour's surplus when the trace is off (with the trace, `surplus`), for the
        /// export allocation to sum per price level.
        let surplusScratch: UnsafeMutablePointer<Double>
        /// Every hour's electrolyser load (MWh), for a degrading electrolyser's hydrogen
        /// (`degradedHydrogen`), then zeros to `Dispatch.loadHours`.
        let load: UnsafeMutablePointer<Double>
    }

    /// Calls `body` with pointers to `profile`, the prices and the hourly buffers.
    ///
    /// - Precondition: `profile` has 8760 hours of wind and solar.
    mutating func withHourlyBuffers<R>(_ profile: ResourceProfile, _ body: (HourlyBuffers) -> R) -> R {
        let n = ResourceProfile.hoursPerYear
        precondition(profile.wind.count == n && profile.solar.count == n, "a profile needs \(n) hours")
        return profile.wind.withUnsafeBufferPointer { wind in
            profile.solar.withUnsafeBufferPointer { solar in
                importPrice.withUnsafeBufferPointer { importPrice in
                    _levels.level.withUnsafeBufferPointer { level in
                        _levels.hoursByLevel.withUnsafeBufferPointer { hoursByLevel in
                            generation.withUnsafeMutableBufferPointer { generation in
                                electrolyserFromRenewables.withUnsafeMutableBufferPointer { electrolyser in
                                    batteryCharge.withUnsafeMutableBufferPointer { charge in
                                        batteryDischarge.withUnsafeMutableBufferPointer { discharge in
                                            gridImport.withUnsafeMutableBufferPointer { gridImport in
                                                surplus.withUnsafeMutableBufferPointer { surplus in
                                                    export.withUnsafeMutableBufferPointer { export in
                                                        curtailment.withUnsafeMutableBufferPointer { curtailment in
                                                            hydrogen.withUnsafeMutableBufferPointer { hydrogen in
                                                                _surplusScratch.withUnsafeMutableBufferPointer { surplusScratch in
                                                                    _loadScratch.withUnsafeMutableBufferPointer { load in
                                                                        body(HourlyBuffers(
                                                                            wind: wind.baseAddress!,
                                                                            solar: solar.baseAddress!,
                                                                            importPrice: importPrice.baseAddress!,
                                                                            level: level.baseAddress!,
                                                                            hoursByLevel: hoursByLevel.baseAddress!,
                                                                            generation: generation.baseAddress!,
                                                                            electrolyserFromRenewables: electrolyser.baseAddress!,
                                                                            batteryCharge: charge.baseAddress!,
                                                                            batteryDischarge: discharge.baseAddress!,
                                                                            gridImport: gridImport.baseAddress!,
                                                                            surplus: surplus.baseAddress!,
                                                                            export: export.baseAddress!,
                                                                            curtailment: curtailment.baseAddress!,
                                                                            hydrogen: hydrogen.baseAddress!,
                                                                            surplusScratch: surplusScratch.baseAddress!,
                                                                            load: load.baseAddress!))
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
