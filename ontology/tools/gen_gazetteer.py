#!/usr/bin/env python3
"""Generate the kg gazetteer files (actors.ttl, sources.ttl, places.ttl).

Re-run from anywhere:  python3 ontology/tools/gen_gazetteer.py
The data below is hand-written; the .ttl files are generated output.
Wikidata ids (owl:sameAs) are given only where the author was confident.
"""
import os
import re
import sys
import unicodedata
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
BASE = "https://w3id.org/kg-news/id/"

PREFIXES = """@prefix kg:   <https://w3id.org/kg-news/ns#> .
@prefix kgid: <https://w3id.org/kg-news/id/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix owl:  <http://www.w3.org/2002/07/owl#> .
@prefix wd:   <http://www.wikidata.org/entity/> .
"""


def slug(s):
    s = unicodedata.normalize("NFKD", s)
    s = s.encode("ascii", "ignore").decode("ascii").lower()
    s = s.replace("'", "").replace("\u2019", "").replace("+", " plus")
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s


def lit(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def iri(kind, sl):
    return "<" + BASE + kind + "/" + sl + ">"


def L(s):
    """split a '|' separated string into a list (empty -> [])."""
    return [x.strip() for x in s.split("|") if x.strip()] if s else []


# --------------------------------------------------------------------------
# STATES: pref, altLabels, capital, extra metonyms (besides capital), demonyms, wikidata
# --------------------------------------------------------------------------
STATES = [
    ("Afghanistan", "Islamic Republic of Afghanistan|Islamic Emirate of Afghanistan", "Kabul", "", "Afghan", "Q889"),
    ("Albania", "Republic of Albania", "Tirana", "Tirana", "Albanian", "Q222"),
    ("Algeria", "People's Democratic Republic of Algeria", "Algiers", "", "Algerian", "Q262"),
    ("Andorra", "Principality of Andorra", "Andorra la Vella", "", "Andorran", "Q228"),
    ("Angola", "Republic of Angola", "Luanda", "", "Angolan", "Q916"),
    ("Antigua and Barbuda", "", "St. John's", "", "Antiguan", "Q781"),
    ("Argentina", "Argentine Republic", "Buenos Aires", "Casa Rosada", "Argentine|Argentinian", "Q414"),
    ("Armenia", "Republic of Armenia", "Yerevan", "", "Armenian", "Q399"),
    ("Australia", "Commonwealth of Australia", "Canberra", "", "Australian", "Q408"),
    ("Austria", "Republic of Austria", "Vienna", "", "Austrian", "Q40"),
    ("Azerbaijan", "Republic of Azerbaijan", "Baku", "", "Azerbaijani|Azeri", "Q227"),
    ("Bahamas", "The Bahamas|Commonwealth of The Bahamas", "Nassau", "", "Bahamian", "Q778"),
    ("Bahrain", "Kingdom of Bahrain", "Manama", "", "Bahraini", "Q398"),
    ("Bangladesh", "People's Republic of Bangladesh", "Dhaka", "", "Bangladeshi", "Q902"),
    ("Barbados", "", "Bridgetown", "", "Barbadian", "Q244"),
    ("Belarus", "Republic of Belarus|Byelorussia", "Minsk", "", "Belarusian|Belarussian", "Q184"),
    ("Belgium", "Kingdom of Belgium", "Brussels", "", "Belgian", "Q31"),
    ("Belize", "", "Belmopan", "", "Belizean", "Q242"),
    ("Benin", "Republic of Benin", "Porto-Novo", "Cotonou", "Beninese", "Q962"),
    ("Bhutan", "Kingdom of Bhutan", "Thimphu", "", "Bhutanese", "Q917"),
    ("Bolivia", "Plurinational State of Bolivia", "Sucre", "La Paz", "Bolivian", "Q750"),
    ("Bosnia and Herzegovina", "Bosnia|Bosnia-Herzegovina|BiH", "Sarajevo", "", "Bosnian", "Q225"),
    ("Botswana", "Republic of Botswana", "Gaborone", "", "Botswanan|Motswana", "Q963"),
    ("Brazil", "Federative Republic of Brazil", "Brasília", "Brasilia|Planalto", "Brazilian", "Q155"),
    ("Brunei", "Brunei Darussalam", "Bandar Seri Begawan", "", "Bruneian", "Q921"),
    ("Bulgaria", "Republic of Bulgaria", "Sofia", "", "Bulgarian", "Q219"),
    ("Burkina Faso", "", "Ouagadougou", "", "Burkinabe|Burkinabè", "Q965"),
    ("Burundi", "Republic of Burundi", "Gitega", "", "Burundian", "Q967"),
    ("Cambodia", "Kingdom of Cambodia", "Phnom Penh", "", "Cambodian", "Q424"),
    ("Cameroon", "Republic of Cameroon", "Yaoundé", "Yaounde", "Cameroonian", "Q1009"),
    ("Canada", "", "Ottawa", "", "Canadian", "Q16"),
    ("Cape Verde", "Cabo Verde|Republic of Cabo Verde", "Praia", "", "Cape Verdean", "Q1011"),
    ("Central African Republic", "CAR", "Bangui", "", "Central African", "Q929"),
    ("Chad", "", "N'Djamena", "", "Chadian", "Q657"),
    ("Chile", "Republic of Chile", "Santiago", "", "Chilean", "Q298"),
    ("China", "People's Republic of China|PRC|P.R.C.", "Beijing", "Zhongnanhai|Peking", "Chinese", "Q148"),
    ("Colombia", "Republic of Colombia", "Bogotá", "Bogota", "Colombian", "Q739"),
    ("Comoros", "Union of the Comoros", "Moroni", "", "Comorian", "Q970"),
    ("Costa Rica", "Republic of Costa Rica", "San José", "", "Costa Rican", "Q800"),
    ("Croatia", "Republic of Croatia", "Zagreb", "", "Croatian|Croat", "Q224"),
    ("Cuba", "Republic of Cuba", "Havana", "", "Cuban", "Q241"),
    ("Cyprus", "Republic of Cyprus", "Nicosia", "", "Cypriot", "Q229"),
    ("Czech Republic", "Czechia", "Prague", "", "Czech", "Q213"),
    ("Denmark", "Kingdom of Denmark", "Copenhagen", "", "Danish", "Q35"),
    ("Djibouti", "Republic of Djibouti", "Djibouti", "", "Djiboutian", "Q977"),
    ("Dominica", "Commonwealth of Dominica", "Roseau", "", "", "Q784"),
    ("Dominican Republic", "", "Santo Domingo", "", "Dominican", "Q786"),
    ("DR Congo", "Democratic Republic of the Congo|Democratic Republic of Congo|DRC|Congo-Kinshasa|Congo", "Kinshasa", "", "Congolese", "Q974"),
    ("Ecuador", "Republic of Ecuador", "Quito", "", "Ecuadorian", "Q736"),
    ("Egypt", "Arab Republic of Egypt", "Cairo", "", "Egyptian", "Q79"),
    ("El Salvador", "Republic of El Salvador", "San Salvador", "", "Salvadoran", "Q792"),
    ("Equatorial Guinea", "Republic of Equatorial Guinea", "Malabo", "", "Equatorial Guinean|Equatoguinean", "Q983"),
    ("Eritrea", "State of Eritrea", "Asmara", "", "Eritrean", "Q986"),
    ("Estonia", "Republic of Estonia", "Tallinn", "", "Estonian", "Q191"),
    ("Eswatini", "Swaziland|Kingdom of Eswatini", "Mbabane", "", "Swazi|Emaswati", "Q1050"),
    ("Ethiopia", "Federal Democratic Republic of Ethiopia", "Addis Ababa", "", "Ethiopian", "Q115"),
    ("Fiji", "Republic of Fiji", "Suva", "", "Fijian", "Q712"),
    ("Finland", "Republic of Finland", "Helsinki", "", "Finnish", "Q33"),
    ("France", "French Republic", "Paris", "Elysee|Élysée|Elysée|Élysée Palace|Elysee Palace|Quai d'Orsay", "French", "Q142"),
    ("Gabon", "Gabonese Republic", "Libreville", "", "Gabonese", "Q1000"),
    ("Gambia", "The Gambia|Republic of The Gambia", "Banjul", "", "Gambian", "Q1005"),
    ("Georgia", "", "Tbilisi", "", "Georgian", "Q230"),
    ("Germany", "Federal Republic of Germany", "Berlin", "", "German", "Q183"),
    ("Ghana", "Republic of Ghana", "Accra", "", "Ghanaian", "Q117"),
    ("Greece", "Hellenic Republic", "Athens", "", "Greek", "Q41"),
    ("Grenada", "", "St. George's", "", "Grenadian", "Q769"),
    ("Guatemala", "Republic of Guatemala", "Guatemala City", "", "Guatemalan", "Q774"),
    ("Guinea", "Republic of Guinea|Guinea-Conakry", "Conakry", "", "Guinean", "Q1006"),
    ("Guinea-Bissau", "Republic of Guinea-Bissau", "Bissau", "", "Bissau-Guinean", "Q1007"),
    ("Guyana", "Co-operative Republic of Guyana", "Georgetown", "", "Guyanese", "Q734"),
    ("Haiti", "Republic of Haiti", "Port-au-Prince", "", "Haitian", "Q790"),
    ("Honduras", "Republic of Honduras", "Tegucigalpa", "", "Honduran", "Q783"),
    ("Hungary", "", "Budapest", "", "Hungarian", "Q28"),
    ("Iceland", "", "Reykjavik", "Reykjavík", "Icelandic", "Q189"),
    ("India", "Republic of India|Bharat", "New Delhi", "Delhi", "Indian", "Q668"),
    ("Indonesia", "Republic of Indonesia", "Jakarta", "", "Indonesian", "Q252"),
    ("Iran", "Islamic Republic of Iran|Persia", "Tehran", "Teheran", "Iranian", "Q794"),
    ("Iraq", "Republic of Iraq", "Baghdad", "", "Iraqi", "Q796"),
    ("Ireland", "Republic of Ireland|Éire", "Dublin", "", "Irish", "Q27"),
    ("Israel", "State of Israel", "Jerusalem", "Tel Aviv", "Israeli", "Q801"),
    ("Italy", "Italian Republic", "Rome", "Palazzo Chigi", "Italian", "Q38"),
    ("Ivory Coast", "Côte d'Ivoire|Cote d'Ivoire|Côte d’Ivoire", "Yamoussoukro", "Abidjan", "Ivorian", "Q1008"),
    ("Jamaica", "", "Kingston", "", "Jamaican", "Q766"),
    ("Japan", "", "Tokyo", "", "Japanese", "Q17"),
    ("Jordan", "", "Amman", "", "Jordanian", "Q810"),
    ("Kazakhstan", "Republic of Kazakhstan", "Astana", "", "Kazakh|Kazakhstani", "Q232"),
    ("Kenya", "Republic of Kenya", "Nairobi", "", "Kenyan", "Q114"),
    ("Kiribati", "Republic of Kiribati", "South Tarawa", "Tarawa", "I-Kiribati", "Q710"),
    ("Kosovo", "Republic of Kosovo", "Pristina", "Prishtina", "Kosovar|Kosovan", "Q1246"),
    ("Kuwait", "State of Kuwait", "Kuwait City", "", "Kuwaiti", "Q817"),
    ("Kyrgyzstan", "Kyrgyz Republic", "Bishkek", "", "Kyrgyz", "Q813"),
    ("Laos", "Lao PDR|Lao People's Democratic Republic", "Vientiane", "", "Lao|Laotian", "Q819"),
    ("Latvia", "Republic of Latvia", "Riga", "", "Latvian", "Q211"),
    ("Lebanon", "Lebanese Republic", "Beirut", "", "Lebanese", "Q822"),
    ("Lesotho", "Kingdom of Lesotho", "Maseru", "", "Basotho", "Q1013"),
    ("Liberia", "Republic of Liberia", "Monrovia", "", "Liberian", "Q1014"),
    ("Libya", "State of Libya", "Tripoli", "", "Libyan", "Q1016"),
    ("Liechtenstein", "Principality of Liechtenstein", "Vaduz", "", "Liechtensteiner", "Q347"),
    ("Lithuania", "Republic of Lithuania", "Vilnius", "", "Lithuanian", "Q37"),
    ("Luxembourg", "Grand Duchy of Luxembourg", "Luxembourg", "", "Luxembourgish|Luxembourger", "Q32"),
    ("Madagascar", "Republic of Madagascar", "Antananarivo", "", "Malagasy", "Q1019"),
    ("Malawi", "Republic of Malawi", "Lilongwe", "", "Malawian", "Q1020"),
    ("Malaysia", "", "Kuala Lumpur", "Putrajaya", "Malaysian", "Q833"),
    ("Maldives", "Republic of Maldives|the Maldives", "Malé", "Male", "Maldivian", "Q826"),
    ("Mali", "Republic of Mali", "Bamako", "", "Malian", "Q912"),
    ("Malta", "Republic of Malta", "Valletta", "", "Maltese", "Q233"),
    ("Marshall Islands", "Republic of the Marshall Islands", "Majuro", "", "Marshallese", "Q709"),
    ("Mauritania", "Islamic Republic of Mauritania", "Nouakchott", "", "Mauritanian", "Q1025"),
    ("Mauritius", "Republic of Mauritius", "Port Louis", "", "Mauritian", "Q1027"),
    ("Mexico", "United Mexican States", "Mexico City", "", "Mexican", "Q96"),
    ("Micronesia", "Federated States of Micronesia", "Palikir", "", "Micronesian", "Q702"),
    ("Moldova", "Republic of Moldova", "Chisinau", "Chișinău|Kishinev", "Moldovan", "Q217"),
    ("Monaco", "Principality of Monaco", "Monaco", "", "Monégasque|Monegasque", "Q235"),
    ("Mongolia", "", "Ulaanbaatar", "Ulan Bator", "Mongolian", "Q711"),
    ("Montenegro", "", "Podgorica", "", "Montenegrin", "Q236"),
    ("Morocco", "Kingdom of Morocco", "Rabat", "", "Moroccan", "Q1028"),
    ("Mozambique", "Republic of Mozambique", "Maputo", "", "Mozambican", "Q1029"),
    ("Myanmar", "Burma|Republic of the Union of Myanmar", "Naypyidaw", "Naypyitaw|Nay Pyi Taw", "Myanmar|Burmese", "Q836"),
    ("Namibia", "Republic of Namibia", "Windhoek", "", "Namibian", "Q1030"),
    ("Nauru", "Republic of Nauru", "Yaren", "", "Nauruan", "Q697"),
    ("Nepal", "", "Kathmandu", "", "Nepali|Nepalese", "Q837"),
    ("Netherlands", "the Netherlands|Kingdom of the Netherlands|Holland", "Amsterdam", "The Hague", "Dutch", "Q55"),
    ("New Zealand", "", "Wellington", "", "New Zealand", "Q664"),
    ("Nicaragua", "Republic of Nicaragua", "Managua", "", "Nicaraguan", "Q811"),
    ("Niger", "Republic of the Niger", "Niamey", "", "Nigerien", "Q1032"),
    ("Nigeria", "Federal Republic of Nigeria", "Abuja", "", "Nigerian", "Q1033"),
    ("North Korea", "Democratic People's Republic of Korea|DPRK", "Pyongyang", "", "North Korean", "Q423"),
    ("North Macedonia", "Republic of North Macedonia", "Skopje", "", "Macedonian", "Q221"),
    ("Norway", "Kingdom of Norway", "Oslo", "", "Norwegian", "Q20"),
    ("Oman", "Sultanate of Oman", "Muscat", "", "Omani", "Q842"),
    ("Pakistan", "Islamic Republic of Pakistan", "Islamabad", "", "Pakistani", "Q843"),
    ("Palau", "Republic of Palau", "Ngerulmud", "", "Palauan", "Q695"),
    ("Palestine", "State of Palestine", "East Jerusalem", "Ramallah", "Palestinian", "Q219060"),
    ("Panama", "Republic of Panama", "Panama City", "", "Panamanian", "Q804"),
    ("Papua New Guinea", "PNG|Independent State of Papua New Guinea", "Port Moresby", "", "Papua New Guinean", "Q691"),
    ("Paraguay", "Republic of Paraguay", "Asunción", "Asuncion", "Paraguayan", "Q733"),
    ("Peru", "Republic of Peru", "Lima", "", "Peruvian", "Q419"),
    ("Philippines", "the Philippines|Republic of the Philippines", "Manila", "Malacañang|Malacanang", "Philippine|Filipino", "Q928"),
    ("Poland", "Republic of Poland", "Warsaw", "", "Polish", "Q36"),
    ("Portugal", "Portuguese Republic", "Lisbon", "", "Portuguese", "Q45"),
    ("Qatar", "State of Qatar", "Doha", "", "Qatari", "Q846"),
    ("Republic of the Congo", "Congo-Brazzaville|Congo Republic", "Brazzaville", "", "", "Q971"),
    ("Romania", "", "Bucharest", "", "Romanian", "Q218"),
    ("Russia", "Russian Federation", "Moscow", "Kremlin", "Russian", "Q159"),
    ("Rwanda", "Republic of Rwanda", "Kigali", "", "Rwandan", "Q1037"),
    ("Saint Kitts and Nevis", "St Kitts and Nevis|St. Kitts and Nevis", "Basseterre", "", "Kittitian", "Q763"),
    ("Saint Lucia", "St Lucia|St. Lucia", "Castries", "", "Saint Lucian", "Q760"),
    ("Saint Vincent and the Grenadines", "St Vincent and the Grenadines|St. Vincent and the Grenadines", "Kingstown", "", "Vincentian", "Q757"),
    ("Samoa", "Independent State of Samoa", "Apia", "", "Samoan", "Q683"),
    ("San Marino", "Republic of San Marino", "San Marino", "", "Sammarinese", "Q238"),
    ("São Tomé and Príncipe", "Sao Tome and Principe", "São Tomé", "Sao Tome", "Santomean", "Q1039"),
    ("Saudi Arabia", "Kingdom of Saudi Arabia|KSA", "Riyadh", "", "Saudi|Saudi Arabian", "Q851"),
    ("Senegal", "Republic of Senegal", "Dakar", "", "Senegalese", "Q1041"),
    ("Serbia", "Republic of Serbia", "Belgrade", "", "Serbian", "Q403"),
    ("Seychelles", "Republic of Seychelles", "Victoria", "", "Seychellois", "Q1042"),
    ("Sierra Leone", "Republic of Sierra Leone", "Freetown", "", "Sierra Leonean", "Q1044"),
    ("Singapore", "Republic of Singapore", "Singapore", "", "Singaporean", "Q334"),
    ("Slovakia", "Slovak Republic", "Bratislava", "", "Slovak", "Q214"),
    ("Slovenia", "Republic of Slovenia", "Ljubljana", "", "Slovenian|Slovene", "Q215"),
    ("Solomon Islands", "", "Honiara", "", "Solomon Islander", "Q685"),
    ("Somalia", "Federal Republic of Somalia", "Mogadishu", "", "Somali", "Q1045"),
    ("South Africa", "Republic of South Africa", "Pretoria", "", "South African", "Q258"),
    ("South Korea", "Republic of Korea|ROK", "Seoul", "", "South Korean", "Q884"),
    ("South Sudan", "Republic of South Sudan", "Juba", "", "South Sudanese", "Q958"),
    ("Spain", "Kingdom of Spain", "Madrid", "Moncloa", "Spanish", "Q29"),
    ("Sri Lanka", "Democratic Socialist Republic of Sri Lanka", "Sri Jayawardenepura Kotte", "Colombo", "Sri Lankan", "Q854"),
    ("Sudan", "Republic of the Sudan", "Khartoum", "", "Sudanese", "Q1049"),
    ("Suriname", "Republic of Suriname", "Paramaribo", "", "Surinamese", "Q730"),
    ("Sweden", "Kingdom of Sweden", "Stockholm", "", "Swedish", "Q34"),
    ("Switzerland", "Swiss Confederation", "Bern", "Berne", "Swiss", "Q39"),
    ("Syria", "Syrian Arab Republic", "Damascus", "", "Syrian", "Q858"),
    ("Taiwan", "Republic of China|Chinese Taipei", "Taipei", "", "Taiwanese", "Q865"),
    ("Tajikistan", "Republic of Tajikistan", "Dushanbe", "", "Tajik", "Q863"),
    ("Tanzania", "United Republic of Tanzania", "Dodoma", "Dar es Salaam", "Tanzanian", "Q924"),
    ("Thailand", "Kingdom of Thailand", "Bangkok", "", "Thai", "Q869"),
    ("Timor-Leste", "East Timor|Democratic Republic of Timor-Leste", "Dili", "", "Timorese", "Q574"),
    ("Togo", "Togolese Republic", "Lomé", "Lome", "Togolese", "Q945"),
    ("Tonga", "Kingdom of Tonga", "Nukuʻalofa", "Nuku'alofa", "Tongan", "Q678"),
    ("Trinidad and Tobago", "", "Port of Spain", "", "Trinidadian", "Q754"),
    ("Tunisia", "Republic of Tunisia", "Tunis", "", "Tunisian", "Q948"),
    ("Turkey", "Türkiye|Turkiye|Republic of Türkiye|Republic of Turkey", "Ankara", "", "Turkish", "Q43"),
    ("Turkmenistan", "", "Ashgabat", "", "Turkmen", "Q874"),
    ("Tuvalu", "", "Funafuti", "", "Tuvaluan", "Q672"),
    ("Uganda", "Republic of Uganda", "Kampala", "", "Ugandan", "Q1036"),
    ("Ukraine", "", "Kyiv", "Kiev|Bankova", "Ukrainian", "Q212"),
    ("United Arab Emirates", "UAE|U.A.E.|Emirates", "Abu Dhabi", "", "Emirati", "Q878"),
    ("United Kingdom", "UK|U.K.|Britain|Great Britain|United Kingdom of Great Britain and Northern Ireland", "London", "Downing Street|Number 10|No 10|No. 10|Whitehall", "British", "Q145"),
    ("United States", "United States of America|USA|U.S.A.|US|U.S.|America", "Washington, D.C.", "Washington|White House", "American", "Q30"),
    ("Uruguay", "Oriental Republic of Uruguay", "Montevideo", "", "Uruguayan", "Q77"),
    ("Uzbekistan", "Republic of Uzbekistan", "Tashkent", "", "Uzbek", "Q265"),
    ("Vanuatu", "Republic of Vanuatu", "Port Vila", "", "Ni-Vanuatu", "Q686"),
    ("Vatican", "Holy See|Vatican City|Vatican City State", "Vatican City", "", "", "Q237"),
    ("Venezuela", "Bolivarian Republic of Venezuela", "Caracas", "Miraflores", "Venezuelan", "Q717"),
    ("Vietnam", "Viet Nam|Socialist Republic of Vietnam", "Hanoi", "", "Vietnamese", "Q881"),
    ("Yemen", "Republic of Yemen", "Sanaa", "Sana'a|Aden", "Yemeni", "Q805"),
    ("Zambia", "Republic of Zambia", "Lusaka", "", "Zambian", "Q953"),
    ("Zimbabwe", "Republic of Zimbabwe", "Harare", "", "Zimbabwean", "Q954"),
]

# --------------------------------------------------------------------------
# ORGANISATIONS: pref, altLabels, metonyms, demonyms, wikidata, affiliation(slug of state) 
# --------------------------------------------------------------------------
ORGS = [
    # international organisations / UN system
    ("UN", "United Nations|U.N.", "", "", "Q1065", ""),
    ("UN Security Council", "United Nations Security Council|Security Council|UNSC|U.N. Security Council", "", "", "Q37470", ""),
    ("UN General Assembly", "United Nations General Assembly|General Assembly|UNGA|U.N. General Assembly", "", "", "Q47423", ""),
    ("UN Human Rights Council", "United Nations Human Rights Council|UNHRC|Human Rights Council", "", "", "", ""),
    ("UNHCR", "UN Refugee Agency|United Nations High Commissioner for Refugees|UN refugee agency", "", "", "", ""),
    ("UNRWA", "United Nations Relief and Works Agency|UN Relief and Works Agency", "", "", "", ""),
    ("UNICEF", "United Nations Children's Fund|UN Children's Fund", "", "", "", ""),
    ("World Food Programme", "WFP|World Food Program|UN World Food Programme", "", "", "", ""),
    ("OCHA", "UN Office for the Coordination of Humanitarian Affairs|Office for the Coordination of Humanitarian Affairs", "", "", "", ""),
    ("IAEA", "International Atomic Energy Agency|UN nuclear watchdog", "", "", "Q38130", ""),
    ("ICC", "International Criminal Court", "", "", "Q47488", ""),
    ("ICJ", "International Court of Justice|World Court", "", "", "Q7801", ""),
    ("IMF", "International Monetary Fund", "", "", "Q7804", ""),
    ("World Bank", "World Bank Group", "", "", "Q7164", ""),
    ("WTO", "World Trade Organization|World Trade Organisation", "", "", "Q7825", ""),
    ("WHO", "World Health Organization|World Health Organisation", "", "", "Q7817", ""),
    ("ICRC", "International Committee of the Red Cross|Red Cross", "", "", "", ""),
    # Europe
    ("EU", "European Union|E.U.", "Brussels", "European", "Q458", ""),
    ("European Commission", "EU Commission|EC", "Berlaymont", "", "Q8880", ""),
    ("European Parliament", "EU Parliament", "", "", "Q8889", ""),
    ("European Council", "", "", "", "Q8886", ""),
    ("Council of the EU", "Council of the European Union|EU Council", "", "", "", ""),
    ("European Central Bank", "ECB", "", "", "", ""),
    ("Euroclear", "", "", "", "", ""),
    ("OSCE", "Organization for Security and Co-operation in Europe|Organization for Security and Cooperation in Europe", "", "", "Q81299", ""),
    ("Council of Europe", "", "", "", "Q8908", ""),
    ("European Political Community", "EPC", "", "", "", ""),
    ("Weimar Triangle", "", "", "", "", ""),
    ("Joint Expeditionary Force", "JEF", "", "", "", ""),
    ("coalition of the willing", "Coalition of the Willing", "", "", "", ""),
    ("Ukraine Defense Contact Group", "Ramstein group|Ramstein format|Ukraine Defence Contact Group", "", "", "", ""),
    # alliances, blocs, forums
    ("NATO", "North Atlantic Treaty Organization|North Atlantic Alliance|Nato|N.A.T.O.", "", "", "Q7184", ""),
    ("G7", "Group of Seven|G-7", "", "", "", ""),
    ("G20", "Group of 20|Group of Twenty|G-20", "", "", "Q19771", ""),
    ("BRICS", "", "", "", "", ""),
    ("African Union", "AU", "", "", "Q7159", ""),
    ("ASEAN", "Association of Southeast Asian Nations", "", "", "Q7768", ""),
    ("Arab League", "League of Arab States", "", "", "Q7172", ""),
    ("Gulf Cooperation Council", "GCC|Cooperation Council for the Arab States of the Gulf", "", "", "", ""),
    ("OPEC", "Organization of the Petroleum Exporting Countries", "", "", "Q7795", ""),
    ("OPEC+", "OPEC Plus", "", "", "", ""),
    ("SCO", "Shanghai Cooperation Organisation|Shanghai Cooperation Organization", "", "", "", ""),
    ("CSTO", "Collective Security Treaty Organization|Collective Security Treaty Organisation", "", "", "", ""),
    ("CIS", "Commonwealth of Independent States", "", "", "Q7779", ""),
    ("Eurasian Economic Union", "EAEU|EEU", "", "", "", ""),
    ("Quad", "Quadrilateral Security Dialogue", "", "", "", ""),
    ("AUKUS", "", "", "", "", ""),
    ("Mercosur", "MERCOSUR|Southern Common Market", "", "", "", ""),
    ("ECOWAS", "Economic Community of West African States", "", "", "", ""),
    ("OAS", "Organization of American States", "", "", "", ""),
    ("Organisation of Islamic Cooperation", "OIC|Organization of Islamic Cooperation", "", "", "", ""),
    ("Board of Peace", "", "", "", "", ""),
    # state organs frequently acting as subjects
    ("Pentagon", "US Department of Defense|Department of Defense|Department of War|US Department of War|War Department", "", "", "", "united-states"),
    ("State Department", "US State Department|U.S. State Department|Department of State", "", "", "", "united-states"),
    ("US Congress", "U.S. Congress|Congress|U.S. lawmakers|US lawmakers|American lawmakers|U.S. legislators|US legislators", "Capitol Hill", "", "", "united-states"),
    ("CIA", "Central Intelligence Agency", "", "", "", "united-states"),
    ("Russian Foreign Ministry", "Russian Ministry of Foreign Affairs|Russian MFA", "Smolenskaya Square", "", "", "russia"),
    ("Russian Defence Ministry", "Russian Defense Ministry|Russian Ministry of Defence|Russian Ministry of Defense", "", "", "", "russia"),
    ("State Duma", "Duma", "", "", "", "russia"),
    ("FSB", "Federal Security Service", "Lubyanka", "", "", "russia"),
    ("Russian Direct Investment Fund", "RDIF", "", "", "", "russia"),
    ("Verkhovna Rada", "Rada|Ukrainian parliament|Ukrainian lawmakers", "", "", "", "ukraine"),
    ("Ukrainian Foreign Ministry", "Ukrainian Ministry of Foreign Affairs|Ukraine's Foreign Ministry", "", "", "", "ukraine"),
    ("National Security and Defense Council of Ukraine", "NSDC|National Security and Defence Council", "", "", "", "ukraine"),
    ("SBU", "Security Service of Ukraine", "", "", "", "ukraine"),
    ("HUR", "GUR|Main Intelligence Directorate|Defence Intelligence of Ukraine|Ukrainian military intelligence", "", "", "", "ukraine"),
    ("NABU", "National Anti-Corruption Bureau of Ukraine|National Anti-Corruption Bureau", "", "", "", "ukraine"),
    ("Palestinian Authority", "Palestinian National Authority", "", "", "", "palestine"),
    ("PLO", "Palestine Liberation Organization", "", "", "", ""),
    # armed / political groups
    ("Hamas", "Islamic Resistance Movement", "", "", "", ""),
    ("Hezbollah", "Hizbollah|Hizballah|Hizbullah", "", "", "Q41053", ""),
    ("Houthis", "Ansar Allah|Ansarallah|Houthi movement", "", "Houthi", "", ""),
    ("Taliban", "the Taliban", "", "", "Q42834", ""),
    ("Islamic Jihad", "Palestinian Islamic Jihad|PIJ", "", "", "", ""),
    ("Fatah", "", "", "", "", ""),
    ("Islamic State", "ISIS|ISIL|Daesh|Islamic State group", "", "", "", ""),
    ("al-Qaeda", "Al-Qaeda|al Qaeda|Al Qaeda|al-Qaida", "", "", "", ""),
    ("Hayat Tahrir al-Sham", "HTS", "", "", "", ""),
    ("Wagner Group", "Wagner|PMC Wagner", "", "", "", ""),
    ("M23", "March 23 Movement", "", "", "", ""),
    ("RSF", "Rapid Support Forces", "", "", "", ""),
    ("SDF", "Syrian Democratic Forces", "", "", "", ""),
    ("PKK", "Kurdistan Workers' Party", "", "", "", ""),
    ("Muslim Brotherhood", "Muslim Brothers|the Brotherhood", "", "", "Q82708", ""),
    ("Treasury Department", "US Department of the Treasury|U.S. Department of the Treasury|Department of the Treasury|US Treasury|U.S. Treasury|US Treasury Department|U.S. Treasury Department", "", "", "", "united-states"),
    # national Red Cross and Red Crescent societies (not the ICRC)
    ("IFRC", "International Federation of Red Cross and Red Crescent Societies", "", "", "", ""),
    ("British Red Cross", "", "", "", "", ""),
    ("American Red Cross", "", "", "", "", ""),
    ("Ukrainian Red Cross", "Ukrainian Red Cross Society", "", "", "", ""),
    ("Palestine Red Crescent Society", "Palestinian Red Crescent|Palestine Red Crescent|Palestinian Red Crescent Society|PRCS", "", "", "", ""),
    ("Syrian Arab Red Crescent", "SARC", "", "", "", ""),
    ("Turkish Red Crescent", "Kizilay|Kızılay", "", "", "", ""),
    ("Egyptian Red Crescent", "", "", "", "", ""),
    ("Magen David Adom", "", "", "", "", ""),
    # political parties (a party is not its state's government)
    ("Democratic Party", "Democrats|US Democratic Party|U.S. Democratic Party", "", "", "Q29552", ""),
    ("Republican Party", "Republicans|GOP|US Republican Party|U.S. Republican Party", "", "", "Q29468", ""),
    ("Labour Party", "Labour|UK Labour Party|British Labour Party", "", "", "", ""),
    ("Conservative Party", "Conservatives|Tories|Tory party|UK Conservative Party|British Conservative Party", "", "", "", ""),
    ("Liberal Democrats", "Lib Dems", "", "", "", ""),
    ("Scottish National Party", "SNP", "", "", "", ""),
    ("Reform UK", "", "", "", "", ""),
    ("CDU", "Christian Democratic Union", "", "", "", ""),
    ("SPD", "Social Democratic Party of Germany", "", "", "", ""),
    ("AfD", "Alternative for Germany|Alternative für Deutschland", "", "", "", ""),
    ("National Rally", "Rassemblement National", "", "", "", ""),
    ("BJP", "Bharatiya Janata Party", "", "", "", ""),
    ("Indian National Congress", "Congress party", "", "", "", ""),
    ("Liberal Democratic Party", "LDP", "", "", "", ""),
    ("Likud", "", "", "", "", ""),
    ("ANC", "African National Congress", "", "", "", ""),
    ("AKP", "Justice and Development Party|AK Party", "", "", "", ""),
    ("CHP", "Republican People's Party", "", "", "", ""),
    ("Kuomintang", "KMT", "", "", "", ""),
    ("Democratic Progressive Party", "DPP", "", "", "", ""),
    ("Fidesz", "", "", "", "", ""),
    ("Law and Justice", "PiS", "", "", "", ""),
]

GROUPS = [
    ("the West", "West|Western countries|Western nations|Western powers|Western allies", "Western"),
    ("Global South", "the Global South", ""),
]

# --------------------------------------------------------------------------
# PEOPLE: pref, altLabels (incl. surname), titles, affiliation, leaderOf, worksFor(slug), wikidata
# affiliation / leaderOf are actor slugs, '|' separated.
# --------------------------------------------------------------------------
P = []


def person(pref, alts="", titles="", aff="", leader="", works="", qid=""):
    P.append((pref, L(alts), L(titles), L(aff), L(leader), L(works), qid))


# ---- United States
person("Donald Trump", "Trump|Donald J. Trump|Donald John Trump", "president|us president|leader", "united-states", "united-states", "", "Q22686")
person("JD Vance", "Vance|J.D. Vance|James David Vance|J. D. Vance", "vice president", "united-states", "", "", "Q28935729")
person("Marco Rubio", "Rubio", "secretary of state|national security adviser|top diplomat", "united-states", "", "", "Q324546")
person("Steve Witkoff", "Witkoff|Steven Witkoff|Steven Charles Witkoff", "special envoy|envoy|peace envoy", "united-states", "", "donald-trump")
person("Jared Kushner", "Kushner", "adviser|envoy|son-in-law", "united-states", "", "donald-trump")
person("Dan Driscoll", "Driscoll|Daniel Driscoll|Daniel P. Driscoll", "army secretary|secretary of the army|envoy", "united-states")
person("Keith Kellogg", "Kellogg", "special envoy|envoy|retired general", "united-states", "", "donald-trump")
person("Pete Hegseth", "Hegseth|Peter Hegseth", "defense secretary|secretary of defense|war secretary|secretary of war", "united-states")
person("Karoline Leavitt", "Leavitt", "press secretary|spokeswoman", "united-states", "", "donald-trump")
person("Mike Waltz", "Waltz|Michael Waltz", "ambassador|un ambassador|national security adviser", "united-states")
person("Scott Bessent", "Bessent", "treasury secretary|secretary of the treasury", "united-states")
person("Tammy Bruce", "", "spokeswoman|deputy ambassador", "united-states")
person("Matthew Whitaker", "Whitaker|Matt Whitaker", "ambassador|nato ambassador", "united-states")
person("Tulsi Gabbard", "Gabbard", "director of national intelligence", "united-states")
person("John Ratcliffe", "Ratcliffe", "cia director|director", "united-states")
person("Howard Lutnick", "Lutnick", "commerce secretary", "united-states")
person("Susie Wiles", "Wiles|Susan Wiles", "chief of staff", "united-states", "", "donald-trump")
person("Jamieson Greer", "Greer", "trade representative", "united-states")
person("Tom Barrack", "Barrack|Thomas Barrack", "ambassador|special envoy|envoy", "united-states")
person("Massad Boulos", "Boulos", "senior adviser|adviser", "united-states")
person("Dan Caine", "Caine|Daniel Caine", "chairman of the joint chiefs of staff|general", "united-states")
person("Lindsey Graham", "Lindsey O. Graham", "senator", "united-states")
person("Joe Biden", "Biden|Joseph Biden|Joseph R. Biden", "former president", "united-states", "", "", "Q6279")
person("Elon Musk", "Musk", "billionaire|businessman")
# ---- Russia
person("Vladimir Putin", "Putin|Vladimir Vladimirovich Putin|Wladimir Putin", "president|russian president|leader", "russia", "russia", "", "Q7747")
person("Sergey Lavrov", "Lavrov|Sergei Lavrov|Sergey Viktorovich Lavrov", "foreign minister|top diplomat", "russia")
person("Dmitry Peskov", "Peskov|Dmitri Peskov|Dmitriy Peskov", "spokesman|kremlin spokesman|press secretary", "russia", "", "vladimir-putin")
person("Yuri Ushakov", "Ushakov|Yury Ushakov|Yuriy Ushakov", "aide|foreign policy aide|foreign policy adviser|adviser", "russia", "", "vladimir-putin")
person("Kirill Dmitriev", "Dmitriev|Kirill Dmitriyev", "special envoy|envoy|investment envoy|fund chief", "russia", "", "vladimir-putin")
person("Vladimir Medinsky", "Medinsky|Vladimir Medinskiy", "aide|presidential aide|negotiator", "russia", "", "vladimir-putin")
person("Maria Zakharova", "Zakharova|Mariya Zakharova", "spokeswoman|foreign ministry spokeswoman", "russia")
person("Dmitry Medvedev", "Medvedev|Dmitri Medvedev", "deputy chairman of the security council|former president", "russia", "", "", "Q23530")
person("Sergei Ryabkov", "Ryabkov|Sergey Ryabkov", "deputy foreign minister", "russia")
person("Vasily Nebenzya", "Nebenzya|Vassily Nebenzia|Vasily Nebenzia|Nebenzia", "ambassador|un ambassador|envoy", "russia")
person("Dmitry Polyansky", "Polyansky|Dmitry Polyanskiy", "diplomat|deputy ambassador", "russia")
person("Andrei Belousov", "Belousov|Andrey Belousov", "defense minister|defence minister", "russia")
person("Valery Gerasimov", "Gerasimov|Valeriy Gerasimov", "chief of the general staff|general", "russia")
person("Sergei Shoigu", "Shoigu|Sergey Shoigu", "security council secretary|secretary of the security council", "russia")
person("Mikhail Mishustin", "Mishustin", "prime minister", "russia")
person("Igor Kostyukov", "Kostyukov", "military intelligence chief|gru chief|admiral", "russia")
person("Alexander Fomin", "Fomin", "deputy defense minister", "russia")
person("Mikhail Galuzin", "Galuzin", "deputy foreign minister", "russia")
person("Alexander Grushko", "Grushko", "deputy foreign minister", "russia")
person("Rodion Miroshnik", "Miroshnik", "ambassador-at-large|ambassador", "russia")
person("Valentina Matviyenko", "Matviyenko", "speaker|federation council speaker", "russia")
person("Vyacheslav Volodin", "Volodin", "speaker|duma speaker", "russia")
# ---- Ukraine
person("Volodymyr Zelensky", "Zelensky|Zelenskyy|Zelenskiy|Volodymyr Zelenskyy|Volodymyr Zelenskiy|Vladimir Zelensky|Vladimir Zelenskiy|Vladimir Zelenskyy|Volodimir Zelensky", "president|ukrainian president|leader", "ukraine", "ukraine", "", "Q3874799")
person("Andriy Yermak", "Yermak|Andrey Yermak|Andrii Yermak|Andriy Yermak|Andrei Yermak", "chief of staff|head of the presidential office|head of the office of the president|negotiator", "ukraine", "", "volodymyr-zelensky")
person("Rustem Umerov", "Umerov|Rustem Umierov", "security council secretary|secretary of the national security and defense council|negotiator|chief negotiator|former defense minister", "ukraine")
person("Andrii Sybiha", "Sybiha|Andriy Sybiha|Andrii Sybiga|Andrei Sybiga|Sybiga", "foreign minister|top diplomat", "ukraine")
person("Yulia Svyrydenko", "Svyrydenko|Yuliia Svyrydenko", "prime minister", "ukraine")
person("Kyrylo Budanov", "Budanov|Kirill Budanov|Kyrylo Budanow", "military intelligence chief|intelligence chief|head of military intelligence", "ukraine")
person("Denys Shmyhal", "Shmyhal|Denis Shmygal|Shmygal", "defense minister|defence minister|first deputy prime minister|energy minister", "ukraine")
person("Oleksandr Syrskyi", "Syrskyi|Syrsky|Oleksandr Syrsky|Alexander Syrsky|Oleksandr Syrskyy", "commander-in-chief|army chief", "ukraine")
person("Andriy Hnatov", "Hnatov|Andrii Hnatov", "chief of the general staff|general", "ukraine")
person("Sergiy Kyslytsya", "Kyslytsya|Serhiy Kyslytsya|Sergiy Kyslytsia|Serhii Kyslytsia|Kyslytsia", "first deputy foreign minister|deputy foreign minister|negotiator", "ukraine")
person("Olha Stefanishyna", "Stefanishyna|Olga Stefanishyna", "ambassador", "ukraine")
person("Mykhailo Podolyak", "Podolyak|Mykhailo Podoliak|Podoliak|Mikhail Podolyak", "adviser|presidential adviser", "ukraine", "", "volodymyr-zelensky")
person("Dmytro Lytvyn", "Lytvyn", "adviser|communications adviser", "ukraine", "", "volodymyr-zelensky")
person("Serhii Nykyforov", "Nykyforov|Sergii Nykyforov|Serhiy Nykyforov", "spokesman|press secretary", "ukraine", "", "volodymyr-zelensky")
person("Heorhii Tykhyi", "Tykhyi|Georgiy Tykhyi|Heorhiy Tykhyi", "spokesman|foreign ministry spokesman", "ukraine")
person("Davyd Arakhamia", "Arakhamia|David Arakhamia", "lawmaker|parliamentary faction leader|negotiator", "ukraine")
person("Ruslan Stefanchuk", "Stefanchuk", "speaker|parliament speaker", "ukraine")
person("Dmytro Kuleba", "Kuleba|Dmitry Kuleba", "former foreign minister", "ukraine")
person("Petro Poroshenko", "Poroshenko", "former president|opposition leader", "ukraine")
person("Valerii Zaluzhnyi", "Zaluzhnyi|Zaluzhny|Valery Zaluzhny|Valerii Zaluzhny", "ambassador|former commander-in-chief", "ukraine")
person("Vitali Klitschko", "Klitschko|Vitaliy Klitschko", "mayor", "ukraine")
person("Dmytro Lubinets", "Lubinets", "ombudsman|human rights commissioner", "ukraine")
person("Timur Mindich", "Mindich", "businessman")
# ---- United Kingdom
person("Keir Starmer", "Starmer|Sir Keir Starmer", "prime minister|leader", "united-kingdom", "united-kingdom")
person("Jonathan Powell", "Powell", "national security adviser|adviser", "united-kingdom", "", "keir-starmer")
person("David Lammy", "Lammy", "deputy prime minister|former foreign secretary|justice secretary", "united-kingdom")
person("Yvette Cooper", "Cooper", "foreign secretary", "united-kingdom")
person("John Healey", "Healey", "defence secretary|defense secretary", "united-kingdom")
person("Rachel Reeves", "Reeves", "chancellor|chancellor of the exchequer", "united-kingdom")
person("King Charles III", "King Charles|Charles III", "king|monarch", "united-kingdom")
person("Boris Johnson", "", "former prime minister", "united-kingdom", "", "", "Q180589")
person("Tony Blair", "Blair", "former prime minister")
# ---- France
person("Emmanuel Macron", "Macron", "president|french president|leader", "france", "france", "", "Q3052772")
person("Jean-Noël Barrot", "Barrot|Jean-Noel Barrot", "foreign minister", "france")
person("Sébastien Lecornu", "Lecornu|Sebastien Lecornu", "prime minister", "france")
person("Emmanuel Bonne", "Bonne", "diplomatic adviser|adviser|national security adviser", "france", "", "emmanuel-macron")
# ---- Germany
person("Friedrich Merz", "Merz", "chancellor|leader", "germany", "germany")
person("Johann Wadephul", "Wadephul", "foreign minister", "germany")
person("Boris Pistorius", "Pistorius", "defence minister|defense minister", "germany")
person("Frank-Walter Steinmeier", "Steinmeier", "president", "germany")
person("Günter Sautter", "Sautter|Gunter Sautter|Guenter Sautter", "foreign policy adviser|national security adviser|adviser", "germany", "", "friedrich-merz")
person("Olaf Scholz", "Scholz", "former chancellor", "germany")
person("Angela Merkel", "Merkel", "former chancellor", "germany", "", "", "Q567")
# ---- Italy / Vatican
person("Giorgia Meloni", "Meloni", "prime minister|premier|leader", "italy", "italy")
person("Antonio Tajani", "Tajani", "foreign minister|deputy prime minister", "italy")
person("Guido Crosetto", "Crosetto", "defence minister|defense minister", "italy")
person("Sergio Mattarella", "Mattarella", "president", "italy")
person("Pope Leo XIV", "Leo XIV|Robert Prevost|Robert Francis Prevost", "pope|pontiff", "vatican", "vatican")
person("Pietro Parolin", "Parolin", "cardinal|secretary of state", "vatican")
person("Matteo Zuppi", "Zuppi", "cardinal|peace envoy|envoy", "vatican")
# ---- EU / NATO / international organisations
person("Ursula von der Leyen", "von der Leyen|Von der Leyen", "commission president|president|european commission president", "eu", "eu|european-commission", "", "Q60772")
person("Kaja Kallas", "Kallas", "foreign policy chief|high representative|top diplomat|vice president", "eu")
person("António Costa", "Antonio Costa|Costa", "european council president|council president|president", "eu", "european-council")
person("Roberta Metsola", "Metsola", "european parliament president|president", "eu", "european-parliament")
person("Andrius Kubilius", "Kubilius", "defence commissioner|defense commissioner|commissioner", "eu")
person("Marta Kos", "", "enlargement commissioner|commissioner", "eu")
person("Valdis Dombrovskis", "Dombrovskis", "economy commissioner|commissioner", "eu")
person("Mark Rutte", "Rutte", "secretary general|nato secretary general|nato chief", "nato", "nato", "", "Q57792")
person("António Guterres", "Antonio Guterres|Guterres", "secretary general|un secretary general|un chief", "un", "un", "", "Q311440")
person("Rafael Grossi", "Grossi|Rafael Mariano Grossi", "director general|iaea chief", "iaea", "iaea")
person("Tedros Adhanom Ghebreyesus", "Tedros", "director general|who chief", "who", "who")
person("Kristalina Georgieva", "Georgieva", "managing director|imf chief", "imf", "imf")
person("Alain Berset", "Berset", "secretary general", "council-of-europe", "council-of-europe")
person("Feridun Sinirlioğlu", "Sinirlioglu|Sinirlioğlu|Feridun Sinirlioglu", "secretary general", "osce", "osce")
person("Ahmed Aboul Gheit", "Aboul Gheit", "secretary general", "arab-league", "arab-league")
# ---- other European states
person("Alexander Stubb", "Stubb", "president|leader", "finland", "finland")
person("Petteri Orpo", "Orpo", "prime minister", "finland")
person("Elina Valtonen", "Valtonen", "foreign minister", "finland")
person("Donald Tusk", "Tusk", "prime minister|leader", "poland", "poland", "", "Q946")
person("Radosław Sikorski", "Sikorski|Radoslaw Sikorski|Radek Sikorski", "foreign minister", "poland")
person("Karol Nawrocki", "Nawrocki", "president", "poland")
person("Viktor Orbán", "Orbán|Orban|Viktor Orban", "prime minister|leader", "hungary", "hungary", "", "Q57641")
person("Péter Szijjártó", "Szijjártó|Szijjarto|Peter Szijjarto", "foreign minister", "hungary")
person("Robert Fico", "Fico", "prime minister|leader", "slovakia", "slovakia")
person("Andrej Babiš", "Babiš|Babis|Andrej Babis", "prime minister|leader", "czech-republic", "czech-republic")
person("Pedro Sánchez", "Sánchez|Sanchez|Pedro Sanchez", "prime minister|leader", "spain", "spain")
person("Jonas Gahr Støre", "Støre|Jonas Gahr Store", "prime minister|leader", "norway", "norway")
person("Mette Frederiksen", "Frederiksen", "prime minister|leader", "denmark", "denmark")
person("Lars Løkke Rasmussen", "Lars Lokke Rasmussen|Løkke Rasmussen|Lokke Rasmussen", "foreign minister", "denmark")
person("Ulf Kristersson", "Kristersson", "prime minister|leader", "sweden", "sweden")
person("Bart De Wever", "De Wever", "prime minister|leader", "belgium", "belgium")
person("Dick Schoof", "Schoof", "prime minister|leader", "netherlands", "netherlands")
person("Micheál Martin", "Micheal Martin", "taoiseach|prime minister|leader", "ireland", "ireland")
person("Kyriakos Mitsotakis", "Mitsotakis", "prime minister|leader", "greece", "greece")
person("Luís Montenegro", "Luis Montenegro", "prime minister|leader", "portugal", "portugal")
person("Christian Stocker", "Stocker", "chancellor|leader", "austria", "austria")
person("Kristen Michal", "", "prime minister|leader", "estonia", "estonia")
person("Gitanas Nausėda", "Nausėda|Nauseda|Gitanas Nauseda", "president|leader", "lithuania", "lithuania")
person("Edgars Rinkēvičs", "Rinkēvičs|Rinkevics|Edgars Rinkevics", "president", "latvia")
person("Maia Sandu", "Sandu", "president|leader", "moldova", "moldova")
person("Aleksandar Vučić", "Vučić|Vucic|Aleksandar Vucic", "president|leader", "serbia", "serbia")
person("Alexander Lukashenko", "Lukashenko|Aleksandr Lukashenko|Alyaksandr Lukashenka|Lukashenka", "president|leader", "belarus", "belarus")
person("Ilham Aliyev", "Aliyev", "president|leader", "azerbaijan", "azerbaijan")
person("Nikol Pashinyan", "Pashinyan", "prime minister|leader", "armenia", "armenia")
person("Irakli Kobakhidze", "Kobakhidze", "prime minister|leader", "georgia", "georgia")
# ---- Turkey, Middle East
person("Recep Tayyip Erdoğan", "Recep Tayyip Erdogan|Erdogan|Erdoğan|Tayyip Erdogan|Tayyip Erdoğan", "president|turkish president|leader", "turkey", "turkey", "", "Q39259")
person("Hakan Fidan", "Fidan", "foreign minister", "turkey")
person("Mohammed bin Salman", "MBS|Mohammed bin Salman Al Saud|Mohammad bin Salman|Muhammad bin Salman", "crown prince|prime minister|de facto ruler|leader", "saudi-arabia", "saudi-arabia")
person("King Salman", "Salman bin Abdulaziz|Salman bin Abdulaziz Al Saud", "king|monarch", "saudi-arabia")
person("Faisal bin Farhan", "Prince Faisal bin Farhan|Faisal bin Farhan Al Saud", "foreign minister", "saudi-arabia")
person("Mohamed bin Zayed", "Mohamed bin Zayed Al Nahyan|Mohammed bin Zayed|Sheikh Mohamed bin Zayed|MBZ", "president|leader", "united-arab-emirates", "united-arab-emirates")
person("Abdullah bin Zayed", "Abdullah bin Zayed Al Nahyan|Sheikh Abdullah bin Zayed", "foreign minister", "united-arab-emirates")
person("Tamim bin Hamad Al Thani", "Sheikh Tamim bin Hamad Al Thani|Tamim bin Hamad|Sheikh Tamim", "emir|leader", "qatar", "qatar")
person("Mohammed bin Abdulrahman Al Thani", "Sheikh Mohammed bin Abdulrahman Al Thani|Mohammed bin Abdulrahman", "prime minister|foreign minister", "qatar")
person("Benjamin Netanyahu", "Netanyahu|Bibi Netanyahu|Bibi", "prime minister|israeli prime minister|leader", "israel", "israel", "", "Q43723")
person("Isaac Herzog", "Herzog", "president", "israel")
person("Gideon Saar", "Saar|Sa'ar|Gideon Sa'ar", "foreign minister", "israel")
person("Israel Katz", "Katz", "defense minister|defence minister", "israel")
person("Ron Dermer", "Dermer", "strategic affairs minister|minister|negotiator", "israel")
person("Mahmoud Abbas", "Abbas|Abu Mazen", "president|palestinian president|leader", "palestine", "palestine", "", "Q127998")
person("Abdel Fattah el-Sisi", "Abdel Fattah al-Sisi|el-Sisi|al-Sisi|Sisi|Abdel-Fattah el-Sissi|Sissi", "president|leader", "egypt", "egypt")
person("Badr Abdelatty", "Abdelatty|Badr Abdel Aty", "foreign minister", "egypt")
person("Ali Khamenei", "Khamenei|Ayatollah Ali Khamenei|Ayatollah Khamenei", "supreme leader|leader", "iran", "iran", "", "Q57336")
person("Masoud Pezeshkian", "Pezeshkian", "president", "iran")
person("Abbas Araghchi", "Araghchi|Abbas Araqchi|Araqchi", "foreign minister|top diplomat", "iran")
person("King Abdullah II", "Abdullah II", "king|monarch|leader", "jordan", "jordan")
person("Ahmed al-Sharaa", "al-Sharaa|Sharaa|Ahmad al-Sharaa|Abu Mohammed al-Jolani", "president|interim president|leader", "syria", "syria")
person("Joseph Aoun", "Aoun", "president|leader", "lebanon", "lebanon")
person("Nawaf Salam", "", "prime minister", "lebanon")
person("Mohammed Shia al-Sudani", "al-Sudani|Sudani|Mohammed Shia Sudani", "prime minister|leader", "iraq", "iraq")
person("Khalil al-Hayya", "al-Hayya|Hayya", "hamas leader|negotiator|leader", "hamas")
person("Naim Qassem", "Qassem|Naim Qasim", "secretary general|hezbollah leader|leader", "hezbollah", "hezbollah")
person("Abdul-Malik al-Houthi", "Abdul Malik al-Houthi", "houthi leader|leader", "houthis", "houthis")
person("Hibatullah Akhundzada", "Akhundzada|Haibatullah Akhundzada", "supreme leader|leader", "taliban", "taliban")
# ---- Asia / Pacific
person("Xi Jinping", "Xi", "president|chinese president|leader", "china", "china", "", "Q15031")
person("Wang Yi", "", "foreign minister|top diplomat", "china")
person("Li Qiang", "", "premier", "china")
person("Lai Ching-te", "William Lai|Lai Ching te", "president|leader", "taiwan", "taiwan")
person("Narendra Modi", "Modi", "prime minister|leader", "india", "india", "", "Q1058")
person("Subrahmanyam Jaishankar", "S. Jaishankar|S Jaishankar|Jaishankar", "external affairs minister|foreign minister", "india")
person("Shehbaz Sharif", "Shahbaz Sharif", "prime minister|leader", "pakistan", "pakistan")
person("Asim Munir", "Munir", "army chief|field marshal", "pakistan")
person("Kim Jong Un", "Kim Jong-un|Kim Jong-Un", "leader|supreme leader", "north-korea", "north-korea", "", "Q56226")
person("Lee Jae-myung", "Lee Jae Myung|Lee Jae-Myung", "president|leader", "south-korea", "south-korea")
person("Sanae Takaichi", "Takaichi", "prime minister|leader", "japan", "japan")
person("Shigeru Ishiba", "Ishiba", "former prime minister", "japan")
person("Prabowo Subianto", "Prabowo", "president|leader", "indonesia", "indonesia")
person("Anwar Ibrahim", "", "prime minister|leader", "malaysia", "malaysia")
person("Kassym-Jomart Tokayev", "Tokayev|Kassym Jomart Tokayev", "president|leader", "kazakhstan", "kazakhstan")
person("Shavkat Mirziyoyev", "Mirziyoyev", "president|leader", "uzbekistan", "uzbekistan")
person("Anthony Albanese", "Albanese", "prime minister|leader", "australia", "australia")
# ---- Americas / Africa
person("Mark Carney", "Carney", "prime minister|leader", "canada", "canada")
person("Luiz Inácio Lula da Silva", "Lula|Lula da Silva|Luiz Inacio Lula da Silva", "president|leader", "brazil", "brazil", "", "Q37181")
person("Javier Milei", "Milei", "president|leader", "argentina", "argentina")
person("Claudia Sheinbaum", "Sheinbaum", "president|leader", "mexico", "mexico")
person("Nicolás Maduro", "Maduro|Nicolas Maduro", "president|leader", "venezuela", "venezuela")
person("Gustavo Petro", "", "president|leader", "colombia", "colombia")
person("Cyril Ramaphosa", "Ramaphosa", "president|leader", "south-africa", "south-africa")
person("William Ruto", "Ruto", "president|leader", "kenya", "kenya")
person("Abiy Ahmed", "Abiy", "prime minister|leader", "ethiopia", "ethiopia")
# ---- analysts, commentators, journalists
person("Pepe Escobar", "Escobar", "analyst|journalist|commentator")
person("John Mearsheimer", "Mearsheimer", "analyst|political scientist|professor")
person("Jeffrey Sachs", "Sachs", "economist|analyst|professor")
person("Scott Ritter", "Ritter", "analyst|former weapons inspector")
person("Tucker Carlson", "Carlson", "journalist|commentator|host")
person("Michael McFaul", "McFaul", "analyst|former ambassador")
person("Tatiana Stanovaya", "Stanovaya|Tatyana Stanovaya", "analyst|political analyst")
person("Fyodor Lukyanov", "Lukyanov", "analyst|editor")
person("Sergei Karaganov", "Karaganov|Sergey Karaganov", "analyst|political scientist")
person("Alexander Dugin", "Dugin|Aleksandr Dugin", "philosopher|analyst|commentator")
person("Mark Galeotti", "Galeotti", "analyst")
person("Anne Applebaum", "Applebaum", "journalist|historian|analyst")
person("Timothy Snyder", "", "historian|analyst")
person("Ivan Krastev", "Krastev", "analyst|political scientist")

# --------------------------------------------------------------------------
# SOURCES: pref, altLabels, kind, wikidata
# --------------------------------------------------------------------------
SOURCES = [
    # agencies
    ("Reuters", "Thomson Reuters", "agency", "Q130879"),
    ("AP", "Associated Press|The Associated Press|A.P.", "agency", "Q40469"),
    ("AFP", "Agence France-Presse|Agence France Presse", "agency", "Q40464"),
    ("Bloomberg", "Bloomberg News", "agency", ""),
    ("dpa", "Deutsche Presse-Agentur|DPA", "agency", ""),
    ("ANSA", "", "agency", ""),
    ("EFE", "Agencia EFE", "agency", ""),
    ("PA Media", "Press Association", "agency", ""),
    ("TASS", "Tass|ITAR-TASS", "agency", ""),
    ("RIA Novosti", "RIA", "agency", ""),
    ("Interfax", "Interfax-Ukraine", "agency", ""),
    ("Sputnik", "Sputnik News", "agency", ""),
    ("Ukrinform", "", "agency", ""),
    ("UNIAN", "", "agency", ""),
    ("Anadolu", "Anadolu Agency|Anadolu Ajansı", "agency", ""),
    ("Xinhua", "Xinhua News Agency", "agency", ""),
    ("Kyodo", "Kyodo News", "agency", ""),
    ("Yonhap", "Yonhap News Agency", "agency", ""),
    ("KCNA", "Korean Central News Agency", "agency", ""),
    ("IRNA", "Islamic Republic News Agency", "agency", ""),
    ("Tasnim", "Tasnim News Agency", "agency", ""),
    ("WAFA", "Wafa", "agency", ""),
    ("PAP", "Polish Press Agency", "agency", ""),
    # US outlets
    ("Axios", "", "outlet", ""),
    ("CNN", "Cable News Network", "outlet", "Q48340"),
    ("The New York Times", "New York Times|NYT|NY Times", "outlet", "Q9684"),
    ("The Washington Post", "Washington Post|WaPo", "outlet", "Q166032"),
    ("The Wall Street Journal", "Wall Street Journal|WSJ", "outlet", "Q164746"),
    ("Politico", "POLITICO|Politico Europe", "outlet", ""),
    ("NBC News", "NBC", "outlet", ""),
    ("CBS News", "CBS", "outlet", ""),
    ("ABC News", "ABC", "outlet", ""),
    ("Fox News", "Fox", "outlet", ""),
    ("CNBC", "", "outlet", ""),
    ("MSNBC", "MS NOW", "outlet", ""),
    ("NPR", "National Public Radio", "outlet", ""),
    ("PBS", "PBS NewsHour", "outlet", ""),
    ("Newsweek", "", "outlet", ""),
    ("Semafor", "", "outlet", ""),
    ("The Atlantic", "", "outlet", ""),
    ("The Hill", "", "outlet", ""),
    ("Breitbart", "Breitbart News", "outlet", ""),
    ("The Daily Beast", "Daily Beast", "outlet", ""),
    ("Los Angeles Times", "LA Times", "outlet", ""),
    ("USA Today", "", "outlet", ""),
    ("The New Yorker", "New Yorker", "outlet", ""),
    ("Foreign Affairs", "", "outlet", ""),
    ("Foreign Policy", "", "outlet", ""),
    ("Responsible Statecraft", "", "outlet", ""),
    ("Voice of America", "VOA", "outlet", ""),
    ("Radio Free Europe/Radio Liberty", "RFE/RL|Radio Free Europe|Radio Liberty", "outlet", ""),
    ("Zero Hedge", "ZeroHedge", "outlet", ""),
    ("The Grayzone", "Grayzone", "outlet", ""),
    # UK outlets
    ("BBC", "British Broadcasting Corporation|BBC News", "outlet", "Q9531"),
    ("Sky News", "", "outlet", ""),
    ("Financial Times", "FT|The Financial Times", "outlet", ""),
    ("The Guardian", "Guardian", "outlet", "Q11148"),
    ("The Economist", "Economist", "outlet", ""),
    ("The Telegraph", "Telegraph|Daily Telegraph|The Daily Telegraph", "outlet", ""),
    ("The Times", "The Times of London", "outlet", ""),
    ("The Independent", "", "outlet", ""),
    ("Daily Mail", "Mail Online|MailOnline", "outlet", ""),
    # European outlets
    ("Euronews", "", "outlet", ""),
    ("Deutsche Welle", "DW", "outlet", ""),
    ("France 24", "France24", "outlet", ""),
    ("Le Monde", "", "outlet", ""),
    ("Le Figaro", "", "outlet", ""),
    ("Der Spiegel", "Spiegel", "outlet", ""),
    ("Bild", "Bild-Zeitung", "outlet", ""),
    ("Die Welt", "Welt", "outlet", ""),
    ("Frankfurter Allgemeine Zeitung", "FAZ", "outlet", ""),
    ("Süddeutsche Zeitung", "Sueddeutsche Zeitung", "outlet", ""),
    ("Corriere della Sera", "", "outlet", ""),
    ("La Repubblica", "", "outlet", ""),
    ("El País", "El Pais", "outlet", ""),
    ("Euractiv", "EURACTIV", "outlet", ""),
    # Russian outlets
    ("RT", "Russia Today", "outlet", ""),
    ("Kommersant", "", "outlet", ""),
    ("Izvestia", "", "outlet", ""),
    ("Vedomosti", "", "outlet", ""),
    ("RBC", "RBK", "outlet", ""),
    ("Rossiyskaya Gazeta", "", "outlet", ""),
    ("Komsomolskaya Pravda", "", "outlet", ""),
    ("Meduza", "", "outlet", ""),
    ("Novaya Gazeta", "", "outlet", ""),
    ("Mediazona", "", "outlet", ""),
    ("TV Rain", "Dozhd", "outlet", ""),
    ("Strategic Culture", "Strategic Culture Foundation", "outlet", ""),
    # Ukrainian outlets
    ("Ukrainska Pravda", "", "outlet", ""),
    ("Kyiv Independent", "The Kyiv Independent", "outlet", ""),
    ("Kyiv Post", "", "outlet", ""),
    ("Suspilne", "", "outlet", ""),
    ("Hromadske", "", "outlet", ""),
    ("RBC-Ukraine", "", "outlet", ""),
    # Middle East / Asia outlets
    ("Al Jazeera", "Al-Jazeera|Aljazeera", "outlet", ""),
    ("Al Arabiya", "Al-Arabiya", "outlet", ""),
    ("Al Mayadeen", "", "outlet", ""),
    ("Asharq Al-Awsat", "Asharq al-Awsat", "outlet", ""),
    ("Times of Israel", "The Times of Israel", "outlet", ""),
    ("Haaretz", "", "outlet", ""),
    ("Press TV", "PressTV", "outlet", ""),
    ("Global Times", "", "outlet", ""),
    ("South China Morning Post", "SCMP", "outlet", ""),
    ("NHK", "", "outlet", ""),
    ("Times of India", "The Times of India", "outlet", ""),
    # platforms
    ("X", "Twitter", "platform", "Q918"),
    ("Truth Social", "", "platform", ""),
    ("Telegram", "", "platform", "Q15616276"),
    ("Facebook", "", "platform", "Q355"),
    ("Instagram", "", "platform", "Q209330"),
    ("YouTube", "Youtube", "platform", "Q866"),
    ("TikTok", "", "platform", "Q48938223"),
    ("Zoom", "", "platform", ""),
    ("WhatsApp", "", "platform", ""),
    ("Bluesky", "", "platform", ""),
    ("Threads", "", "platform", ""),
    ("LinkedIn", "", "platform", ""),
    ("Substack", "", "platform", ""),
    ("Rumble", "", "platform", ""),
    ("VKontakte", "VK", "platform", ""),
]

# --------------------------------------------------------------------------
# PLACES (non-capital venues and regions): pref, altLabels, wikidata
# --------------------------------------------------------------------------
PLACES = [
    # venues
    ("Geneva", "Genève|Geneve", "Q71"),
    ("Istanbul", "İstanbul", "Q406"),
    ("Antalya", "", ""),
    ("Jeddah", "Jiddah|Jedda", ""),
    ("Dubai", "", ""),
    ("Sharm el-Sheikh", "Sharm El Sheikh|Sharm al-Sheikh", ""),
    ("Camp David", "", ""),
    ("Mar-a-Lago", "Mar a Lago", ""),
    ("Palm Beach", "", ""),
    ("Miami", "", ""),
    ("Florida", "", ""),
    ("New York", "New York City|NYC", ""),
    ("Alaska", "", "Q797"),
    ("Anchorage", "", ""),
    ("Davos", "", ""),
    ("Munich", "München", "Q1726"),
    ("Bürgenstock", "Burgenstock", ""),
    ("Ramstein", "Ramstein Air Base", ""),
    ("Sochi", "", ""),
    ("St Petersburg", "St. Petersburg|Saint Petersburg", ""),
    ("Tianjin", "", ""),
    ("Greenland", "", ""),
    # Ukraine / Russia theatre
    ("Donbas", "Donbass|the Donbas", ""),
    ("Crimea", "Crimean Peninsula|Crimean peninsula", "Q7835"),
    ("Sevastopol", "", ""),
    ("Donetsk", "Donetsk region|Donetsk Oblast|Donetsk oblast", ""),
    ("Luhansk", "Lugansk|Luhansk region|Luhansk Oblast|Luhansk oblast", ""),
    ("Zaporizhzhia", "Zaporizhzhia region|Zaporizhzhia Oblast|Zaporozhye|Zaporizhia", ""),
    ("Zaporizhzhia Nuclear Power Plant", "Zaporizhzhia nuclear plant|ZNPP|Zaporizhzhia NPP", ""),
    ("Kherson", "Kherson region|Kherson Oblast", ""),
    ("Kharkiv", "Kharkov|Kharkiv region", ""),
    ("Odesa", "Odessa", ""),
    ("Dnipro", "Dnipropetrovsk|Dnepr", ""),
    ("Lviv", "Lvov", ""),
    ("Mariupol", "", ""),
    ("Bakhmut", "Artemovsk", ""),
    ("Avdiivka", "Avdeevka", ""),
    ("Pokrovsk", "Krasnoarmeysk", ""),
    ("Kramatorsk", "", ""),
    ("Sloviansk", "Slovyansk|Slavyansk", ""),
    ("Huliaipole", "Gulyaipole|Hulyaipole", ""),
    ("Kupiansk", "Kupyansk", ""),
    ("Sumy", "", ""),
    ("Chernihiv", "", ""),
    ("Bucha", "", ""),
    ("Chernobyl", "Chornobyl", ""),
    ("Kursk", "Kursk region|Kursk Oblast", ""),
    ("Belgorod", "Belgorod region", ""),
    ("Bryansk", "Bryansk region", ""),
    ("Kaliningrad", "", ""),
    ("Transnistria", "Transdniestria|Pridnestrovie", ""),
    ("Abkhazia", "", ""),
    ("South Ossetia", "", ""),
    ("Black Sea", "", ""),
    ("Sea of Azov", "Azov Sea", ""),
    ("Kerch Strait", "", ""),
    ("Baltic Sea", "", ""),
    ("Arctic", "the Arctic", ""),
    # Middle East
    ("Gaza", "Gaza Strip|the Gaza Strip", "Q39760"),
    ("Gaza City", "", ""),
    ("Rafah", "Rafah crossing", ""),
    ("Khan Younis", "Khan Yunis", ""),
    ("West Bank", "the West Bank|occupied West Bank", "Q36678"),
    ("Golan Heights", "Golan", ""),
    ("Sinai", "Sinai Peninsula", ""),
    ("Red Sea", "", ""),
    ("Strait of Hormuz", "Hormuz", ""),
    ("Persian Gulf", "the Gulf|Arabian Gulf", ""),
    # elsewhere
    ("Kashmir", "Jammu and Kashmir", ""),
    ("Nagorno-Karabakh", "Karabakh|Nagorno Karabakh", ""),
    ("Taiwan Strait", "Taiwan Straits", ""),
    ("South China Sea", "", ""),
    ("Panama Canal", "", ""),
]

# --------------------------------------------------------------------------
HEADER_COMMON = """#
# Conventions (the Rust loader depends on these exact properties):
#   skos:prefLabel  exactly one preferred (common short English) name
#   skos:altLabel   aliases: official names, abbreviations, spellings/transliterations,
#                   and for people the bare surname (unless it collides with a word or
#                   with another entity)
#   owl:sameAs      Wikidata entity, only where the author was confident of the id
# All literals are plain strings (no language tags). IRIs are written in full.
# Entries are sorted by slug within each section. Do not edit by hand:
# regenerate with  python3 ontology/tools/gen_gazetteer.py
"""

ACTORS_HEADER = """# kg gazetteer: ACTORS (states, organisations, collective groups, people)
#   kg:State         sovereign states (UN members + Palestine, Vatican, Kosovo, Taiwan);
#                    a state stands for its government
#   kg:Organization  international organisations, blocs, alliances, state organs,
#                    armed/political groups (Hamas, Hezbollah, Houthis, Taliban, ...)
#   kg:Group         loose collectives ("the West")
#   kg:Person        people
#   kg:metonym       words standing for the government/body as a subject ("Moscow said",
#                    "the Kremlin", "White House", "Brussels" -> EU only)
#   kg:capital       capital city name (Belgium keeps capital "Brussels", but "Brussels"
#                    is a metonym of the EU only)
#   kg:demonym       adjectives ("Ukrainian", "European" for the EU, "Western" for the West)
#   kg:title         lowercase role nouns used with/for a person ("special envoy")
#   kg:affiliation   state/org a person acts for
#   kg:leaderOf      current (late 2025) head of state/government or org leader; one
#                    principal leader per state (the one news calls "X's leader")
#   kg:worksFor      aide serving a specific person (Yermak -> Zelensky)
""" + HEADER_COMMON

SOURCES_HEADER = """# kg gazetteer: SOURCES (news outlets, agencies, social platforms).
# These are sources of reports, NEVER actors: "Axios reported", "on X", "told Reuters".
#   kg:sourceKind  "outlet" | "agency" | "platform"
""" + HEADER_COMMON

PLACES_HEADER = """# kg gazetteer: PLACES (non-capital venues and regions in diplomacy news).
# Capitals are deliberately absent: they are kg:capital / kg:metonym of their state in
# actors.ttl. A place is never an actor ("talks in Geneva", "the future of Donbas").
""" + HEADER_COMMON


def block(subj, cls, pairs):
    lines = [subj, "    a " + cls + " ;"]
    for i, (p, objs) in enumerate(pairs):
        end = " ." if i == len(pairs) - 1 else " ;"
        lines.append("    " + p + " " + ", ".join(objs) + end)
    return "\n".join(lines) + "\n"


def dedupe(xs):
    seen, out = set(), []
    for x in xs:
        if x not in seen:
            seen.add(x)
            out.append(x)
    return out


def build():
    ent = {}  # iri -> (cls, file, labels dict) for checks
    state_slugs = set()
    actor_blocks = {"State": [], "Organization": [], "Group": [], "Person": []}
    actor_slugs = set()

    for pref, alts, cap, mets, dems, qid in STATES:
        actor_slugs.add(slug(pref))
    for o in ORGS:
        actor_slugs.add(slug(o[0]))
    for g in GROUPS:
        actor_slugs.add(slug(g[0]))
    for p in P:
        actor_slugs.add(slug(p[0]))

    def aref(s):
        if s not in actor_slugs:
            sys.exit("unknown actor slug referenced: " + s)
        return iri("actor", s)

    labels = defaultdict(set)  # label -> set of (iri, prop)

    def reg(i, prop, vals):
        for v in vals:
            labels[v].add((i, prop))

    for pref, alts, cap, mets, dems, qid in STATES:
        sl = slug(pref)
        i = iri("actor", sl)
        alts_l = [a for a in L(alts) if a != pref]
        mets_l = dedupe([cap.split(",")[0]] + L(mets)) if sl != "vatican" else []
        if sl == "palestine":
            mets_l = L(mets)  # "East Jerusalem" is not used as a metonym
        if sl == "belgium":
            mets_l = []  # "Brussels" is a metonym of the EU only
        dem_l = L(dems)
        pairs = [("skos:prefLabel", [lit(pref)])]
        if alts_l:
            pairs.append(("skos:altLabel", [lit(a) for a in alts_l]))
        pairs.append(("kg:capital", [lit(cap)]))
        if mets_l:
            pairs.append(("kg:metonym", [lit(m) for m in mets_l]))
        if dem_l:
            pairs.append(("kg:demonym", [lit(d) for d in dem_l]))
        if qid:
            pairs.append(("owl:sameAs", ["wd:" + qid]))
        actor_blocks["State"].append((sl, block(i, "kg:State", pairs)))
        reg(i, "label", [pref] + alts_l)
        reg(i, "metonym", mets_l)
        reg(i, "demonym", dem_l)

    for pref, alts, mets, dems, qid, aff in ORGS:
        sl = slug(pref)
        i = iri("actor", sl)
        alts_l = [a for a in L(alts) if a != pref]
        pairs = [("skos:prefLabel", [lit(pref)])]
        if alts_l:
            pairs.append(("skos:altLabel", [lit(a) for a in alts_l]))
        if L(mets):
            pairs.append(("kg:metonym", [lit(m) for m in L(mets)]))
        if L(dems):
            pairs.append(("kg:demonym", [lit(d) for d in L(dems)]))
        if aff:
            aref(aff)  # validated only: kg:affiliation has rdfs:domain kg:Person in kg.ttl,
            # so the owning state of a state organ is not emitted
        if qid:
            pairs.append(("owl:sameAs", ["wd:" + qid]))
        actor_blocks["Organization"].append((sl, block(i, "kg:Organization", pairs)))
        reg(i, "label", [pref] + alts_l)
        reg(i, "metonym", L(mets))
        reg(i, "demonym", L(dems))

    for pref, alts, dems in GROUPS:
        sl = slug(pref)
        i = iri("actor", sl)
        pairs = [("skos:prefLabel", [lit(pref)])]
        if L(alts):
            pairs.append(("skos:altLabel", [lit(a) for a in L(alts)]))
        if L(dems):
            pairs.append(("kg:demonym", [lit(d) for d in L(dems)]))
        actor_blocks["Group"].append((sl, block(i, "kg:Group", pairs)))
        reg(i, "label", [pref] + L(alts))
        reg(i, "demonym", L(dems))

    for pref, alts, titles, aff, leader, works, qid in P:
        sl = slug(pref)
        i = iri("actor", sl)
        alts_l = dedupe([a for a in alts if a != pref])
        pairs = [("skos:prefLabel", [lit(pref)])]
        if alts_l:
            pairs.append(("skos:altLabel", [lit(a) for a in alts_l]))
        if titles:
            pairs.append(("kg:title", [lit(t) for t in titles]))
        if aff:
            pairs.append(("kg:affiliation", [aref(a) for a in aff]))
        if leader:
            pairs.append(("kg:leaderOf", [aref(a) for a in leader]))
        if works:
            pairs.append(("kg:worksFor", [aref(a) for a in works]))
        if qid:
            pairs.append(("owl:sameAs", ["wd:" + qid]))
        actor_blocks["Person"].append((sl, block(i, "kg:Person", pairs)))
        reg(i, "label", [pref] + alts_l)

    src_blocks = []
    for pref, alts, kind, qid in SOURCES:
        sl = slug(pref)
        i = iri("source", sl)
        alts_l = [a for a in L(alts) if a != pref]
        pairs = [("skos:prefLabel", [lit(pref)])]
        if alts_l:
            pairs.append(("skos:altLabel", [lit(a) for a in alts_l]))
        pairs.append(("kg:sourceKind", [lit(kind)]))
        if qid:
            pairs.append(("owl:sameAs", ["wd:" + qid]))
        src_blocks.append((sl, block(i, "kg:Source", pairs)))
        reg(i, "label", [pref] + alts_l)

    place_blocks = []
    for pref, alts, qid in PLACES:
        sl = slug(pref)
        i = iri("place", sl)
        alts_l = [a for a in L(alts) if a != pref]
        pairs = [("skos:prefLabel", [lit(pref)])]
        if alts_l:
            pairs.append(("skos:altLabel", [lit(a) for a in alts_l]))
        if qid:
            pairs.append(("owl:sameAs", ["wd:" + qid]))
        place_blocks.append((sl, block(i, "kg:Place", pairs)))
        reg(i, "label", [pref] + alts_l)

    # ---- checks: duplicate slugs and shared labels across entities
    problems = []
    for name, blocks in list(actor_blocks.items()) + [("Source", src_blocks), ("Place", place_blocks)]:
        pass
    all_actor = [s for b in actor_blocks.values() for s, _ in b]
    for seq, what in ((all_actor, "actor"), ([s for s, _ in src_blocks], "source"), ([s for s, _ in place_blocks], "place")):
        dup = {s for s in seq if seq.count(s) > 1}
        if dup:
            problems.append("duplicate %s slugs: %s" % (what, sorted(dup)))
    for lab, users in sorted(labels.items()):
        iris = {u[0] for u in users}
        if len(iris) > 1:
            problems.append("label %r shared by %s" % (lab, sorted(users)))
    # case-insensitive collisions (loader may fold case)
    folded = defaultdict(set)
    for lab, users in labels.items():
        for u in users:
            folded[lab.casefold()].add(u[0])
    for lab, iris in sorted(folded.items()):
        if len(iris) > 1 and not any(len({u[0] for u in labels[x]}) > 1 for x in labels if x.casefold() == lab):
            problems.append("case-folded label %r shared by %s" % (lab, sorted(iris)))
    if problems:
        print("\n".join(problems))
        sys.exit(1)

    def write(path, header, sections):
        with open(path, "w", encoding="utf-8") as f:
            f.write(header + "\n" + PREFIXES + "\n")
            for title, blocks in sections:
                f.write("#" + "=" * 78 + "\n# " + title + "\n#" + "=" * 78 + "\n\n")
                for _, b in sorted(blocks):
                    f.write(b + "\n")

    write(os.path.join(OUT, "actors.ttl"), ACTORS_HEADER, [
        ("States", actor_blocks["State"]),
        ("Organisations", actor_blocks["Organization"]),
        ("Collective groups", actor_blocks["Group"]),
        ("People", actor_blocks["Person"]),
    ])
    write(os.path.join(OUT, "sources.ttl"), SOURCES_HEADER, [("Sources", src_blocks)])
    write(os.path.join(OUT, "places.ttl"), PLACES_HEADER, [("Places", place_blocks)])
    for k, v in actor_blocks.items():
        print("actors.ttl  kg:%-13s %d" % (k, len(v)))
    print("sources.ttl kg:Source        %d" % len(src_blocks))
    print("places.ttl  kg:Place         %d" % len(place_blocks))


if __name__ == "__main__":
    build()
