"""Pieces the benchmark scripts share: news-like vocabulary and Markdown tables."""

WORDS = (
    "the government said on tuesday that talks would resume next week after a long pause in "
    "negotiations between the two sides officials familiar with the matter told reporters that "
    "a draft agreement was being prepared ministers are expected to meet in the capital where "
    "protesters gathered outside parliament for a third day markets fell sharply as investors "
    "weighed the risk of further rate rises analysts warned that inflation remained stubborn "
    "despite recent measures the central bank held rates steady while signalling caution the "
    "company reported quarterly earnings above expectations shares rose in early trading the "
    "report found that emissions had increased for the second year running scientists called "
    "for urgent action the storm made landfall overnight leaving thousands without power "
    "emergency services were deployed across the region the court ruled that the law was "
    "unconstitutional lawyers for the plaintiffs welcomed the decision the opposition leader "
    "called for an independent inquiry the minister denied any wrongdoing in a statement "
    "released late on monday the election campaign entered its final week with polls showing "
    "a narrow race voters in swing districts remain undecided according to a survey published "
    "by the university researchers estimate that the project will cost billions over a decade "
    "critics argue that the plan lacks detail supporters say it will create jobs the summit "
    "ended without a joint communique diplomats said differences over trade and security "
    "remained the ceasefire appeared to be holding aid convoys reached the city for the first "
    "time in weeks hospitals reported shortages of fuel and medicine"
).split()


def print_table(header, rows):
    """Prints a Markdown table, first column left-aligned, the others right-aligned."""
    table = [tuple(header)] + [tuple(r) for r in rows]
    widths = [max(len(line[i]) for line in table) for i in range(len(header))]

    def line(cells):
        return "| " + " | ".join(c.ljust(w) if i == 0 else c.rjust(w)
                                 for i, (c, w) in enumerate(zip(cells, widths))) + " |"

    print()
    print(line(header))
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for cells in table[1:]:
        print(line(cells))
