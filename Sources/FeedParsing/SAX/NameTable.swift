import CLibXML2

/// The names met in one document, found by the pointers libxml2 interned them at.
///
/// libxml2 interns element names and namespace URIs in its dictionary, so the same name arrives
/// as the same two pointers every time: each `XMLName` is built once per document, and finding
/// it again is a multiplicative hash of the pointers and a probe or two in a table of plain
/// values. (Swift's `Dictionary` ran SipHash on every miss of the small cache that stood in front
/// of it: 3% of a 20 KB feed's parse.) A document with thousands of distinct names (an attack,
/// not a feed) stops being remembered at `maxNames`.
struct NameTable {
    static let maxNames = 4096

    private struct Slot {
        var uri: UnsafePointer<xmlChar>?
        var local: UnsafePointer<xmlChar>?
        var index: Int32 = -1
    }

    private var slots = [Slot](repeating: Slot(), count: 64)
    private var names: [XMLName] = []

    @inline(__always)
    private static func hash(_ uri: UnsafePointer<xmlChar>?, _ local: UnsafePointer<xmlChar>) -> Int {
        let h = (UInt(bitPattern: local) &* 0x9E37_79B9_7F4A_7C15) ^ (UInt(bitPattern: uri) &* 0xC2B2_AE3D_27D4_EB4F)
        return Int(truncatingIfNeeded: h >> 32)
    }

    /// `prefix` (the document's, for a namespace feedwatch has no prefix of its own for) is read
    /// when the name is first met.
    mutating func name(uri: UnsafePointer<xmlChar>?, local: UnsafePointer<xmlChar>,
                       prefix: UnsafePointer<xmlChar>? = nil) -> XMLName {
        let mask = slots.count - 1
        var i = Self.hash(uri, local) & mask
        while slots[i].index >= 0 {
            if slots[i].local == local, slots[i].uri == uri { return names[Int(slots[i].index)] }
            i = (i + 1) & mask
        }
        let name = XMLName(uri: uri, localname: local, prefix: prefix)
        guard names.count < Self.maxNames else { return name }
        slots[i] = Slot(uri: uri, local: local, index: Int32(names.count))
        names.append(name)
        // At most half full, so a probe ends quickly at an empty slot.
        if names.count * 2 > slots.count { grow() }
        return name
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(), count: old.count * 2)
        let mask = slots.count - 1
        for slot in old where slot.index >= 0 {
            var i = Self.hash(slot.uri, slot.local!) & mask
            while slots[i].index >= 0 { i = (i + 1) & mask }
            slots[i] = slot
        }
    }
}
