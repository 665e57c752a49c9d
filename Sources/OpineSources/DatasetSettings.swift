import OpineText

/// How a dataset file is to be read, as the user said (`opine index --fields …
/// --date-format …`) and the index remembers it per file: which column holds which field, and
/// the order of its numeric dates (nil: the file's dates decide).
public struct DatasetSettings: Sendable, Equatable {
    public var fields: FieldNames
    public var dates: Dates

    /// The order of a file's numeric dates: the one its dates decide, or one the user named.
    public enum Dates: Sendable, Equatable {
        case decidedByFile
        case order(DateOrder)
    }

    /// The order named, nil when the file's dates decide.
    public var dateOrder: DateOrder? {
        if case .order(let o) = dates { return o }
        return nil
    }

    public init(fields: FieldNames = FieldNames(), dates: Dates = .decidedByFile) {
        self.fields = fields
        self.dates = dates
    }

    /// The key of the date order in a stored spec: a field name never has a hyphen.
    static let dateOrderKey = "date-format"

    /// The stored form: the fields as `--fields` writes them, then `date-format=dd/mm/yyyy`.
    /// A spec stored before dates had an order is its fields alone, and reads the same.
    public var spec: String {
        var parts = FieldNames.Field.allCases.compactMap { f in fields.overrides[f].map { "\(f.rawValue)=\($0)" } }
        if let dateOrder { parts.append("\(DatasetSettings.dateOrderKey)=\(dateOrder.rawValue)") }
        return parts.joined(separator: ",")
    }

    /// The settings of a stored spec; nil when it is not one (the usual settings then apply).
    public init?(spec: String) {
        var fieldParts: [Substring] = []
        var order: DateOrder?
        for part in spec.split(separator: ",") {
            let prefix = DatasetSettings.dateOrderKey + "="
            if part.hasPrefix(prefix) {
                guard let o = DateOrder(rawValue: String(part.dropFirst(prefix.count))) else { return nil }
                order = o
            } else {
                fieldParts.append(part)
            }
        }
        guard case .success(let names) = FieldNames.parse(fieldParts.joined(separator: ",")) else { return nil }
        self.init(fields: names, dates: order.map(Dates.order) ?? .decidedByFile)
    }
}
