// Package extract finds direct quotations (with their speakers) and every
// quantity (casualties, displacement, aid, money, measures, ages...) in
// plain news text. It is pure: text in, spans out, no I/O, no global
// mutable state.
//
// Offsets are byte offsets into the input string. For a Stat, Text is exactly
// input[Start:End]. For a Quote, Text is the quoted words without their quote
// marks and input[Start:End] is exactly Text.
//
// # Conventions
//
// Quotations. Text is everything between the marks, trimmed of white space,
// punctuation inside the marks included ("…on the ground,"). Marks pair by
// kind; a mark of the other kind inside a quotation is nested text. A
// quotation never crosses a paragraph: one left open at the end of its
// paragraph ends there, and the next paragraph that opens with a mark
// continues the same speaker, as news copy does. Single-quoted spans of
// fewer than four words with no speaker are headline shorthand or scare
// quotes and are left out; double-quoted scare quotes are kept with a nil
// Speaker.
//
// Speakers. Rules propose candidates (the names around the quotation, the
// speaker of the quotation before, the antecedent of a pronoun, a body)
// and a learned ranker chooses among them; it abstains, leaving Speaker
// nil, when no candidate clearly wins: no speaker is better than a wrong
// one. Speaker is the fullest name the text gives (Bremmer → Ian
// Bremmer); bodies speak too (AP, the US military, "the statement" → the
// body that issued it). Unnamed people ("a spokesman", "officials") give a
// nil Speaker, but a body's unnamed voice gives the body ("an official
// from TfL stated" → TfL). I and we give a nil Speaker,
// except in an interview transcript, where they are the answerer of the
// "((Name))" paragraph. "They" gives none unless it stands for a body
// named as the subject of the sentence before ("Big Machine have denied
// it. “…,” they said"); "it said" takes the body that spoke just before.
//
// Figures. Every quantity is reported; which ones matter is the reader's
// choice. Value is the number as written (1.4 million → 1400000). Bounds:
// an exact figure has Lower = Upper = Value; "over", "more than", "at least",
// "or more" set Lower only; "almost", "nearly", "up to", "fewer than" set
// Upper only; "about", "around", "some", "an estimated" set neither. A range
// ("between 300 and 400", "10-15") has Value = Lower, the conservative end.
// Vague counts are kept with Vague set and a conservative lower bound as
// Value and Lower, as ACLED codes them: dozens 12, scores 20, hundreds 100,
// thousands 1,000, tens of thousands 10,000, hundreds of thousands 100,000,
// millions 1,000,000, "several hundred" 200. Counts without a known noun
// ("seating for four"), ages ("Roe, 52,", unit years), fractions ("a
// quarter of", unit fraction), measures (12km, 50 Hz) and negative numbers
// are reported too. Years, dates, times, ordinals, ratios ("one in five")
// and numbers inside names (Resolution 2254, COVID-19, the M2 highway) are
// not quantities. Unit is what is counted: people (any noun for persons),
// troops (soldiers, troops), a currency (dollars, euros, pounds…), percent,
// a time unit for durations and ages, a unit of measure, or the counted
// noun itself (countries, trucks, homes); empty when nothing is named.
// Category needs the counted noun and the event word nearest the figure
// in its sentence to say so (cases, households, camps and beds are not
// people killed or displaced); money, durations and military strength
// have their own; it is Other when none fits.
//
// # How text flows
//
// Extract (extract.go) builds a doc (document.go) and runs two pipelines
// over it.
//
// Text: paragraphs → quotations → tokens → name runs.
//
//	text.go               paragraphs, trimming, rune and letter helpers
//	quotes.go             quotation marks paired into quotations within a paragraph
//	tokens.go             words and punctuation, sentences, the quotation each token lies in
//	document.go           doc: the text, its paragraphs, quotations, tokens and runs, with token helpers
//	names.go              runs of capitalised words, the fullest name a run stands for, roles
//	name_classify.go      classify: title and name of a run, and what it names (person, body, place)
//	name_clause.go        whether a run is the subject of the verb after it, and a speaker
//	name_trim.go          titles, roles and places glued before a person's name
//
// Speakers: attribution rules → subjects → names, pronouns, bodies →
// candidates → ranker.
//
//	attribution.go        the rules that look for a speaker before, after and around each quotation
//	attribution_cues.go   cues the rules read: verbs the lexicon lacks, reported clauses, written words, passives
//	attribution_interview.go  interview transcripts: the answerer of "((Name))" paragraphs
//	subjects.go           the subject of a speech verb: skipping asides, "and said", pronoun subjects
//	subject_np.go         the noun phrase before the verb: a name, a body, a report, a described person
//	subject_apposition.go subjects set off by commas: appositions and ages
//	subject_after.go      the speaker after the verb: “Q,” said Stephanie Grisham
//	subject_refs.go       what "the president", "the ambassador to Britain" and "they" refer to
//	pronouns.go           he and she: the last person named as a subject or speaker
//	bodies.go             "the ministry", "the statement": the body named earlier
//	speaker_candidates.go the candidates of each quotation, from the rules and the text around it
//	speaker_features.go   the features of a candidate: shapes, never identities
//	speaker_ranker.go     the linear ranker that picks a candidate or abstains (two margins: with the rules, alone)
//	speaker_train.go      training the ranker: averaged perceptron, deterministic
//	speaker_weights.txt   the embedded weights, written by `go run ./model/extract/train` from the repository root
//	lexicon.go            word lists of attribution: speech verbs, titles, roles, function words
//	gazetteer.go          places, countries, nationalities, bodies, first names by gender
//
// Figures: numbers → units → figures → categories.
//
//	numbers.go            figure; finding numbers and reading digits (1,234, 7m, 12km, USD2,500)
//	number_count.go       countAt: digits and number words into one count ("two hundred and two")
//	number_forms.go       negatives and fractions
//	number_units.go       units of measure and currency codes glued to or after a number
//	number_notcount.go    numbers that count nothing: years, dates, times, labels, ratios
//	words.go              number words, scales, vague counts, currency signs and words
//	units.go              what a figure counts: the noun after it, a percent, a currency
//	figures.go            ranges, hyphenated tails (10-15, 5-year) and qualifiers (over, about)
//	stats.go              figures into Stats with bounds, units carried over
//	categories.go         the category of a figure: its kind, event words near it, fallbacks
//	categories_counts.go  numbers kept out of the people categories: limits, rates, family sizes
//
// Output: types.go (Quote, Stat, Category, Result) and format.go
// (FormatText, the human-readable report of `sitrep extract`).
package extract
