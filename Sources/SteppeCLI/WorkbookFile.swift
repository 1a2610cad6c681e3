import Foundation
import ZIPFoundation

/// The `--xlsx` workbook: the library's SpreadsheetML parts (`Workbook.parts`) packed into the
/// ZIP container with ZIPFoundation, in memory, then written atomically like every other output.
///
/// Every entry gets the same fixed date (1980-01-01, the earliest a ZIP can record), so equal
/// results give byte-identical workbooks, as they give identical HTML reports.
enum WorkbookFile {
    /// The xlsx bytes of `workbook`.
    static func bytes(of workbook: Workbook) throws(OutputError) -> [UInt8] {
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            let date = Date(timeIntervalSince1970: 315_532_800)
            for part in workbook.parts {
                let data = Data(part.contents.utf8)
                try archive.addEntry(with: part.path, type: .file, uncompressedSize: Int64(data.count), modificationDate: date,
                                     compressionMethod: .deflate) { position, size in
                    data.subdata(in: Data.Index(position)..<Data.Index(position) + size)
                }
            }
            guard let data = archive.data else { throw OutputError(description: "the workbook's ZIP archive has no data") }
            return Array(data)
        } catch let error as OutputError {
            throw error
        } catch {
            throw OutputError(description: "cannot pack the workbook: \(error)")
        }
    }
}
