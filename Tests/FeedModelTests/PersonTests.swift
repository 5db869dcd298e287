import Testing
import FeedModel

/// `Person(rssAuthor:)`: RSS's free-form author strings split into name and email.
@Suite("Person")
struct PersonTests {
    @Test("RSS author forms", arguments: [
        ("jo@example.org (Jo Bloggs)", "Jo Bloggs", "jo@example.org"),
        ("Jo Bloggs <jo@example.org>", "Jo Bloggs", "jo@example.org"),
        ("jo@example.org", nil, "jo@example.org"),
        ("Jo Bloggs", "Jo Bloggs", nil),
        ("Jo", "Jo", nil),
        ("  jo@example.org   (  Jo Bloggs  ) \n", "Jo Bloggs", "jo@example.org"),
        ("\tJo Bloggs   < jo@example.org >", "Jo Bloggs", "jo@example.org"),
        ("<jo@example.org>", nil, "jo@example.org"),
        ("jo@example.org ()", nil, "jo@example.org"),
        ("Jo (the editor)", "Jo (the editor)", nil),
        ("Jo Bloggs <no address here>", "Jo Bloggs <no address here>", nil),
        ("editor@example.org (Jo Bloggs (Moscow bureau))", "Jo Bloggs (Moscow bureau)", "editor@example.org"),
        // Names outside ASCII around ASCII delimiters (the split works on UTF-8 bytes).
        ("zoë@example.org (Zoë Brontë)", "Zoë Brontë", "zoë@example.org"),
        ("Дмитрий Песков <peskov@example.ru>", "Дмитрий Песков", "peskov@example.ru"),
        ("Renée (café desk)", "Renée (café desk)", nil),
        ("jo@exa mple.org (Jo)", "jo@exa mple.org (Jo)", nil),
    ] as [(String, String?, String?)])
    func rssAuthor(text: String, name: String?, email: String?) {
        let p = Person(rssAuthor: text)
        #expect(p.name == name)
        #expect(p.email == email)
        #expect(p.href == nil)
    }

    @Test
    func nameWithEmailInParentheses() {
        let p = Person(rssAuthor: "Jo Bloggs (jo@example.org)")
        #expect(p.name == "Jo Bloggs")
        #expect(p.email == "jo@example.org")
    }

    @Test func displayStringFollowsFeedparser() {
        #expect(Person(name: "Jo", email: "jo@example.org").displayString == "Jo (jo@example.org)")
        #expect(Person(name: "Jo").displayString == "Jo")
        #expect(Person(email: "jo@example.org").displayString == "jo@example.org")
        #expect(Person(href: "https://jo.example").displayString == nil)
        #expect(Person(rssAuthor: "jo@example.org (Jo Bloggs)").displayString == "Jo Bloggs (jo@example.org)")
    }
}
