import CLibXML2

extension DOMTree {
    /// libxml2's global tables are set up once, before any parse (its rule for threads).
    private static let parserReady: Void = { xmlInitParser() }()

    /// Parses `bytes` with libxml2's HTML parser (recovering from any markup, never reaching
    /// the network) as `encoding`, into a tree of values; libxml2's own tree is freed here.
    static func parse(_ bytes: [UInt8], encoding: String) throws -> DOMTree {
        guard let document = read(bytes, encoding: encoding) else { throw SourceFailure("not readable as HTML, skipped") }
        defer { xmlFreeDoc(document) }
        var tree = DOMTree()
        guard let root = xmlDocGetRootElement(document) else { return tree }
        tree.copy(root)
        return tree
    }

    /// Parses XML (feeds) into a tree: never reaching the network, entities not expanded
    /// (nothing of the file system or the network can be pulled in), recovering from errors.
    static func parseXML(_ bytes: [UInt8]) throws -> DOMTree {
        _ = parserReady
        guard !bytes.isEmpty else { throw SourceFailure("empty") }
        let options = Int32(XML_PARSE_RECOVER.rawValue | XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
                            | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOCDATA.rawValue)
        let parsed = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress?.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                xmlReadMemory($0, Int32(clamping: buffer.count), nil, nil, options)
            }
        }
        guard let document = parsed else { throw SourceFailure("not XML") }
        defer { xmlFreeDoc(document) }
        var tree = DOMTree()
        guard let root = xmlDocGetRootElement(document) else { return tree }
        tree.copy(root)
        return tree
    }

    /// libxml2's document for `bytes` (the caller frees it): recovering from any markup, never
    /// reaching the network, deep trees allowed.
    private static func read(_ bytes: [UInt8], encoding: String) -> xmlDocPtr? {
        _ = parserReady
        guard !bytes.isEmpty else { return nil }
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                            | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue) | Int32(XML_PARSE_HUGE.rawValue)
        return bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress?.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                htmlReadMemory($0, Int32(clamping: buffer.count), nil, encoding, options)
            }
        }
    }

    /// Parses and frees, copying nothing (for the benchmark's reference).
    static func bareParse(_ bytes: [UInt8], encoding: String) -> Bool {
        guard let document = read(bytes, encoding: encoding) else { return false }
        xmlFreeDoc(document)
        return true
    }

    /// True when libxml2 (with iconv) can decode `name`.
    static func knowsEncoding(_ name: String) -> Bool {
        guard let handler = xmlFindCharEncodingHandler(name) else { return false }
        xmlCharEncCloseFunc(handler)
        return true
    }

    /// Copies libxml2's subtree at `root` (elements and text), depth first, with a stack.
    /// Elements nested deeper than this are not kept; their content joins the element at this
    /// depth, in order (Blink's HTML parser stops at the same depth, 512). Ten thousand nested
    /// `<div>`s had made the extraction quadratic in the depth: 167 s for one page.
    static let maximumDepth = 512

    mutating func copy(_ root: xmlNodePtr) {
        var stack: [(node: xmlNodePtr, parent: Int, depth: Int)] = [(root, -1, 0)]
        while let (node, parent, depth) = stack.popLast() {
            let type = node.pointee.type
            var index = -1
            if type == XML_ELEMENT_NODE && depth > DOMTree.maximumDepth && parent >= 0 {
                index = parent  // too deep: its children go to the deepest element kept
            } else if type == XML_ELEMENT_NODE {
                index = append(Node(name: DOMTree.string(node.pointee.name).lowercased(), parent: parent,
                                    attributes: DOMTree.attributes(node), line: Int(xmlGetLineNo(node))))
            } else if type == XML_TEXT_NODE || type == XML_CDATA_SECTION_NODE, parent >= 0, let content = node.pointee.content {
                append(Node(name: "#text", parent: parent, text: String(cString: content), line: Int(xmlGetLineNo(node))))
            }
            guard index >= 0 else { continue }
            // Children pushed last first, so that they come off the stack in order.
            var children: [xmlNodePtr] = []
            var child = node.pointee.children
            while let c = child {
                children.append(c)
                child = c.pointee.next
            }
            for c in children.reversed() { stack.append((c, index, min(depth + 1, DOMTree.maximumDepth + 1))) }
        }
    }

    private static func attributes(_ node: xmlNodePtr) -> [(name: String, value: String)] {
        var out: [(name: String, value: String)] = []
        var attribute = node.pointee.properties
        while let a = attribute {
            var value = ""
            var child = a.pointee.children
            while let c = child {
                if let content = c.pointee.content { value += String(cString: content) }
                child = c.pointee.next
            }
            out.append((string(a.pointee.name).lowercased(), value))
            attribute = a.pointee.next
        }
        return out
    }

    private static func string(_ p: UnsafePointer<xmlChar>?) -> String { p.map { String(cString: $0) } ?? "" }
}
