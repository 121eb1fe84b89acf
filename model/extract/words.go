package extract

// Number words. Values are exact; "a"/"an" count as one only before a
// scale word (a hundred, a dozen), never on their own.
var units = map[string]float64{
	"zero": 0, "nought": 0, "naught": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
	"fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
	"twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
	"eighty": 80, "ninety": 90,
}

// scales multiply what comes before them.
var scales = map[string]float64{
	"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
	"mn": 1e6, "mln": 1e6, "mil": 1e6, "bn": 1e9, "bln": 1e9, "tn": 1e12, "tln": 1e12, "mm": 1e6,
	"lakh": 1e5, "crore": 1e7, "dozen": 12, "dozens": 12,
}

// vagueCounts are plural scale words used as counts: "dozens of", "thousands
// on the brink". Each is kept with a conservative lower bound, as ACLED
// codes them: dozens = 12, hundreds = 100, thousands = 1,000, and so on.
var vagueCounts = map[string]float64{
	"dozens": 12, "hundreds": 100, "thousands": 1e3, "millions": 1e6, "billions": 1e9, "scores": 20,
	"tens": 10,
}

// suffixScales follow digits directly: 7m, 2.5bn, 10k.
var suffixScales = map[string]float64{
	"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "b": 1e9, "bn": 1e9, "bln": 1e9, "tn": 1e12, "t": 1e12,
	"mil": 1e6,
}

// currencies before a number ($5) or after it (5 dollars): the unit name.
var currencySymbols = map[string]string{
	"$": "dollars", "us$": "dollars", "c$": "dollars", "a$": "dollars", "€": "euros",
	"£": "pounds", "¥": "yen", "₹": "rupees",
	"₽": "roubles", "₴": "hryvnias",
	"₺": "lira", "₦": "naira", "₪": "shekels",
	"mxn$": "pesos", "₩": "won", "₿": "bitcoins",
	"rs": "rupees", "元": "yuan", "₡": "colones", "₾": "lari", "₭": "kip",
}

var currencyWords = map[string]string{
	"dollar": "dollars", "dollars": "dollars", "euro": "euros", "euros": "euros", "pound": "pounds",
	"pounds": "pounds", "sterling": "pounds", "yen": "yen", "yuan": "yuan", "renminbi": "yuan",
	"rupee": "rupees", "rupees": "rupees", "rouble": "roubles", "roubles": "roubles", "ruble": "roubles",
	"rubles": "roubles", "hryvnia": "hryvnias", "hryvnias": "hryvnias", "lira": "lira", "liras": "lira",
	"naira": "naira", "shekel": "shekels", "shekels": "shekels", "franc": "francs", "francs": "francs",
	"riyal": "riyals", "riyals": "riyals", "dirham": "dirhams", "dirhams": "dirhams", "dinar": "dinars",
	"dinars": "dinars", "afghani": "afghanis", "afghanis": "afghanis", "pence": "pence", "penny": "pence",
	"cent": "cents", "cents": "cents", "peso": "pesos", "pesos": "pesos", "rand": "rand", "birr": "birr",
	"shilling": "shillings", "shillings": "shillings", "usd": "dollars", "eur": "euros", "gbp": "pounds",
	"markka": "markka", "pesetas": "pesetas", "peseta": "pesetas", "guilders": "guilders", "rmb": "yuan",
	"bitcoin": "bitcoins", "bitcoins": "bitcoins",
}
