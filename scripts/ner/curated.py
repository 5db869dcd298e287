"""Hand-written lists for feedwatch's gazetteers (same licence as the project).

Modern names that the 1996-97 CoNLL training text never mentions; kept short on purpose:
the model types a name from its context, these only tip the balance.
"""
PERSON = [
    "Vladimir Putin", "Putin", "Donald Trump", "Trump", "Barack Obama", "Obama", "Joe Biden", "Biden",
    "Kamala Harris", "Hillary Clinton", "Xi Jinping", "Angela Merkel", "Merkel", "Emmanuel Macron", "Macron",
    "Recep Tayyip Erdogan", "Erdogan", "Volodymyr Zelensky", "Zelensky", "Zelenskiy", "Petro Poroshenko",
    "Dmitry Medvedev", "Medvedev", "Sergei Lavrov", "Lavrov", "Dmitry Peskov", "Peskov", "Bashar al - Assad",
    "Assad", "Benjamin Netanyahu", "Netanyahu", "Kim Jong Un", "Narendra Modi", "Modi", "Theresa May",
    "Boris Johnson", "Rishi Sunak", "Keir Starmer", "Olaf Scholz", "Justin Trudeau", "Trudeau", "Shinzo Abe",
    "Robert Mueller", "Mueller", "Rand Paul", "Mike Pence", "Pence", "Mike Pompeo", "Pompeo", "Rex Tillerson",
    "Nancy Pelosi", "Pelosi", "Mitch McConnell", "McConnell", "John McCain", "Bernie Sanders",
    "Elon Musk", "Musk", "Mark Zuckerberg", "Zuckerberg", "Jeff Bezos", "Bezos", "Ali Khamenei", "Khamenei",
    "Hassan Rouhani", "Rouhani", "Mohammed bin Salman", "Alexei Navalny", "Navalny", "Yevgeny Prigozhin",
    "Antonio Guterres", "Guterres", "Jens Stoltenberg", "Stoltenberg", "Ursula von der Leyen",
    "Pope Francis", "Jair Bolsonaro", "Bolsonaro", "Lula", "Viktor Orban", "Orban", "Mario Draghi",
]
ORG = [
    "Kremlin", "White House", "RIA Novosti", "TASS", "Interfax", "NATO", "European Union", "United Nations",
    "Senate Foreign Relations Committee", "Pentagon", "FBI", "CIA", "NSA", "State Department", "Congress",
    "Senate", "House of Representatives", "Gazprom", "Rosneft", "Google", "Facebook", "Twitter", "Apple",
    "Microsoft", "Amazon", "Huawei", "Tesla", "Hamas", "Hezbollah", "Taliban", "Islamic State", "ISIS",
    "Al Qaeda", "WHO", "IMF", "World Bank", "OPEC", "Reuters", "Associated Press", "BBC", "CNN",
    "Washington Post", "New York Times", "Fox News", "Republican Party", "Democratic Party",
]
PLACE = [
    "Russian Federation", "Syria", "Ukraine", "Crimea", "Donbas", "Kyiv", "Kiev", "Helsinki", "Moscow",
    "Washington", "Beijing", "Tehran", "Damascus", "Aleppo", "Idlib", "Gaza", "West Bank", "Brussels",
]
DEMONYMS = ["Russian", "Russians", "American", "Americans", "Ukrainian", "Syrian", "European", "Soviet"]
FIRSTNAMES = ["Vladimir", "Dmitry", "Sergei", "Sergey", "Alexei", "Yevgeny", "Volodymyr", "Petro", "Recep",
              "Emmanuel", "Angela", "Olaf", "Boris", "Xi", "Narendra", "Benjamin", "Bashar", "Mohammed", "Ali"]
