"""Static inputs for the synthetic demo municipality: geography, organisations and name lists.

Geography is real (gemeenten of the Noordoost-Brabant youth-care region with their CBS codes, the kernen and
wijken of Oss with their postcode areas). Every person, practice and provider name is synthetic.
"""

# (cbs_code, naam, inwoners 0-17 (rounded, approximate), relative size for the regional scale)
GEMEENTEN = [
    ("0828", "Oss", 19500),
    ("0796", "'s-Hertogenbosch", 29000),
    ("1721", "Bernheze", 6900),
    ("0755", "Boekel", 2300),
    ("0757", "Boxtel", 6300),
    ("1982", "Land van Cuijk", 18000),
    ("1991", "Maashorst", 12500),
    ("1948", "Meierijstad", 17500),
    ("0845", "Sint-Michielsgestel", 6200),
    ("0865", "Vught", 6300),
]

# Oss: (wijkcode, wijk, kern, postcode-prefixes, share of the youth population, CJG team)
OSS_WIJKEN = [
    ("WK082800", "Centrum", "Oss", ["5341"], 0.06, "CJG Oss-Noord"),
    ("WK082801", "Ruwaard", "Oss", ["5342", "5343"], 0.12, "CJG Oss-Noord"),
    ("WK082802", "Schadewijk", "Oss", ["5344"], 0.10, "CJG Oss-Zuid"),
    ("WK082803", "Ussen", "Oss", ["5345", "5346"], 0.11, "CJG Oss-Zuid"),
    ("WK082804", "Krinkelhoek en Mettegeupel", "Oss", ["5348"], 0.09, "CJG Oss-Noord"),
    ("WK082805", "Vijfhoek en Oss-West", "Oss", ["5345"], 0.08, "CJG Oss-Zuid"),
    ("WK082806", "Berghem", "Berghem", ["5351"], 0.08, "CJG Maasland"),
    ("WK082807", "Megen, Haren en Macharen", "Megen", ["5366"], 0.04, "CJG Maasland"),
    ("WK082808", "Ravenstein", "Ravenstein", ["5371"], 0.04, "CJG Maasland"),
    ("WK082809", "Herpen", "Herpen", ["5373"], 0.03, "CJG Maasland"),
    ("WK082810", "Lith en Oijen", "Lith", ["5396", "5397"], 0.06, "CJG Maasland"),
    ("WK082811", "Maren-Kessel en Alem", "Maren-Kessel", ["5398"], 0.03, "CJG Maasland"),
    ("WK082812", "Geffen", "Geffen", ["5386"], 0.05, "CJG Maasdonk"),
    ("WK082813", "Nuland en Vinkel", "Nuland", ["5391", "5382"], 0.06, "CJG Maasdonk"),
    ("WK082814", "Oss-Oost en Horzak", "Oss", ["5347"], 0.05, "CJG Oss-Zuid"),
]

STRATEN = [
    "Kerkstraat", "Molenstraat", "Schoolstraat", "Dorpsstraat", "Kastanjelaan", "Eikenlaan", "Lindenlaan",
    "Julianastraat", "Wilhelminastraat", "Beatrixstraat", "Oranjestraat", "Meidoornstraat", "Vlierstraat",
    "Berkenlaan", "Populierenlaan", "Akkerstraat", "Weidestraat", "Burchtstraat", "Maasdijk", "Heuvelstraat",
    "Torenstraat", "Kloosterstraat", "Hoefstraat", "Leeuwerikstraat", "Merelstraat", "Zwaluwstraat",
    "Tulpstraat", "Rozenstraat", "Zonnebloemstraat", "Esdoornlaan",
]  # fmt: skip

VOORNAMEN_M = [
    "Daan", "Sem", "Liam", "Noah", "Lucas", "Finn", "Levi", "Luuk", "Milan", "Bram", "Thijs", "Jesse", "Ties", "Mees",
    "Adam", "Mohammed", "Jayden", "Julian", "Ruben", "Stijn", "Gijs", "Tim", "Lars", "Sven", "Jens", "Niek", "Joep",
    "Teun", "Hugo", "Olivier", "Dex", "Boaz", "Kacper", "Jakub", "Yusuf", "Omar",
]  # fmt: skip
VOORNAMEN_V = [
    "Emma", "Julia", "Mila", "Tess", "Sophie", "Zoë", "Sara", "Nora", "Yara", "Eva", "Liv", "Lotte", "Evi", "Anna",
    "Saar", "Lieke", "Fleur", "Noor", "Fenna", "Isa", "Roos", "Sanne", "Femke", "Iris", "Maud", "Jasmijn", "Nina",
    "Lina", "Amira", "Zofia", "Hanna", "Lara", "Elif", "Ayla", "Floor", "Janna",
]  # fmt: skip
ACHTERNAMEN = [
    ("", "Jansen"), ("", "Smits"), ("van", "Dijk"), ("", "Bakker"), ("van den", "Berg"), ("", "Verhoeven"),
    ("van der", "Heijden"), ("", "Hendriks"), ("", "Peters"), ("", "Willems"), ("van", "Lieshout"),
    ("", "van Vugt"), ("", "Kuijpers"), ("", "Brouwers"), ("van de", "Ven"), ("", "Martens"), ("", "Verstegen"),
    ("", "Vos"), ("de", "Groot"), ("", "Schuurmans"), ("van", "Hoof"), ("", "Gerrits"), ("", "Vermeulen"),
    ("van", "Kessel"), ("", "Dekkers"), ("", "Koenen"), ("", "Verbruggen"), ("de", "Wit"), ("van", "Rooij"),
    ("", "Timmermans"), ("", "Aarts"), ("van", "Wanrooij"), ("", "Yilmaz"), ("", "El Amrani"), ("", "Nowak"),
    ("", "Kowalski"), ("", "Öztürk"), ("", "Bouzid"), ("van", "Summeren"), ("", "Leenders"),
]  # fmt: skip

# Synthetic provider names (a realistic mix of sizes and kinds of care).
AANBIEDERS = [
    "Kompas Jeugdhulp", "De Brug Ambulant", "Maasland Jeugd en Opvoeding", "Stichting Opgroeikracht",
    "Gezinshuis De Linde", "Pleegzorg Brabant-Noord", "Jeugd-GGZ Maaskant", "Praktijk Zonnig Kind",
    "Dagbehandeling 't Kwetternest", "Jeugdbescherming Noordoost-Brabant", "Jeugdreclassering Maas en Dommel",
    "Autismecentrum Het Anker", "Orthopedagogisch Centrum Maasdonk", "Kinderpraktijk De Vlinder",
    "Ambulant Team Oss", "Logeerhuis De Boomhut", "Crisisdienst Jeugd Brabant", "Dyslexiecentrum Maasland",
    "Traumacentrum Jong", "Psychologenpraktijk Ruwaard", "Gezinscoaching Plus", "Zorgboerderij De Hooiberg",
    "Jongerenhuis Op Eigen Benen", "Begeleid Wonen Jong Oss", "Stichting Samen Sterk", "Kind en Gezin Coaching",
    "Speltherapie Het Speelhuis", "Vaktherapie Maas en Waal", "Jeugdhulp Op Maat Boxtel", "Meierij Jeugdzorg",
    "Bosch Jeugd en Gezin", "De Groene Kamer", "Stichting Veilig Opgroeien", "GGZ Jeugd Noordoost",
    "Beschermd Thuis Jeugd", "Praktijk Lichtpunt", "Het Kindcentrum Cuijk", "Gesloten Jeugdzorg De Hoeve",
    "Behandelgroep De Kei", "Leerwerkplaats Jong Talent",
]  # fmt: skip

# Regional product list: (categorie JZ020, code, omschrijving, eenheid WJ756, frequentie WMO757,
# uitvoeringsvariant, tarief in eurocent for the first contract year)
PRODUCTEN = [
    ("45", "45A01", "Jeugdhulp ambulant regulier", "04", "2", "inspanningsgericht", 7850),
    ("45", "45A02", "Jeugdhulp ambulant specialistisch", "04", "2", "inspanningsgericht", 9520),
    ("45", "45A03", "Jeugdhulp ambulant licht", "04", "2", "inspanningsgericht", 6140),
    ("45", "45A10", "Ambulant traject opvoedondersteuning", "82", "6", "outputgericht", 245000),
    ("45", "45A20", "Dyslexiezorg (EED)", "82", "6", "outputgericht", 380000),
    ("54", "54001", "Jeugd-ggz basis", "04", "2", "inspanningsgericht", 10400),
    ("54", "54002", "Jeugd-ggz specialistisch", "04", "2", "inspanningsgericht", 12650),
    ("54", "54010", "Jeugd-ggz traject diagnostiek", "82", "6", "outputgericht", 165000),
    ("41", "41A01", "Dagbehandeling jeugd", "16", "2", "inspanningsgericht", 11200),
    ("41", "41A02", "Dagbehandeling jonge kind", "16", "2", "inspanningsgericht", 12900),
    ("43", "43A01", "Verblijf met behandeling", "14", "4", "inspanningsgericht", 29500),
    ("43", "43A02", "Gesloten jeugdhulp", "14", "4", "inspanningsgericht", 61500),
    ("44", "44A01", "Pleegzorg", "14", "4", "inspanningsgericht", 4350),
    ("44", "44A02", "Gezinshuis", "14", "4", "inspanningsgericht", 17800),
    ("44", "44A03", "Logeren / kortdurend verblijf", "14", "4", "inspanningsgericht", 16200),
    ("44", "44A04", "Begeleid wonen 16+", "14", "4", "inspanningsgericht", 14100),
    ("46", "46001", "Crisisinterventie ambulant", "04", "6", "inspanningsgericht", 13200),
    ("46", "46002", "Crisisopvang met verblijf", "14", "6", "inspanningsgericht", 36400),
    ("47", "47001", "Jeugdreclassering", "82", "6", "taakgericht", 0),
    ("48", "48001", "Ondertoezichtstelling", "82", "6", "taakgericht", 0),
    ("48", "48002", "Voogdij", "82", "6", "taakgericht", 0),
    ("40", "40A01", "Persoonlijke verzorging jeugd", "04", "2", "inspanningsgericht", 5600),
    ("42", "42A01", "Vervoer dagbehandeling", "82", "2", "outputgericht", 2450),
    ("50", "50A01", "Maatwerkarrangement jeugd", "83", "6", "outputgericht", 0),
]

# CBS-like verwijzer mix for trajectories with jeugdhulp (COD327 code, share).
VERWIJZER_MIX = [("01", 0.44), ("02", 0.30), ("03", 0.04), ("04", 0.08), ("05", 0.08), ("06", 0.04), ("08", 0.02)]

HUISARTSPRAKTIJKEN = [
    "Huisartsenpraktijk De Linde", "Huisartsen Ruwaard", "Gezondheidscentrum Schadewijk", "Huisartsen Ussen",
    "Huisartsenpraktijk Berghem", "Huisartsen Maasland Lith", "Huisartsenpraktijk Geffen", "Praktijk Nuland",
]  # fmt: skip
