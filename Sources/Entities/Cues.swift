/// Small word lists that type a name from its surroundings. Deliberately short: the
/// gazetteers of issue 6 replace them.
public enum Cues {
    static let titles: Set<String> = [
        "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "Prof", "Prof.", "Sen", "Sen.", "Senator",
        "Rep", "Rep.", "Representative", "Gov", "Gov.", "Governor", "President", "Prime", "Minister",
        "Chancellor", "Secretary", "General", "Gen.", "Judge", "Justice", "King", "Queen", "Prince",
        "Princess", "Pope", "Sir", "Dame", "Lord", "Lady", "Mayor", "Ambassador", "Speaker", "Chairman",
        "Director", "Counsel", "Colonel", "Captain", "Lt.", "Col.", "Capt.", "Sgt.", "Adm.", "Rev.",
    ]
    static let organizationWords: Set<String> = [
        "Inc", "Inc.", "Corp", "Corp.", "Ltd", "Ltd.", "Co.", "Company", "Corporation", "Group", "Bank",
        "Committee", "Agency", "Ministry", "Department", "Council", "Party", "Association", "University",
        "Institute", "Federation", "Union", "Organization", "Organisation", "Commission", "Parliament",
        "Senate", "Congress", "Kremlin", "Pentagon", "FBI", "CIA", "NATO", "UN", "EU", "Reuters", "Post",
        "Times", "News", "Novosti", "Court", "Army", "Navy", "Police", "Club", "Foundation", "Fund",
        "Assembly", "Office", "House", "Bureau", "Service", "Airlines", "Motors", "Industries",
    ]
    static let placeWords: Set<String> = [
        "Russia", "Moscow", "Syria", "Ukraine", "Kyiv", "Kiev", "Washington", "Helsinki", "London", "Paris",
        "Berlin", "Beijing", "China", "Iran", "Iraq", "Israel", "Germany", "France", "Britain", "Europe",
        "America", "US", "U.S.", "USA", "UK", "U.K.", "Japan", "India", "Turkey", "Damascus", "Crimea",
        "Brussels", "Bavaria", "Munich", "Minnesota", "Texas", "California", "New", "York", "Federation",
    ]
    static let firstNames: Set<String> = [
        "Vladimir", "Dmitry", "Donald", "Robert", "Rand", "Paul", "Thomas", "John", "James", "Michael",
        "David", "William", "Richard", "Joseph", "Charles", "Mary", "Elizabeth", "Angela", "Emmanuel",
        "Boris", "Sergei", "Sergey", "Barack", "Hillary", "Joe", "Kamala", "Mike", "Vanessa", "Nancy",
    ]
    static let connectors: Set<String> = ["of", "de", "del", "von", "van", "der", "al", "bin", "la", "le", "du"]
    /// Capitalised words that start sentences and headlines but are not names.
    static let stopwords: Set<String> = [
        "The", "A", "An", "And", "But", "Or", "If", "In", "On", "At", "To", "For", "From", "By", "With",
        "He", "She", "It", "They", "We", "I", "You", "His", "Her", "Their", "Our", "This", "That",
        "These", "Those", "While", "When", "Where", "What", "Who", "Why", "How", "According", "After",
        "Before", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
        "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December", "Republican", "Democratic", "Democrat", "Russian", "American",
    ]

    /// Capitalised words that are not names (articles, weekdays, months …): "On Tuesday Paul
    /// said" and "The Mueller report" have no other name next to the watched one.
    public static func isOrdinaryCapitalized(_ word: String) -> Bool { stopwords.contains(word) && !demonyms.contains(word) }
    static let demonyms: Set<String> = ["Republican", "Democratic", "Democrat", "Russian", "American"]

    /// Words that may start a sentence before a name and are never part of it.
    static let functionWords: Set<String> = stopwords.subtracting(["Republican", "Democratic", "Democrat", "Russian", "American"])

    static func isTitle(_ word: String) -> Bool { titles.contains(word) }

    static func classify(words: [String], titled: Bool, before: String) -> Entity.Kind {
        if words.contains(where: organizationWords.contains) { return .organization }
        if titled { return .person }
        if words.allSatisfy(placeWords.contains) { return .location }
        if words.count >= 2, firstNames.contains(words[0]) { return .person }
        if words.count >= 2, words.allSatisfy({ $0.first?.isUppercase == true && $0.dropFirst().allSatisfy(\.isLowercase) }) {
            return .person
        }
        return .misc
    }
}
