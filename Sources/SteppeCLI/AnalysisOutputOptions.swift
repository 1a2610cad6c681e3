import ArgumentParser

/// `--format` and the output options (`OutputFileOptions`) of the analysis commands (`compare`, `sensitivity`).
struct AnalysisOutputOptions: ParsableArguments {
    @Option(help: "Output format: text (tables) or json.")
    var format: TextOrJSON = .text

    @OptionGroup var files: OutputFileOptions

    func checkBeforeWork(inputs: InputFiles) -> CommandResult? { files.checkBeforeWork(inputs: inputs) }

    /// Writes the analysis as text or JSON (`OutputFileOptions.emit`).
    func emit(text: String, json: JSONValue, inputs: InputFiles) -> CommandResult {
        files.emit(body: format == .json ? json.serialized() + "\n" : text, json: json, bodyIsText: format == .text, inputs: inputs)
    }
}
