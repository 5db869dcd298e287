/// Official and short names of the same country, so "Russian Federation" and "Russia" are one
/// place in an article. Hand-written for the names news uses most; keys are lower case.
enum PlaceAliases {
    static let canonical: [String: String] = {
        let groups: [[String]] = [
            ["Russia", "Russian Federation"],
            ["United States", "United States of America", "US", "U.S.", "USA", "U.S.A.", "America"],
            ["United Kingdom", "UK", "U.K.", "Britain", "Great Britain"],
            ["China", "People's Republic of China", "PRC", "P.R.C."],
            ["Taiwan", "Republic of China"],
            ["Iran", "Islamic Republic of Iran"],
            ["Syria", "Syrian Arab Republic"],
            ["North Korea", "Democratic People's Republic of Korea", "DPRK"],
            ["South Korea", "Republic of Korea"],
            ["Ukraine", "the Ukraine"],
            ["Germany", "Federal Republic of Germany"],
            ["Czech Republic", "Czechia"],
            ["Turkey", "Türkiye", "Turkiye"],
            ["Netherlands", "the Netherlands", "Holland"],
            ["Vietnam", "Viet Nam"],
            ["Myanmar", "Burma"],
            ["Congo", "Republic of the Congo"],
            ["DR Congo", "Democratic Republic of the Congo", "DRC"],
            ["UAE", "United Arab Emirates"],
            ["Saudi Arabia", "Kingdom of Saudi Arabia"],
            ["Venezuela", "Bolivarian Republic of Venezuela"],
        ]
        var map: [String: String] = [:]
        for group in groups { for name in group { map[name.lowercased()] = group[0] } }
        return map
    }()

    /// The place's canonical name, or nil when it has no other known form.
    static func key(_ name: String) -> String? {
        canonical[name.lowercased()]
    }
}
