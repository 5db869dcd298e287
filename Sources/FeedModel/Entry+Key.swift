extension Entry {
    /// The identity feedwatch remembers an entry by: its id, else its link, else a hash of
    /// title, date and feed, so that feeds without guids are still deduplicated across polls.
    public func key(feedURL: String) -> String {
        if let id = id?.trimmedWhitespace, !id.isEmpty { return id }
        if let link = link?.trimmedWhitespace, !link.isEmpty { return link }
        return "sha256:" + SHA256.hex(feedURL, title?.value ?? "", date?.rfc3339 ?? "",
                                      summary?.value ?? "")
    }
}
