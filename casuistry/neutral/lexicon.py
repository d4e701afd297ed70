"""Words for who a person is (origin, nationality, ethnicity, religion, skin colour), in Dutch.

Lists, not rules: countries and the adjectives and nouns made from them, religions and what their
practice looks like in a note. Extending a list is how the neutraliser learns a new word.
"""

# fmt: off
# Country (or region of origin) → the adjective stem ("Marokkaans", inflected "Marokkaanse").
COUNTRY_ADJECTIVES = {
    "Afghanistan": "Afghaans", "Albanië": "Albanees", "Algerije": "Algerijns", "Angola": "Angolees",
    "Argentinië": "Argentijns", "Armenië": "Armeens", "Aruba": "Arubaans", "Australië": "Australisch",
    "Azerbeidzjan": "Azerbeidzjaans", "Bangladesh": "Bengaals", "België": "Belgisch", "Benin": "Beninees",
    "Bolivia": "Boliviaans", "Bonaire": "Bonairiaans", "Bosnië": "Bosnisch", "Brazilië": "Braziliaans",
    "Bulgarije": "Bulgaars", "Burkina Faso": "Burkinees", "Burundi": "Burundees", "Cambodja": "Cambodjaans",
    "Canada": "Canadees", "Chili": "Chileens", "China": "Chinees", "Colombia": "Colombiaans",
    "Congo": "Congolees", "Cuba": "Cubaans", "Curaçao": "Curaçaos", "Cyprus": "Cypriotisch",
    "Denemarken": "Deens", "Dominicaanse Republiek": "Dominicaans", "Duitsland": "Duits",
    "Ecuador": "Ecuadoraans", "Egypte": "Egyptisch", "Engeland": "Engels", "Eritrea": "Eritrees",
    "Estland": "Ests", "Ethiopië": "Ethiopisch", "Filipijnen": "Filipijns", "Finland": "Fins",
    "Frankrijk": "Frans", "Gambia": "Gambiaans", "Georgië": "Georgisch", "Ghana": "Ghanees",
    "Griekenland": "Grieks", "Groot-Brittannië": "Brits", "Guatemala": "Guatemalteeks", "Guinee": "Guinees",
    "Haïti": "Haïtiaans", "Honduras": "Hondurees", "Hongarije": "Hongaars", "IJsland": "IJslands",
    "India": "Indiaas", "Indonesië": "Indonesisch", "Irak": "Iraaks", "Iran": "Iraans", "Ierland": "Iers",
    "Israël": "Israëlisch", "Italië": "Italiaans", "Ivoorkust": "Ivoriaans", "Jamaica": "Jamaicaans",
    "Japan": "Japans", "Jemen": "Jemenitisch", "Jordanië": "Jordaans", "Kaapverdië": "Kaapverdisch",
    "Kameroen": "Kameroens", "Kazachstan": "Kazachs", "Kenia": "Keniaans", "Koerdistan": "Koerdisch",
    "Kosovo": "Kosovaars", "Kroatië": "Kroatisch", "Letland": "Lets", "Libanon": "Libanees",
    "Liberia": "Liberiaans", "Libië": "Libisch", "Litouwen": "Litouws", "Macedonië": "Macedonisch",
    "Mali": "Malinees", "Marokko": "Marokkaans", "Mexico": "Mexicaans", "Moldavië": "Moldavisch",
    "Molukken": "Moluks", "Mongolië": "Mongools", "Montenegro": "Montenegrijns", "Nepal": "Nepalees",
    "Nederland": "Nederlands", "Nicaragua": "Nicaraguaans", "Nigeria": "Nigeriaans", "Noorwegen": "Noors",
    "Oeganda": "Oegandees", "Oekraïne": "Oekraïens", "Oostenrijk": "Oostenrijks", "Pakistan": "Pakistaans",
    "Palestina": "Palestijns", "Peru": "Peruaans", "Polen": "Pools", "Portugal": "Portugees",
    "Roemenië": "Roemeens", "Rusland": "Russisch", "Rwanda": "Rwandees", "Saoedi-Arabië": "Saoedisch",
    "Schotland": "Schots", "Senegal": "Senegalees", "Servië": "Servisch", "Sierra Leone": "Sierraleoons",
    "Slovenië": "Sloveens", "Slowakije": "Slowaaks", "Soedan": "Soedanees", "Somalië": "Somalisch",
    "Spanje": "Spaans", "Sri Lanka": "Srilankaans", "Suriname": "Surinaams", "Syrië": "Syrisch",
    "Tadzjikistan": "Tadzjieks", "Taiwan": "Taiwanees", "Tanzania": "Tanzaniaans", "Thailand": "Thais",
    "Tibet": "Tibetaans", "Togo": "Togolees", "Tsjechië": "Tsjechisch", "Tsjetsjenië": "Tsjetsjeens",
    "Tunesië": "Tunesisch", "Turkije": "Turks", "Venezuela": "Venezolaans", "Verenigde Staten": "Amerikaans",
    "Vietnam": "Vietnamees", "Wit-Rusland": "Wit-Russisch", "Zuid-Afrika": "Zuid-Afrikaans", "Zweden": "Zweeds",
    "Zwitserland": "Zwitsers", "Antillen": "Antilliaans", "Afrika": "Afrikaans", "Azië": "Aziatisch",
    "Europa": "Europees", "Arabië": "Arabisch", "Caribisch gebied": "Caribisch",
}
# Groups that are not a country: ethnic, cultural, and the words for "foreign" or "native".
GROUP_ADJECTIVES = (
    "Berbers", "Amazigh", "Hindoestaans", "Creools", "Javaans", "Moluks", "Koerdisch", "Arabisch", "Tamil",
    "Roma", "Sinti", "Joods", "Oeigoers", "Hazara", "Pasjtoens", "Marron", "Aziatisch", "Afrikaans",
    "Oost-Europees", "Noord-Afrikaans", "Latijns-Amerikaans", "Caribisch", "Westers", "niet-Westers",
    "buitenlands", "allochtoon", "autochtoon", "inheems",
)
# Nouns for a person of a group ("een Marokkaan", "Turken", "een Nederlander"). Not "Polen" or "Pool":
# the country and a swimming pool.
DEMONYM_NOUNS = (
    "Marokkaan", "Marokkanen", "Turk", "Turken", "Surinamer", "Surinamers", "Antilliaan", "Antillianen",
    "Eritreeër", "Eritreeërs", "Syriër", "Syriërs", "Afghaan", "Afghanen", "Somaliër", "Somaliërs", "Bulgaar",
    "Bulgaren", "Roemeen", "Roemenen", "Koerd", "Koerden", "Berber", "Berbers", "Irakees", "Irakezen",
    "Iraniër", "Iraniërs", "Egyptenaar", "Algerijn", "Tunesiër", "Ethiopiër", "Nigeriaan", "Ghanees",
    "Ghanezen", "Chinees", "Chinezen", "Vietnamees", "Vietnamezen", "Indiër", "Pakistaan", "Indonesiër",
    "Filipijn", "Braziliaan", "Colombiaan", "Kaapverdiaan", "Molukker", "Molukkers", "Hindoestaan",
    "Hindoestanen", "Creool", "Creolen", "Javaan", "Rus", "Russen", "Oekraïner", "Oekraïners", "Nederlander",
    "Nederlanders", "allochtoon", "allochtonen", "autochtoon", "autochtonen", "Roma", "Sinti", "Jood", "Joden",
    "Arabier", "Arabieren",
)
ORIGIN_NOUNS = (
    "afkomst", "komaf", "achtergrond", "herkomst", "origine", "afstamming", "roots",
)
NATIONALITY_NOUNS = (
    "nationaliteit", "staatsburger", "staatsburgerschap", "paspoort", "onderdaan",
)
# Faiths and their adherents; the practice words below are matched with a verb ("draagt een hoofddoek").
RELIGION_WORDS = (
    "moslim", "moslims", "moslima", "islamitisch", "islamitische", "islam", "christen", "christenen",
    "christelijk", "christelijke", "katholiek", "katholieke", "rooms-katholiek", "rooms-katholieke",
    "protestant", "protestants", "protestantse", "gereformeerd", "gereformeerde", "hervormd", "hervormde",
    "evangelisch", "evangelische", "pinkstergemeente", "koptisch", "koptische", "orthodox", "orthodoxe",
    "joods", "joodse", "hindoe", "hindoes", "hindoeïstisch", "hindoeïstische", "boeddhist", "boeddhisten",
    "boeddhistisch", "boeddhistische", "sikh", "sikhs", "jezidi", "jezidisch", "alevitisch", "alevitische",
    "alevi", "soennitisch", "soennitische", "sjiitisch", "sjiitische", "rastafari", "rastafarian", "gelovig",
    "gelovige", "religieus", "religieuze", "vroom", "vrome", "atheïst", "geloofsovertuiging", "gesluierd",
    "gesluierde", "ramadan", "suikerfeest", "offerfeest", "sabbat",
)
# Words that only mark a faith together with one of the above ("praktiserend moslim", "streng gereformeerd").
RELIGION_PREFIXES = (
    "praktiserend", "praktiserende", "gelovig", "gelovige", "streng", "strenge", "overtuigd", "overtuigde",
    "vrome", "vroom",
)
PLACES_OF_WORSHIP = (
    "moskee", "kerk", "synagoge", "tempel", "gurdwara", "mandir", "cemevi", "gebedshuis",
)
RELIGIOUS_DRESS = (
    "hoofddoek", "hoofddoekje", "sluier", "niqaab", "nikab", "boerka", "boerkini", "keppel", "keppeltje",
    "tulband", "kruisje", "djellaba", "abaya", "chador",
)
SKIN_ADJECTIVES = (
    "donker", "donkere", "licht", "lichte", "lichtbruin", "lichtbruine", "bruin", "bruine", "zwart", "zwarte",
    "blank", "blanke", "getint", "getinte", "wit", "witte",
)
PERSON_NOUNS = (
    "man", "vrouw", "jongen", "meisje", "klant", "moeder", "vader", "persoon", "mevrouw", "meneer", "heer",
    "dame", "cliënt", "client", "betrokkene", "belanghebbende", "jongeman", "jonge vrouw", "zoon", "dochter",
    "partner", "echtgenoot", "echtgenote", "huisgenoot", "kostganger", "aanvrager", "aanvraagster",
    "bijstandsgerechtigde", "inwoner", "inwoonster", "gezin", "familie",
    "vriend", "vriendin", "vrienden", "broer", "broers", "zus", "zussen", "zuster", "oom", "tante", "neef",
    "nicht", "schoonzoon", "schoondochter", "schoonmoeder", "schoonvader", "buurman", "buurvrouw", "buren",
    "mannen", "vrouwen", "jongeren", "ouders", "kinderen", "ex-partner", "ex", "weduwe", "weduwnaar",
)
LANGUAGES = (
    "Arabisch", "Turks", "Tigrinya", "Amhaars", "Somalisch", "Dari", "Farsi", "Perzisch", "Pashto", "Pasjtoe",
    "Koerdisch", "Sorani", "Kurmanci", "Berbers", "Tamazight", "Tarifit", "Pools", "Bulgaars", "Roemeens",
    "Russisch", "Oekraïens", "Servisch", "Kroatisch", "Bosnisch", "Albanees", "Papiaments", "Sranantongo",
    "Sarnami", "Mandarijn", "Kantonees", "Chinees", "Vietnamees", "Urdu", "Hindi", "Punjabi", "Tamil",
    "Swahili", "Twi", "Yoruba", "Igbo", "Portugees", "Spaans", "Frans", "Engels", "Duits", "Italiaans",
    "Grieks", "Hongaars", "Litouws", "Lets", "Armeens", "Georgisch", "Thais", "Tagalog", "Oromo", "Tigre",
    "Lingala", "Wolof", "Bengaals", "Marokkaans-Arabisch",
)
# fmt: on
