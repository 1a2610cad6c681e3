public enum SteppeVersion { public static let string = "0.1.0" }
