# -*- coding: utf-8 -*-
"""Hand-written news text for the Central European guess stress corpus.

Each language: heads (headlines), body (sentences), sym (sentences with symbols, units,
ordinals, footnote markers, foreign names)."""

L = {}

L["de"] = dict(
    heads=[
        "Bundesregierung einigt sich auf Haushalt für 2027",
        "Bahnstreik: Pendler müssen sich auf Ausfälle einstellen",
        "Mieten in München steigen um 6,4 Prozent",
        "„Wir haben keine Zeit zu verlieren“, sagt die Ministerin",
        "Hochwasser an der Oder: Pegel fällt langsam",
        "Bayern München verliert überraschend gegen Heidenheim",
        "Neue Studie: Jugendliche schlafen zu wenig",
        "Kfz-Steuer: Was sich 2027 für Autofahrer ändert",
        "Test: Der neue VW Passat Variant 2.0 TDI im Alltag",
    ],
    body=[
        "Die Koalition hat sich nach zähen Verhandlungen in der Nacht auf Donnerstag auf die Eckpunkte des Haushalts geeinigt.",
        "Finanzminister Lindner sprach von einem „tragfähigen Kompromiss“, die Opposition kritisierte die Pläne scharf.",
        "Laut Deutschem Wetterdienst werden am Wochenende Temperaturen von bis zu 34 °C erwartet.",
        "Die Gewerkschaft fordert 7,5 Prozent mehr Lohn und eine Laufzeit von zwölf Monaten.",
        "Nach Angaben der Polizei wurden zwei Personen leicht verletzt; die Straße blieb bis 18 Uhr gesperrt.",
        "Der Verein teilte mit, dass der Vertrag mit dem Trainer vorzeitig bis 2028 verlängert wurde.",
        "Verbraucherschützer raten, Angebote genau zu vergleichen – die Unterschiede betragen oft mehr als 200 €.",
        "Im Durchschnitt zahlen Mieter in der Landeshauptstadt inzwischen 21,30 € pro Quadratmeter.",
        "Bürgermeisterin Schäfer kündigte an, die Schulen bis Ende März wieder zu öffnen.",
        "Die Forscher befragten über 3.000 Schülerinnen und Schüler zwischen 12 und 17 Jahren.",
        "Der Zug aus Köln traf mit mehr als einer Stunde Verspätung in Hamburg ein.",
        "Experten gehen davon aus, dass sich die Lage frühestens im Herbst entspannt.",
        "Die Kfz-Steuer richtet sich nach dem Hubraum und dem CO2-Ausstoß des Fahrzeugs.",
    ],
    sym=[
        "Die Wohnung hat 84 m² Wohnfläche und kostet 1.250 € warm.",
        "Der Vierzylinder mit 1.998 cm³ Hubraum leistet 190 PS.",
        "Pro angefangene 100 cm³ Hubraum werden beim Diesel 9,50 € fällig, beim Benziner 2 € je 100 cm³.",
        "Der Speicher in Rehden fasst rund 4,2 Mrd. m³ Erdgas, derzeit sind es 3,1 Mrd. m³.",
        "Gilt für alle Tarife¹ bis 31.12.2026, Details siehe Fußnote².",
        "¹ Alle Preise inkl. MwSt., zzgl. Versand. ² Nur solange der Vorrat reicht.",
        "Gemäß § 13 Abs. 2 BGB gilt er als Verbraucher.",
        "© 2026 Rheinische Post Mediengruppe",
        "Der Mittelwert lag bei 12,3±2,1 mg/l, der Grenzwert bei 50 µg/m³.",
        "Partikel kleiner als 5 µm gelangen tief in die Lunge.",
        "Ein Viertel (¼) der Befragten war unentschlossen, fast ¾ der Jüngeren dagegen nicht.",
        "Das Apple® iPhone™ 17 Pro kostet ab 1.199 €.",
        "Der Euro notierte bei 1,17 $ bzw. 0,86 £; in Tokio kostet die Tasse Kaffee 480 ¥.",
        "Neu im Kader: der polnische Mittelfeldspieler Łukasz Nowak und der Tscheche Tomáš Souček.",
        "Die Fläche ½ Hektar entspricht 5.000 m².",
    ],
)

L["fr"] = dict(
    heads=[
        "Le gouvernement présente son budget pour 2027",
        "Grève à la SNCF : trafic très perturbé jeudi",
        "Incendie dans les Bouches-du-Rhône : 300 hectares brûlés",
        "« Nous n'abandonnerons pas », promet la maire de Marseille",
        "Ligue 1 : le PSG s'impose à Lyon",
        "Les prix de l'électricité vont baisser en février",
        "Essai : la Peugeot 308 hybride à l'épreuve",
    ],
    body=[
        "Le ministre de l'Économie a défendu un projet « responsable et équilibré » devant les députés.",
        "Selon Météo-France, les températures atteindront 35 °C à Toulouse ce week-end.",
        "Les syndicats réclament une hausse des salaires de 5 % et l'ouverture de négociations.",
        "D'après la préfecture, aucun blessé n'est à déplorer, mais deux maisons ont été évacuées.",
        "L'entraîneur a salué « une équipe qui n'a jamais lâché » après la rencontre.",
        "Les associations de consommateurs dénoncent une hausse déguisée des tarifs.",
        "Près d'un Français sur deux déclare avoir renoncé à des soins pour des raisons financières.",
        "Le chantier, estimé à 12 millions d'euros, devrait s'achever à l'été 2027.",
        "Cette décision a été accueillie avec soulagement par les élèves et leurs parents.",
        "L'œuvre sera exposée au musée d'Orsay jusqu'à la fin de l'année.",
        "Où en est-on ? Personne ne le sait vraiment, reconnaît un conseiller de l'Élysée.",
    ],
    sym=[
        "Appartement de 65 m² à louer, 1 450 € par mois charges comprises.",
        "Le moteur de 1 598 cm³ développe 180 ch ; la version de 1 199 cm³ se contente de 130 ch.",
        "Le barrage retient 3 millions de m³ d'eau, soit 20 % de moins qu'en 2025.",
        "Offre valable jusqu'au 31 décembre¹, voir conditions².",
        "© 2026 Le Parisien – Tous droits réservés",
        "Le vol n° 8342 a été annulé ; les passagers du 2e et du 3e étage ont été évacués.",
        "Les particules fines (PM2,5, moins de 2,5 µm) sont les plus dangereuses.",
        "Ajoutez ½ litre de lait et ¼ de sucre.",
        "Le Polonais Łukasz Kowalczyk et le Tchèque Jiří Procházka sont attendus.",
        "Article L. 121-1 § 2 du Code de la consommation.",
        "Nutella® et Kinder™ appartiennent au groupe Ferrero.",
        "La livre sterling vaut 1,16 €, soit 0,86 £ pour un euro.",
    ],
)

L["es"] = dict(
    heads=[
        "El Gobierno aprueba los Presupuestos de 2027",
        "¿Qué cambia en las pensiones a partir de enero?",
        "¡Histórico! El Betis gana su segunda Copa del Rey",
        "Ola de calor: Córdoba alcanza los 44 °C",
        "La vivienda sube un 8,3 % en Madrid y Barcelona",
        "Año nuevo, precios nuevos: lo que subirá en 2027",
    ],
    body=[
        "El ministro de Hacienda defendió que las cuentas son «las más sociales de la historia».",
        "Según la Aemet, el episodio de calor se prolongará al menos hasta el domingo.",
        "Los sindicatos han convocado una huelga general para el próximo 14 de noviembre.",
        "La Guardia Civil detuvo a dos personas en Almería por un presunto delito de estafa.",
        "El alcalde aseguró que las obras estarán terminadas antes del inicio del curso escolar.",
        "¿Cuánto costará la luz en febrero? Los expertos prevén una ligera bajada.",
        "La Organización Mundial de la Salud recomienda beber agua con frecuencia y evitar el sol.",
        "El delantero marcó en el minuto 89 y dio la victoria a su equipo.",
        "Más de la mitad de los jóvenes españoles vive todavía con sus padres.",
        "«No vamos a dar ni un paso atrás», advirtió la portavoz ante los periodistas.",
    ],
    sym=[
        "Se celebra el 1º de mayo en la plaza nº 4; es la 2ª edición del festival.",
        "Piso de 90 m² en Chamberí por 1.200 € al mes.",
        "Motor de 1.498 cm³ y 150 CV, con etiqueta ECO.",
        "© 2026 Ediciones El País, S.L.",
        "¿Por qué? ¡Ojo con las estafas! ¿Quién paga?",
        "Dª María Pérez, Sr. D. José López y la 3ª clasificada.",
        "El embalse está al 34 % de su capacidad, con 120 hm³.",
        "El portero polaco Łukasz Skorupski y el checo Patrik Schick.",
        "Partículas de menos de 10 µm; temperaturas de 25±2 °C.",
        "Ley 3/2026, art. 5 § 1. Ver nota¹.",
    ],
)

L["pt"] = dict(
    heads=[
        "Governo aprova Orçamento do Estado para 2027",
        "Greve nos comboios: CP prevê supressões em todo o país",
        "Incêndio em Pedrógão obriga à evacuação de três aldeias",
        "Benfica vence no Dragão e assume a liderança",
        "Preço dos combustíveis volta a subir na segunda-feira",
    ],
    body=[
        "O ministro das Finanças afirmou que as contas públicas vão registar um excedente.",
        "Segundo o IPMA, as temperaturas vão ultrapassar os 40 °C no Alentejo.",
        "Os sindicatos exigem aumentos salariais e a revisão das carreiras.",
        "A PSP deteve dois homens suspeitos de furto numa loja do Porto.",
        "O presidente da câmara garantiu que as obras ficam concluídas antes do verão.",
        "Mais de metade dos portugueses diz ter dificuldade em pagar a habitação.",
        "A decisão foi recebida com alívio pelos moradores, que há anos reclamavam.",
        "São esperadas milhares de pessoas na manifestação de sábado em Lisboa.",
        "«Não há razões para alarme», garantiu a ministra da Saúde.",
    ],
    sym=[
        "O clube terminou em 1º lugar; o rival ficou em 3º e desce à 2ª divisão.",
        "Exmº Senhor Presidente, Exmª Senhora Ministra.",
        "Apartamento T2 com 75 m², rua nº 7, 2º andar.",
        "©2026 Público Comunicação Social SA",
        "O guarda-redes polaco Łukasz Fabiański e o checo Tomáš Souček.",
        "A barragem de Alqueva tem 4150 hm³; a média foi de 25ºC.",
        "Filtro de 5µm incluído; garantia de 2 anos.",
    ],
)

L["it"] = dict(
    heads=[
        "Il governo approva la manovra per il 2027",
        "Sciopero dei treni: venerdì a rischio le Frecce",
        "Maltempo in Liguria, allerta rossa a Genova",
        "La Juventus batte l'Inter e torna in testa",
        "Perché i prezzi della benzina salgono di nuovo",
        "Città più care d'Italia: Milano è prima",
    ],
    body=[
        "Il ministro dell'Economia ha detto che il deficit scenderà sotto il 3 per cento.",
        "Secondo la Protezione civile, le piogge continueranno almeno fino a giovedì.",
        "I sindacati chiedono aumenti salariali e più sicurezza sul lavoro.",
        "I carabinieri hanno arrestato due uomini sospettati di furto.",
        "Il sindaco ha assicurato che i lavori saranno completati entro l'estate.",
        "Più della metà degli italiani dichiara di non riuscire a risparmiare.",
        "È la prima volta che la città ospita un evento di questa portata.",
        "La società ha già versato 1,2 milioni di euro come anticipo, però non basta.",
        "«Non ci arrenderemo», ha detto il presidente della Regione.",
    ],
    sym=[
        "Appartamento di 80 m² in centro, 1.100 € al mese.",
        "Biglietto di 1ª classe, carrozza n° 3, posto 12.",
        "©2026 RCS MediaGroup S.p.A.",
        "Il portiere polacco Łukasz Skorupski e il ceco Antonín Barák.",
        "Polveri sottili PM10 (meno di 10 µm); temperature 28±2 °C.",
        "Il bacino contiene 12 milioni di m³ d'acqua.",
    ],
)

L["nl"] = dict(
    heads=[
        "Kabinet presenteert Miljoenennota met lastenverlichting",
        "Storing bij NS: geen treinen tussen Utrecht en Amsterdam",
        "Ajax wint met 3-1 van Feyenoord",
        "Huizenprijzen stijgen voor het twaalfde kwartaal op rij",
        "Café De Zwaan in Groningen bestaat honderd jaar",
    ],
    body=[
        "De minister van Financiën zei dat de koopkracht volgend jaar met gemiddeld 1,2 procent stijgt.",
        "Volgens het KNMI wordt het dit weekend tot 31 °C in het zuiden van het land.",
        "De vakbonden eisen een loonsverhoging van 6 procent en een kortere werkweek.",
        "De politie heeft twee verdachten aangehouden na een inbraak in een juwelierszaak.",
        "De burgemeester zegt dat de werkzaamheden vóór de zomer klaar zijn.",
        "Ruim de helft van de Nederlanders maakt zich zorgen over de stijgende kosten.",
        "Het is nog niet duidelijk wanneer de brug weer open gaat voor verkeer.",
        "Ze reageerden geïrriteerd op de uitspraken van de coördinator.",
    ],
    sym=[
        "Appartement van 70 m² voor € 1.250 per maand.",
        "©2026 NOS",
        "De Pool Łukasz Fabiański keept, de Tsjech Václav Černý speelt rechtsbuiten.",
        "Het bassin heeft een inhoud van 2.400 m³.",
    ],
)

L["da"] = dict(
    heads=[
        "Regeringen fremlægger finanslov med skattelettelser",
        "Storm lukker Storebæltsbroen for lette køretøjer",
        "FC København vinder over Brøndby",
        "Priserne på smør stiger igen",
    ],
    body=[
        "Finansministeren sagde, at økonomien står stærkt trods usikkerheden i Europa.",
        "Ifølge DMI kan vindstødene nå op til 30 m/s langs vestkysten.",
        "Politiet har anholdt to mænd, der er mistænkt for indbrud i Aarhus.",
        "Borgmesteren forventer, at arbejdet på broen er færdigt før sommerferien.",
        "Mere end halvdelen af de adspurgte mener, at priserne på fødevarer er for høje.",
        "Skolerne i Sønderborg åbner igen på mandag.",
    ],
    sym=[
        "Lejlighed på 85 m² i Valby, 12.500 kr. om måneden.",
        "Værket leverer 1.250 m³ vand i timen.",
        "©2026 DR",
    ],
)

L["sv"] = dict(
    heads=[
        "Regeringen presenterar budget med sänkt skatt",
        "Snöoväder stoppar tågtrafiken i Norrland",
        "Malmö FF vann derbyt mot Helsingborg",
        "Äldreomsorgen får två miljarder extra",
    ],
    body=[
        "Finansministern säger att ekonomin återhämtar sig snabbare än väntat.",
        "Enligt SMHI kan det komma upp till 40 centimeter snö i fjällen.",
        "Polisen har gripit två män som misstänks för rån i Göteborg.",
        "Kommunen räknar med att arbetet är klart före sommaren.",
        "Mer än hälften av de tillfrågade tycker att matpriserna är för höga.",
        "Skolorna i Umeå öppnar igen på måndag efter stormen.",
    ],
    sym=["Lägenhet på 72 m² på Södermalm.", "©2026 Sveriges Television AB", "Temperaturen var −5 °C på morgonen."],
)

L["no"] = dict(
    heads=[
        "Regjeringen legger fram statsbudsjettet for 2027",
        "Ekstremværet stenger veier på Vestlandet",
        "Bodø/Glimt slo Rosenborg på Lerkendal",
    ],
    body=[
        "Finansministeren sier at oljepengebruken skal holdes under handlingsregelen.",
        "Ifølge Meteorologisk institutt kan det komme over 100 millimeter nedbør.",
        "Politiet har pågrepet to menn som er mistenkt for innbrudd i Bergen.",
        "Ordføreren regner med at arbeidet på brua er ferdig før sommeren.",
        "Mer enn halvparten av de spurte mener at strømprisene er for høye.",
        "Skolene i Tromsø åpner igjen på mandag.",
    ],
    sym=["Leilighet på 64 m² på Grünerløkka.", "©2026 NRK", "Magasinet rommer 3,5 mill. m³ vann."],
)

L["fi"] = dict(
    heads=[
        "Hallitus esittelee ensi vuoden talousarvion",
        "Myrsky katkaisi sähköt kymmenistätuhansista kodeista",
        "HJK voitti KuPSin Kuopiossa",
    ],
    body=[
        "Valtiovarainministerin mukaan talous kasvaa ensi vuonna noin prosentin.",
        "Ilmatieteen laitoksen mukaan lämpötila laskee viikonloppuna pakkasen puolelle.",
        "Poliisi otti kiinni kaksi miestä, joita epäillään murrosta Tampereella.",
        "Kaupunginjohtaja arvioi, että sillan korjaustyöt valmistuvat ennen kesää.",
        "Yli puolet vastaajista pitää ruoan hintoja liian korkeina.",
        "Koulut avautuvat Oulussa jälleen maanantaina.",
    ],
    sym=["Kaksio 48 m², vuokra 950 €/kk.", "©2026 Yle", "Järvessä on vettä noin 2 km³."],
)

L["is"] = dict(
    heads=[
        "Ríkisstjórnin kynnir fjárlagafrumvarp næsta árs",
        "Óveður lokar vegum á Norðurlandi",
        "Valur vann KR á Hlíðarenda",
    ],
    body=[
        "Fjármálaráðherra segir að hagkerfið standi traustum fótum.",
        "Samkvæmt Veðurstofunni getur vindur náð 30 metrum á sekúndu.",
        "Lögreglan handtók tvo menn sem grunaðir eru um innbrot í Reykjavík.",
        "Bæjarstjórinn segir að framkvæmdum ljúki fyrir sumarið.",
        "Meira en helmingur aðspurðra telur matvöruverð of hátt.",
        "Skólar á Akureyri opna aftur á mánudag.",
    ],
    sym=["Íbúð 95 m² í Hafnarfirði.", "©2026 RÚV", "Lónið tekur 2.100 milljónir m³."],
)

L["ca"] = dict(
    heads=[
        "El Govern aprova el pressupost per al 2027",
        "Vaga a Rodalies: serveis mínims del 66 %",
        "El Barça guanya a l'Espanyol i continua líder",
    ],
    body=[
        "La consellera d'Economia ha dit que els comptes són «els més socials de la legislatura».",
        "Segons el Servei Meteorològic, les temperatures arribaran als 38 °C a Lleida.",
        "Els Mossos d'Esquadra han detingut dos homes per un robatori a Girona.",
        "L'alcaldessa assegura que les obres s'acabaran abans de l'estiu.",
        "Més de la meitat dels joves catalans encara viu amb els pares.",
        "La col·lecció es podrà veure al museu fins al mes de març.",
    ],
    sym=["Pis de 80 m² a Gràcia per 1.300 €.", "©2026 Corporació Catalana de Mitjans", "1r, 2n i 3r classificats; la 4a plaça."],
)

L["en"] = dict(
    heads=[
        "Chancellor unveils budget with £12bn for the NHS",
        "Storm Éowyn: thousands without power across Scotland",
        "Café owner’s fight against eviction reaches High Court",
        "Pokémon fans queue overnight for new release",
        "Why your energy bill will rise in April",
    ],
    body=[
        "The Chancellor told MPs the measures would “put money back in people’s pockets”.",
        "According to the Met Office, gusts of up to 90 mph are expected on the west coast.",
        "Police arrested two men on suspicion of burglary after a raid in Leeds.",
        "The council said the repairs to the bridge would be finished before the summer.",
        "More than half of those surveyed said food prices were “too high”.",
        "Schools in Aberdeen will reopen on Monday, the local authority confirmed.",
        "The £4.5m scheme was approved by a narrow majority — 27 votes to 25.",
        "Shares in the company rose 3.2% to 412p in early trading.",
        "The naïve assumption that rates would fall quickly has proved wrong, analysts say.",
    ],
    sym=[
        "A 120 m² flat in Islington is now listed at £1.2m.",
        "The study¹ found that 1 in 4 adults² sleeps less than six hours.",
        "¹ Figures from the ONS. ² Aged 18 to 65.",
        "© 2026 BBC. The BBC is not responsible for the content of external sites.",
        "Nike® Air Max™ trainers, now £89.99 (was £120).",
        "In Tokyo a bowl of ramen costs about ¥1,200.",
        "The journey takes 3½ hours; the average was 21.4±0.5 °C.",
        "Poland’s Łukasz Fabiański made three saves; Czech striker Patrik Schick scored.",
        "Particles smaller than 2.5µm reach deep into the lungs.",
        "The tank holds 2,000 m³ of water; each pump moves 50 m³ an hour.",
        "Volumes are given in cm³ and areas in m².",
        "Section 5 ¶ 3 of the agreement (see § 12).",
    ],
)

L["ga"] = dict(
    heads=[
        "Fógraíonn an Rialtas buiséad nua do 2027",
        "Stoirm: na mílte teach gan leictreachas i gConamara",
        "Bhuaigh Gaillimh ar Chiarraí i gCraobh na hÉireann",
    ],
    body=[
        "Dúirt an tAire Airgeadais go mbeidh barrachas sa chuntas reatha arís.",
        "De réir Met Éireann, beidh gaoth láidir ann ar an gcósta thiar.",
        "Ghabh na Gardaí beirt fhear i mBaile Átha Cliath aréir.",
        "Deir an chomhairle go mbeidh an obair ar an droichead críochnaithe roimh an samhradh.",
        "Tá níos mó ná leath na ndaoine den tuairim go bhfuil praghsanna bia ró-ard.",
        "Osclóidh na scoileanna i nDún na nGall arís Dé Luain.",
    ],
    sym=["Árasán 60 m² i nGaillimh ar €1,400 sa mhí.", "© 2026 RTÉ"],
)

L["et"] = dict(
    heads=[
        "Valitsus kiitis heaks järgmise aasta eelarve",
        "Torm jättis tuhanded kodud elektrita",
        "Flora alistas Levadia ja tõusis liidriks",
    ],
    body=[
        "Rahandusminister ütles, et eelarve puudujääk väheneb kolme protsendini.",
        "Ilmateenistuse sõnul tõuseb õhutemperatuur nädalavahetusel 30 kraadini.",
        "Politsei pidas kinni kaks meest, keda kahtlustatakse vargustes.",
        "Linnapea sõnul lõpevad sillatööd enne suve.",
        "Šokolaadi hind on aastaga tõusnud ligi veerandi võrra.",
        "Üle poole vastanutest peab toiduainete hindu liiga kõrgeks.",
    ],
    sym=["Korter 54 m² Tartus, 650 € kuus.", "©2026 ERR"],
)

# ---- Turkish, Baltic ----
L["tr"] = dict(
    heads=[
        "Merkez Bankası faiz oranını sabit tuttu",
        "İstanbul'da şiddetli yağış hayatı olumsuz etkiledi",
        "Galatasaray deplasmanda Fenerbahçe'yi 2-1 yendi",
        "Asgari ücrete ara zam gelecek mi?",
    ],
    body=[
        "Bakan, enflasyonun yıl sonunda yüzde 30'un altına düşeceğini söyledi.",
        "Meteoroloji uyarısına göre kuvvetli rüzgâr ve sağanak yağış bekleniyor.",
        "Polis, iş yerine girmeye çalışan iki şüpheliyi gözaltına aldı.",
        "Belediye başkanı çalışmaların eylül ayında tamamlanacağını açıkladı.",
        "Öğrenciler pazartesi günü okullarına dönecek.",
        "Ekonomistler, Türk lirasının değer kaybının süreceğini öngörüyor.",
        "Şirketin hisseleri Borsa İstanbul'da yüzde 4,2 yükseldi.",
    ],
    sym=["Kadıköy'de 110 m² daire 25.000 ₺ kiraya verildi.", "©2026 Anadolu Ajansı", "Barajda 120 milyon m³ su var."],
)

L["lt"] = dict(
    heads=[
        "Vyriausybė pritarė kitų metų biudžeto projektui",
        "Vilniuje dėl remonto uždaroma Gedimino prospekto dalis",
        "Žalgiris nugalėjo Rytą ir pirmauja lygoje",
    ],
    body=[
        "Finansų ministrė teigė, kad deficitas sumažės iki trijų procentų.",
        "Sinoptikai įspėja apie stiprų vėją ir liūtis šalies vakaruose.",
        "Policijos pareigūnai sulaikė du vyrus, įtariamus vagyste.",
        "Žiūrovų į rungtynes susirinko daugiau nei dešimt tūkstančių.",
        "Mokiniai į mokyklas sugrįš pirmadienį, pranešė ministerija.",
    ],
    sym=["Butas 56 m² Kaune.", "©2026 LRT"],
)

L["lv"] = dict(
    heads=[
        "Valdība apstiprināja nākamā gada budžeta projektu",
        "Rīgā slēgs satiksmi Akmens tiltā",
        "Rīgas FS uzvar Liepāju",
    ],
    body=[
        "Finanšu ministrs sacīja, ka budžeta deficīts samazināsies līdz trim procentiem.",
        "Sinoptiķi brīdina par stipru vēju un lietusgāzēm Kurzemē.",
        "Policija aizturēja divus vīriešus, kuri mēģināja ielauzties veikalā.",
        "Skolēni uz skolām atgriezīsies pirmdien, paziņoja ministrija.",
        "Ģimenes ar bērniem saņems lielāku pabalstu no janvāra.",
    ],
    sym=["Dzīvoklis 60 m² Pārdaugavā.", "©2026 LSM"],
)

# ---- Central European ----
L["pl"] = dict(
    heads=[
        "Sejm przyjął ustawę o podatku od nieruchomości",
        "Część posłów żąda dymisji ministra zdrowia",
        "Ulewy w Małopolsce: strażacy interweniowali ponad 300 razy",
        "Łódź: nowa linia tramwajowa ruszy we wrześniu",
        "Ceny masła w sklepach wzrosły o 12 proc.",
        "Świątek awansowała do półfinału turnieju w Rzymie",
    ],
    body=[
        "Za ustawą głosowało 235 posłów, przeciw było 201, a 12 wstrzymało się od głosu.",
        "Rzecznik rządu zapowiedział, że nowe przepisy wejdą w życie od 1 stycznia przyszłego roku.",
        "Według synoptyków w weekend temperatura w południowej Polsce spadnie poniżej zera.",
        "Mieszkańcy skarżą się na hałas i brak miejsc parkingowych w pobliżu dworca.",
        "Prezydent miasta podkreślił, że inwestycja zostanie w całości sfinansowana ze środków unijnych.",
        "Policja apeluje do kierowców o zachowanie szczególnej ostrożności na drogach.",
        "Żaden z zawodników nie odniósł poważnych obrażeń, mecz dokończono po przerwie.",
        "Ekonomiści ostrzegają, że inflacja może przyspieszyć jeszcze przed końcem roku.",
        "Wśród zatrzymanych jest dwóch byłych urzędników ministerstwa.",
        "„To jest dla nas ogromny sukces” – powiedział dyrektor szpitala.",
    ],
    sym=["Mieszkanie 54 m² na Mokotowie za 780 tys. zł.", "© 2026 Agora SA", "Trener Thomas Müller i François Dubois.", "Temperatura 25 °C, wilgotność 60 %."],
)

L["cs"] = dict(
    heads=[
        "Vláda schválila návrh rozpočtu na příští rok",
        "Ceny energií v Česku klesají, tvrdí regulátor",
        "Praha: Tramvajová trať na Žižkov bude uzavřena do září",
        "Sparta porazila Slavii a vede tabulku o tři body",
        "Meteorologové varují před silnými bouřkami na Moravě",
    ],
    body=[
        "Poslanci o návrhu budou jednat ve druhém čtení už příští týden.",
        "Podle ministra financí se schodek podaří snížit pod tři procenta HDP.",
        "Hasiči museli v noci vyjíždět k desítkám spadlých stromů.",
        "Starosta města řekl, že oprava mostu potrvá nejméně dva měsíce.",
        "Ředitelka školy uvedla, že žáci se do tříd vrátí v pondělí.",
        "Většina obyvatel se podle průzkumu obává růstu cen potravin.",
        "Policisté zadrželi muže, který se pokusil ukrást auto na parkovišti u nádraží.",
        "Tento týden se očekává teplota až 30 stupňů, v horách místy přeháňky.",
        "Ústavní soud stížnost odmítl jako zjevně neopodstatněnou.",
    ],
    sym=["Byt 3+1 o rozloze 75 m² v Brně.", "© 2026 Economia, a.s.", "Trenér Thomas Müller.", "Teplota 25 °C."],
)

L["sk"] = dict(
    heads=[
        "Vláda schválila novelu zákona o dani z príjmov",
        "Bratislava: Na Obchodnej ulici pribudnú nové lavičky",
        "Ľudia sa sťažujú na dlhé čakanie u lekára",
        "Slovan zvíťazil v Trnave a upevnil si vedenie",
    ],
    body=[
        "Podľa ministerstva financií sa deficit v tomto roku zníži na päť percent.",
        "Poslanci budú o návrhu rokovať už na najbližšej schôdzi parlamentu.",
        "Meteorológovia upozorňujú na silný vietor a búrky na strednom Slovensku.",
        "Ľudia v obci sa obávajú, že most nebude opravený pred zimou.",
        "Policajti zadržali dvoch mužov, ktorí sa pokúsili vlámať do predajne.",
        "Starosta povedal, že ťažké mechanizmy sa na stavenisko vrátia v pondelok.",
        "Učitelia žiadajú vyššie platy a menej administratívy.",
        "Tržby obchodníkov medziročne stúpli o štyri percentá.",
    ],
    sym=["Byt s rozlohou 68 m² v Petržalke.", "© 2026 Petit Press", "Teplota 25 °C."],
)

L["hr"] = dict(
    heads=[
        "Vlada predstavila mjere za ublažavanje rasta cijena",
        "Zagreb: Tramvajski promet na Savskoj cesti obustavljen do srijede",
        "Hajduk slavio u Splitu, Dinamo izgubio bodove u Osijeku",
        "Turistička sezona: u kolovozu više od četiri milijuna noćenja",
    ],
    body=[
        "Ministar financija rekao je da će se porez na dodanu vrijednost za osnovne namirnice smanjiti.",
        "Građani se žale na gužve i nedostatak parkirnih mjesta u središtu grada.",
        "Policija je privela dvojicu muškaraca osumnjičenih za krađu.",
        "Prema podacima Državnog zavoda za statistiku, plaće su porasle za osam posto.",
        "Meteorolozi najavljuju jaku buru i pad temperature na Jadranu.",
        "Gradonačelnik je najavio da će radovi završiti prije početka školske godine.",
        "Đaci će u škole krenuti u ponedjeljak, potvrdilo je ministarstvo.",
        "Zbog šteta na cestama žurne službe intervenirale su više od stotinu puta.",
    ],
    sym=["Stan od 65 m² u Trešnjevci.", "© 2026 HRT", "Temperatura 25 °C."],
)

L["sl"] = dict(
    heads=[
        "Vlada sprejela predlog proračuna za prihodnje leto",
        "Ljubljana: zaradi del zaprta Šmartinska cesta",
        "Olimpija premagala Maribor in se približala vrhu",
        "Cene električne energije bodo jeseni nižje",
    ],
    body=[
        "Minister za finance je dejal, da se bo primanjkljaj zmanjšal pod tri odstotke.",
        "Poslanci bodo o predlogu razpravljali na izredni seji državnega zbora.",
        "Meteorologi napovedujejo močan veter in ohladitev na Primorskem.",
        "Policisti so pridržali voznika, ki je vozil pod vplivom alkohola.",
        "Župan je povedal, da bodo dela končana do začetka šolskega leta.",
        "Večina anketirancev meni, da so cene hrane previsoke.",
        "Žrtev nesreče so z reševalnim vozilom odpeljali v bolnišnico.",
        "Čeprav je bilo vreme slabo, se je na prireditvi zbralo več tisoč ljudi.",
    ],
    sym=["Stanovanje 58 m² v Šiški.", "© 2026 RTV Slovenija", "Temperatura 25 °C."],
)

L["hu"] = dict(
    heads=[
        "A kormány elfogadta a jövő évi költségvetés tervezetét",
        "Budapest: lezárják a Szabadság hidat a felújítás miatt",
        "Drágul az üzemanyag, hétfőtől többet kell fizetni a kutakon",
        "A Ferencváros győzött Debrecenben, és megőrizte vezető helyét",
    ],
    body=[
        "A pénzügyminiszter szerint a hiány jövőre a GDP három százaléka alá csökkenhet.",
        "A meteorológiai szolgálat erős szél és zivatarok miatt figyelmeztetést adott ki.",
        "A rendőrség két férfit fogott el, akik egy üzletbe próbáltak betörni.",
        "A polgármester közölte, hogy a felújítási munkák őszig elhúzódhatnak.",
        "A felmérés szerint a lakosság többsége az élelmiszerárak emelkedésétől tart.",
        "Az önkormányzat ígérete szerint a gyerekek hétfőn visszatérhetnek az iskolába.",
        "Tűzoltók több mint száz helyszínen dolgoztak a vihar után.",
        "Az elemzők úgy vélik, hogy a forint árfolyama tovább gyengülhet.",
    ],
    sym=["Eladó 62 m²-es lakás Újbudán.", "© 2026 MTVA", "Hőmérséklet 25 °C."],
)

L["ro"] = dict(
    heads=[
        "Guvernul a aprobat proiectul de buget pentru anul viitor",
        "Bucureşti: circulaţia pe Calea Victoriei, restricţionată până vineri",
        "Preţurile la energie vor scădea din toamnă",
        "FCSB a câştigat derby-ul cu Dinamo",
    ],
    body=[
        "Ministrul finanţelor a declarat că deficitul bugetar va scădea sub trei la sută.",
        "Meteorologii anunţă ploi torenţiale şi vânt puternic în Moldova.",
        "Poliţiştii au reţinut doi bărbaţi bănuiţi de furt.",
        "Primarul a spus că lucrările vor fi finalizate până la începutul şcolii.",
        "Majoritatea românilor se tem de creşterea preţurilor la alimente.",
        "Pompierii au intervenit în peste o sută de situaţii după furtună.",
        "Elevii se vor întoarce la şcoală luni, a anunţat ministerul.",
        "Şoferii sunt sfătuiţi să evite drumurile de munte în weekend.",
    ],
    sym=["Apartament de 70 m² în Floreasca.", "© 2026 Agerpres", "Temperatura 25 °C."],
)
