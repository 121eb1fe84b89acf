package extract

// Units of measure and currency codes written against a number (12km,
// 3kW, USD2,500, 85p, 2.5pc) or apart from it (50 Hz, 12 GWh). A number
// with one of them is a quantity even with no noun after it.

// gluedUnit is what a suffix glued to digits stands for.
type gluedUnit struct {
	unit string
	kind int8 // 0 a measure, 1 a currency (85p), 2 a percentage (2.5pc)
}

// gluedUnits are the suffixes read after digits, lower case. "m" and "b"
// are scales (7m), not metres or bytes; "g" (5G) and "s" (1990s) are left
// out on purpose.
var gluedUnits = map[string]gluedUnit{
	"bhp": {"bhp", 0}, "cc": {"cc", 0}, "cl": {"cl", 0}, "cm": {"cm", 0}, "ft": {"feet", 0},
	"gb": {"GB", 0}, "ghz": {"GHz", 0}, "gw": {"GW", 0}, "gwh": {"GWh", 0}, "ha": {"hectares", 0},
	"hp": {"hp", 0}, "hz": {"Hz", 0}, "kb": {"kB", 0}, "kg": {"kg", 0}, "kgs": {"kg", 0}, "khz": {"kHz", 0},
	"km": {"km", 0}, "km2": {"km²", 0}, "kmh": {"km/h", 0}, "kms": {"km", 0}, "kph": {"km/h", 0}, "kt": {"kt", 0},
	"kv": {"kV", 0}, "kw": {"kW", 0}, "kwh": {"kWh", 0}, "l": {"litres", 0}, "lb": {"lb", 0},
	"lbs": {"lb", 0}, "mb": {"MB", 0}, "mg": {"mg", 0}, "mhz": {"MHz", 0}, "mi": {"miles", 0},
	"ml": {"ml", 0}, "mm": {"mm", 0}, "mph": {"mph", 0}, "mw": {"MW", 0}, "mwh": {"MWh", 0},
	"oz": {"oz", 0}, "p": {"pence", 1}, "pc": {"percent", 2}, "pct": {"percent", 2}, "sqkm": {"km²", 0},
	"tb": {"TB", 0}, "tw": {"TW", 0}, "twh": {"TWh", 0}, "v": {"V", 0}, "w": {"W", 0},
}

// measureWords are units written apart after a number, lower case: "50
// Hz", "12 GWh", "20 yards". Plural nouns (yards, acres) are found anyway
// as counted nouns; these are the abbreviations and singulars that are
// not.
var measureWords = map[string]string{
	"bhp": "bhp", "cc": "cc", "cm": "cm", "db": "dB", "degrees": "degrees", "ft": "feet", "gb": "GB",
	"ghz": "GHz", "gw": "GW", "gwh": "GWh", "ha": "hectares", "hp": "hp", "hz": "Hz", "kb": "kB",
	"kg": "kg", "khz": "kHz", "km/h": "km/h", "km2": "km²", "kmh": "km/h", "knots": "knots", "kph": "km/h", "kt": "kt",
	"kv": "kV", "kw": "kW", "kwh": "kWh", "lb": "lb", "lbs": "lb", "mb": "MB", "mg": "mg", "mhz": "MHz",
	"ml": "ml", "mm": "mm", "mph": "mph", "mw": "MW", "mwh": "MWh", "oz": "oz", "tb": "TB", "tw": "TW",
	"twh": "TWh",
}

// currencyCodes are ISO codes and short signs written before a number,
// often glued to it: USD2,500, EUR30m, RM4.10, Rs500. Matched in the
// original case (upper case, or "Rs") so that words are never taken for
// them.
var currencyCodes = map[string]string{
	"AED": "dirhams", "ARS": "pesos", "AUD": "dollars", "BDT": "taka", "BRL": "reais",
	"CAD": "dollars", "CHF": "francs", "CNY": "yuan", "CZK": "koruny", "DKK": "kroner",
	"EGP": "pounds", "ETB": "birr", "EUR": "euros", "GBP": "pounds", "GHS": "cedis", "HKD": "dollars",
	"HUF": "forints", "IDR": "rupiah", "ILS": "shekels", "INR": "rupees", "IQD": "dinars",
	"IRR": "rials", "JOD": "dinars", "JPY": "yen", "KES": "shillings", "KRW": "won", "KWD": "dinars",
	"LBP": "pounds", "LKR": "rupees", "MXN": "pesos", "MYR": "ringgit", "NGN": "naira",
	"NOK": "kroner", "NPR": "rupees", "NZD": "dollars", "PHP": "pesos", "PKR": "rupees",
	"PLN": "zlotys", "QAR": "riyals", "RM": "ringgit", "RMB": "yuan", "RUB": "roubles",
	"Rp": "rupiah", "Rs": "rupees", "SAR": "riyals", "SEK": "kronor", "SGD": "dollars",
	"SYP": "pounds", "THB": "baht", "TRY": "lira", "TWD": "dollars", "TZS": "shillings",
	"UAH": "hryvnias", "UGX": "shillings", "USD": "dollars", "VND": "dong", "YER": "rials",
	"ZAR": "rand",
}

// gluedCode returns the length of a currency code glued to the digits that
// start word w ("USD2,500" → 3), or 0.
func gluedCode(w string) int {
	k := 0
	for k < len(w) && k < 4 && (w[k] >= 'A' && w[k] <= 'Z' || k > 0 && w[k] >= 'a' && w[k] <= 'z') {
		k++
	}
	if k < 2 || k >= len(w) || !isDigit(rune(w[k])) {
		return 0
	}
	if _, ok := currencyCodes[w[:k]]; !ok {
		return 0
	}
	return k
}

// fractionWords are the fractions read as quantities before "of": "a
// quarter of", "two-thirds of", "half of". Their value is the fraction
// itself (0.25), their unit "fraction".
var fractionWords = map[string]float64{
	"fifth": 0.2, "fifths": 0.2, "fourth": 0.25, "fourths": 0.25, "half": 0.5, "halves": 0.5,
	"quarter": 0.25, "quarters": 0.25, "tenth": 0.1, "tenths": 0.1, "third": 1.0 / 3, "thirds": 1.0 / 3,
}
