import CLibXML2
import Foundation

/// Resolves HTML's named entities (`&nbsp;`, `&hellip;`, `&eacute;` …) inside XML feeds.
///
/// Feeds use them without declaring them, which is an XML error that would make libxml2 drop
/// the character. libxml2 asks the SAX `getEntity` callback first; we answer with an entity
/// of kind "predefined", which libxml2 inlines as text exactly like `&amp;`. The entities are
/// built once from libxml2's own HTML 4 table and live for the life of the process.
final class HTMLEntityResolver: @unchecked Sendable {
    static let shared = HTMLEntityResolver()

    private let lock = NSLock()
    private var cache: [String: xmlEntityPtr] = [:]
    private var unknown: Set<String> = []

    func entity(named name: UnsafePointer<xmlChar>) -> xmlEntityPtr? {
        let key = String(cString: name)
        lock.lock()
        defer { lock.unlock() }
        if let found = cache[key] { return found }
        if unknown.contains(key) { return nil }
        guard let description = htmlEntityLookup(name) else {
            if unknown.count < 10_000 { unknown.insert(key) }
            return nil
        }
        guard let scalar = Unicode.Scalar(description.pointee.value) else { return nil }
        let text = String(Character(scalar))
        let entity = xmlEntityPtr.allocate(capacity: 1)
        entity.initialize(to: xmlEntity())
        entity.pointee.type = XML_ENTITY_DECL
        entity.pointee.etype = XML_INTERNAL_PREDEFINED_ENTITY
        entity.pointee.name = UnsafePointer(xmlStrdup(name))
        entity.pointee.content = text.withCString { xmlStrdup(UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self)) }
        entity.pointee.orig = entity.pointee.content
        entity.pointee.length = Int32(text.utf8.count)
        cache[key] = entity
        return entity
    }
}
