package extract

// Word lists used by attribution. They are read-only package tables,
// written out by hand. Keys are lower case.

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// speechVerbs are verbs that introduce or attribute a quotation, in all
// their forms. Participles (saying, adding) take the subject of the clause.
var speechVerbs = set(
	"accuse", "accused", "accuses", "accusing", "acknowledge", "acknowledged", "acknowledges",
	"acknowledging", "add", "added", "adding", "adds", "admit", "admits", "admitted",
	"admitting", "agree", "agreed", "agrees", "allege", "alleged", "alleges", "alleging",
	"announce", "announced", "announcement",
	"announces", "announcing", "appeal", "appealed", "argue", "argued", "argues", "arguing",
	"ask", "asked", "asking", "asks", "assert", "asserted", "asserting", "asserts", "assure",
	"assured", "assures", "assuring", "beg", "begged", "begging", "begs", "believe", "believed",
	"believes", "blasted", "boast", "boasted", "boasts", "brand", "branded", "call", "called",
	"calling", "calls", "caution", "cautioned", "cautioning", "cautions", "characterised",
	"characterized", "charge", "charged", "cite", "cited", "cites", "citing", "claim", "claimed",
	"claiming", "claims", "comment",
	"commented", "commenting", "comments", "complain", "complained", "complaining", "complains",
	"concede", "conceded", "concedes", "conclude", "concluded", "concludes", "concluding",
	"condemn", "condemned", "condemning", "condemns", "confirm", "confirmed", "confirming",
	"confirms", "contend", "contended", "contends", "continued", "continues", "counter",
	"countered", "counters", "criticised", "criticized", "declare", "declared", "declares",
	"declaring", "decried", "demand", "demanded", "demanding", "demands", "denied", "denies",
	"denounced", "denounces", "deny", "denying", "describe", "described", "describes",
	"describing", "discuss", "discussed", "discusses", "discussing", "dismiss", "dismissed", "dismisses", "dismissing", "emphasise", "emphasised",
	"emphasises", "emphasising", "emphasize", "emphasized", "emphasizes", "emphasizing",
	"estimate", "estimated", "estimates", "exclaim", "exclaimed", "explain", "explained",
	"explaining", "explains", "hailed", "hope", "hoped", "hopes", "implore", "implored",
	"implores", "imploring", "indicate", "indicated", "indicates", "indicating", "insist",
	"insisted", "insisting", "insists", "introduced",
	"introduces", "joke", "joked", "jokes", "label", "labeled", "labelled", "labels", "lament",
	"lamented", "laments", "maintain", "maintained", "maintains", "note", "noted", "notes",
	"noting", "observe", "observed", "observes", "plead", "pleaded", "pleading", "pleads",
	"pledge", "pledged", "pledges", "pledging", "point", "pointed", "portrayed", "portrays",
	"post", "posted", "posting", "praised", "predict", "predicted", "predicting", "predicts", "promise",
	"promised", "promises", "promising", "put", "puts", "putting", "question", "questioned",
	"quote", "quoted", "reassured", "recall", "recalled", "recalling", "recalls", "recount",
	"recounted", "recounts", "reiterate", "reiterated", "reiterates", "reiterating", "rejected",
	"rejects", "remark", "remarked", "remarks", "replied", "replies", "reply", "replying",
	"report", "reported", "reports", "respond", "responded", "responding", "responds", "said",
	"say", "saying", "says", "scream", "screamed", "screaming", "screams", "shout", "shouted",
	"shouting", "shouts", "slammed", "state", "stated",
	"statement", "states", "stating", "stress", "stressed", "stresses", "stressing", "suggest",
	"suggested", "suggesting", "suggests", "sum", "summed", "tell", "telling", "tells",
	"testified", "testifies", "testify", "think", "thinks", "thought", "threaten", "threatened",
	"threatens", "told", "tweet", "tweeted", "tweeting", "tweets", "urge", "urged", "urges",
	"urging", "vow", "vowed", "vowing", "vows", "warn", "warned", "warning", "warns",
	"welcomed", "whisper", "whispered", "wonder", "wondered", "wonders", "write", "writes",
	"writing", "written", "wrote",
)

// weakSpeechVerbs attribute a quotation that follows them in the same
// sentence only when they are the closest verb; they are too common as
// ordinary verbs to attribute a quotation after them.
var weakSpeechVerbs = set("accuse", "accused", "accuses", "accusing", "agree", "agreed", "agrees",
	"announcement", "believe", "believed", "believes", "blasted", "brand", "branded", "call",
	"calling", "calls", "characterised", "characterized", "charge", "charged", "condemn",
	"condemned", "condemns", "criticised", "criticized", "decried", "denounced", "denounces",
	"dismiss", "dismissed", "dismisses", "estimate", "estimated", "estimates", "hailed", "hope",
	"hoped", "hopes", "introduced", "introduces", "label", "labeled", "labelled", "labels",
	"maintain", "maintained", "maintains", "point", "pointed", "portrayed", "portrays", "post",
	"posted", "praised", "promise", "promised", "promises", "promising", "put", "puts",
	"putting", "question", "questioned", "rejected", "rejects", "report", "reported", "reports",
	"slammed", "state", "statement", "states", "sum", "summed", "think", "thinks", "thought",
	"welcomed")

// auxiliaries sit between a subject and its speech verb: "has said",
// "also told", "was quoted as saying".
var auxiliaries = set("again", "already", "also", "angrily", "are", "as", "been", "bluntly",
	"correctly", "could", "did", "do", "does", "earlier", "even", "eventually", "finally",
	"firmly", "first", "flatly", "frequently", "further", "had", "has", "have", "immediately",
	"initially", "instead", "is", "just", "last", "later", "may", "might", "never", "not",
	"now", "often", "once", "only", "openly", "originally", "previously", "privately",
	"publicly", "quickly", "quietly", "quoted", "recently", "repeatedly", "reportedly",
	"separately", "simply", "still", "strongly", "subsequently", "then", "to", "today",
	"tonight", "twice", "was", "were", "will", "would", "wrongly", "yesterday")

// titles are words of a title or function that come before a name and are
// not part of it: "US Secretary of State John Kerry", "Gen. Mark Milley".
// They include departments in a title: "Deputy Director of Public
// Prosecution Eva-Marie Persson", "Homeland Security Secretary Chad Wolf".
var titles = set(
	"acting", "activist", "adm", "administrator", "admiral", "adviser", "advisor", "advocate",
	"affairs", "afp", "agency", "agriculture", "air", "ambassador", "amnesty", "analyst", "ap",
	"archbishop", "army", "assistant", "associate", "attorney", "author", "ayatollah", "bishop",
	"border", "brig", "brigadier", "capt", "captain", "cardinal", "center", "central", "centre",
	"ceo", "cfo", "chair", "chairman", "chairwoman", "chancellor", "chief", "chiefs",
	"children", "cia", "cmdr", "co-founder", "col", "colonel", "colonel-general", "command",
	"commander", "commerce", "commissioner", "communication", "communications", "congressman",
	"congresswoman", "conservative", "consultant", "coo", "coordinator", "corporal",
	"correspondent", "council", "counsel", "country", "cpl", "crescent", "cross", "cto",
	"culture", "customs", "dame", "dean", "defence", "defense", "democratic", "department",
	"deputy", "deputy-head", "detective", "development", "director", "director-general",
	"doctor", "dr", "economist", "economy", "editor", "education", "emergency", "emir",
	"energy", "environment", "envoy", "eu", "executive", "expert", "fbi", "federal", "fellow",
	"field", "finance", "fm", "fmr", "food", "force", "foreign", "foreign-affairs", "former",
	"founder", "gen", "general", "gm", "gov", "gov.", "governor", "grand", "group", "head",
	"health", "high", "historian", "homeland", "host", "house", "housing", "human",
	"humanitarian", "idf", "imam", "immigration", "industry", "information", "infrastructure",
	"inspector", "institute", "intelligence", "interior", "international", "investment",
	"joint", "judge", "justice", "king", "kremlin", "labor", "labour", "lady", "lawmaker",
	"leader", "lecturer", "lieutenant", "lieutenant-general", "lord", "lt", "maj", "major",
	"major-general", "managing", "marshal", "mayor", "md", "media", "mediator", "mep",
	"military", "militia", "mines", "minister", "ministry", "miss", "mission", "mp", "mr",
	"mrs", "ms", "mullah", "national", "nato", "navy", "negotiator", "new", "nurse", "of",
	"officer", "official", "oil", "ombudsman", "operations", "opposition", "party", "pentagon",
	"planning", "pm", "pope", "premier", "president", "president-elect", "press", "prime",
	"prince", "princess", "private", "prof", "professor", "program", "programme", "prosecution",
	"prosecutions", "prosecutor", "prosecutors", "protection", "public", "queen", "rabbi",
	"rear", "rebel", "red", "refugee", "refugees", "regional", "relief", "rep", "reporter",
	"representative", "republican", "researcher", "resident", "reuters", "rights", "scholar",
	"sec", "secretary", "secretary-general", "security", "sen", "sen.", "senator", "senior",
	"sergeant", "services", "sgt", "shaikh", "sheikh", "sheriff", "sir", "solicitor", "speaker",
	"special", "spokesman", "spokesperson", "spokeswoman", "sports", "staff", "state",
	"strategist", "superintendent", "supreme", "the", "then", "tourism", "trade", "transport",
	"transportation", "treasury", "u.n", "u.s", "uk", "un", "under", "undersecretary", "us",
	"veterans", "vice", "watch", "welfare", "white", "witness", "women", "world", "youth",
)

// personTitles mark the name after them as a person's (for he/she).
var personTitles = set("adm", "administrator", "admiral", "ambassador", "analyst", "ayatollah",
	"brigadier", "capt", "captain", "chairman", "chairwoman", "chancellor", "chief", "col",
	"colonel", "commander", "commissioner", "congressman", "congresswoman", "dame", "director",
	"dr", "emir", "envoy", "gen", "general", "gov", "governor", "head", "imam", "judge", "king",
	"lady", "leader", "lieutenant", "lord", "lt", "maj", "major", "marshal", "mayor",
	"mediator", "minister", "miss", "mr", "mrs", "ms", "negotiator", "official", "pope",
	"premier", "president", "prince", "princess", "prof", "professor", "queen", "rep",
	"representative", "secretary", "sen", "senator", "sergeant", "sgt", "sheikh", "sir",
	"speaker", "spokesman", "spokesperson", "spokeswoman")

// royalTitles are part of the name people know: Prince Andrew, Pope Francis.
var royalTitles = set("crown", "emir", "king", "pope", "prince", "princess", "queen", "sheikh",
	"sultan")

// maleKin and femaleKin before a name give its gender: "her son, filmmaker
// Charlie McDowell".
var maleKin = set("actor", "boy", "boyfriend", "brother", "businessman", "chairman", "dad",
	"father", "grandfather", "grandson", "husband", "man", "nephew", "policeman", "son",
	"spokesman", "uncle", "widower")
var femaleKin = set("actress", "aunt", "businesswoman", "chairwoman", "daughter", "girl",
	"girlfriend", "granddaughter", "grandmother", "mom", "mother", "mum", "niece",
	"policewoman", "sister", "spokeswoman", "widow", "wife", "woman")

// roleTitles are job titles written in capitals without a name.
var roleTitles = set("ceo", "cfo", "chairman", "chairwoman", "co-founder", "coo", "cto", "director",
	"founder", "minister", "president", "secretary", "spokesman", "spokesperson", "spokeswoman")

// maleTitles and femaleTitles give a person's gender for he/she.
var maleTitles = set("ayatollah", "brother", "chairman", "congressman", "emir", "father", "imam",
	"king", "lord", "mr", "mullah", "pope", "prince", "rabbi", "sheikh", "sir", "spokesman")
var femaleTitles = set("chairwoman", "congresswoman", "dame", "lady", "miss", "mother", "mrs", "ms",
	"princess", "queen", "sister", "spokeswoman")

// orgNouns head a noun phrase that names a body able to speak:
// "the US military said", "the Afghan government said".
var orgNouns = set("academy", "administration", "agency", "alliance", "army", "assembly",
	"association", "authorities", "authority", "bank", "battalion", "brigade", "brigades",
	"broadcaster", "bureau", "cabinet", "campaign", "center", "centre", "channel", "charity", "clinic",
	"coalition", "command", "commission", "committee", "company", "conference", "congress",
	"council", "court", "daily", "department", "directorate", "embassy", "federation", "firm",
	"force", "forces", "foundation", "front", "fund", "government", "group", "hospital",
	"institute", "kremlin", "league", "magazine", "military", "ministry", "mission", "movement",
	"navy", "network", "newspaper", "observatory", "office", "organisation", "organization",
	"outlet", "parliament", "party", "pentagon", "police", "presidency", "program", "programme",
	"regime", "school", "secretariat", "senate", "service", "services", "society", "tribunal",
	"union", "university", "watchdog", "website")

// reportNouns stand for the body that issued them: "the statement said".
var reportNouns = set("announcement", "assessment", "bulletin", "communique", "communiqué",
	"complaint", "decree", "document", "filing", "indictment", "judgment", "letter", "memo",
	"message", "note", "notice", "opinion", "order", "post", "proclamation", "release", "report",
	"ruling", "statement", "study", "survey", "tweet", "update", "verdict")

// personNouns head an unnamed person: "a spokesman said". Such a speaker
// is not reported: the contract wants a name, and a wrong one is worse.
var personNouns = set("activist", "activists", "adviser", "advisor", "agent", "agents", "aide", "aides", "all",
	"ambassador", "analyst", "analysts", "both", "boy", "brother", "chairman", "chief", "child",
	"children", "cleric", "colleague", "colleagues", "commander", "commanders", "correspondent",
	"counterpart", "daughter", "delegate", "delegates", "diplomat", "diplomats", "director", "doctor", "doctors",
	"driver", "each", "economist", "envoy", "expert", "experts", "eyewitness", "eyewitnesses", "families", "family", "farmer",
	"father", "fellow", "few", "fighter", "fighters", "founder", "friend", "general", "girl",
	"governor", "guard", "guards", "head", "historian", "husband", "journalist", "journalists",
	"judge", "lawyer", "leader", "man", "many", "mayor", "medic", "medics", "member", "members",
	"militant", "militants", "minister", "most", "mother", "negotiator", "neighbor",
	"neighbour", "nurse", "observer", "observers", "officer", "officers", "official",
	"officials", "one", "others", "owner", "parent", "parents", "people", "pilot", "police",
	"policeman", "president", "professor", "rebel", "rebels", "relative", "relatives",
	"reporter", "representative", "researcher", "resident", "residents", "scholar", "secretary",
	"several", "sister", "soldier", "soldiers", "some", "someone", "son", "source", "sources",
	"spokesman", "spokesperson", "spokeswoman", "student", "survivor", "survivors", "teacher",
	"that", "victim", "victims", "villager", "villagers", "which", "who", "wife", "witness",
	"witnesses", "woman", "worker", "workers")

// personRoleStart starts an apposition that describes a person:
// "Ian Bremmer, the president of the Eurasia group, said".
var roleStart = set("a", "acting", "ambassador", "an", "analyst", "another", "assistant",
	"associate", "author", "ceo", "cfo", "chairman", "chairwoman", "chief", "co-founder",
	"colonel", "commander", "coo", "cto", "deputy", "director", "editor", "envoy", "executive",
	"fellow", "former", "founder", "general", "head", "her", "his", "its", "leader",
	"lieutenant", "longtime", "member", "minister", "one", "our", "president", "professor",
	"ranking", "researcher", "secretary", "senior", "spokesman", "spokesperson", "spokeswoman",
	"the", "their", "top", "veteran", "vice", "who", "whose")

// pronouns that may be subjects of a speech verb.
var malePron = set("he")
var femalePron = set("she")
var neverSpeakers = set("anyone", "everyone", "i", "it", "me", "nobody", "one", "someone", "that",
	"these", "they", "this", "those", "us", "we", "what", "which", "who", "you")

// functionCaps are words that are capitalised only because they start a
// sentence; they never begin a name.
var functionCaps = set("a", "about", "according", "across", "additional", "additionally",
	"advertisement", "after", "again", "against", "all", "almost", "also", "although", "always",
	"amid", "among", "an", "and", "another", "any", "anyone", "are", "around", "as", "asked",
	"at", "be", "because", "been", "before", "between", "both", "but", "by", "can", "click",
	"could", "despite", "did", "do", "does", "dozens", "during", "each", "earlier", "editing",
	"editor", "eight", "elsewhere", "even", "every", "everyone", "few", "finally", "first",
	"five", "follow", "following", "for", "four", "friday", "from", "further", "furthermore",
	"given", "had", "has", "have", "he", "her", "here", "him", "his", "how", "however",
	"hundreds", "i", "if", "image", "in", "indeed", "instead", "is", "it", "its", "just",
	"last", "later", "let", "like", "many", "may", "maybe", "me", "meanwhile", "might",
	"millions", "monday", "more", "moreover", "most", "must", "my", "nearly", "never",
	"nevertheless", "next", "nine", "no", "nobody", "nonetheless", "not", "now", "of", "often",
	"oh", "ok", "okay", "on", "once", "one", "only", "or", "other", "otherwise", "our", "over",
	"overall", "perhaps", "photo", "please", "rather", "read", "recent", "related", "reporting",
	"roughly", "saturday", "second", "see", "separately", "seven", "several", "share", "she",
	"should", "sign", "similarly", "since", "six", "so", "some", "someone", "sometimes",
	"speaking", "still", "subscribe", "such", "sunday", "sure", "ten", "thank", "thanks",
	"that", "the", "their", "them", "then", "there", "therefore", "these", "they", "third",
	"this", "those", "though", "thousands", "three", "through", "thursday", "thus", "to",
	"today", "together", "tomorrow", "tuesday", "two", "under", "unlike", "until", "video",
	"was", "watch", "we", "wednesday", "well", "were", "what", "when", "where", "whether",
	"which", "while", "who", "why", "will", "with", "within", "without", "would", "writing",
	"yes", "yesterday", "yet", "your")

// inversionVerbs take their subject after them: "…, says Richard Locksley,".
var inversionVerbs = set("added", "adds", "argued", "argues", "continued", "continues", "explained",
	"explains", "insisted", "insists", "noted", "notes", "observed", "observes", "recalled",
	"recalls", "reported", "reports", "said", "says", "stated", "tweeted", "warned", "warns",
	"writes", "wrote")

// objectVerbs take the person spoken to as their object: "Cook told Benioff".
var objectVerbs = set("asked", "asks", "assured", "informed", "reminded", "tells", "thanked",
	"told", "urged")

// namingVerbs in the passive give a name, not a speaker: "is called".
var namingVerbs = set("branded", "called", "described", "dubbed", "known", "labeled", "labelled",
	"named", "termed")
var passiveAux = set("also", "are", "be", "been", "being", "commonly", "is", "often", "sometimes",
	"was", "were", "widely")

// clauseJoins after a closing mark start a new clause, not an attribution.
var clauseJoins = set("although", "and", "as", "because", "but", "or", "whereas", "while", "yet")

// determiners before a speech word make it a noun: "his call", "the claim".
var determiners = set("a", "an", "her", "his", "its", "my", "our", "that", "the", "their", "this",
	"whose", "your")

// parentheticals are adverbs set off by commas between a subject and its
// verb: "Netanyahu, however, said".
var parentheticals = set("again", "also", "earlier", "furthermore", "however", "initially",
	"instead", "later", "likewise", "meanwhile", "moreover", "nevertheless", "nonetheless",
	"now", "separately", "similarly", "then", "therefore", "though", "thus", "too")

// finiteAux are the auxiliaries that are verbs of their own: after a name
// they make it a clause's subject.
var finiteAux = set("are", "could", "did", "does", "had", "has", "have", "is", "was", "were",
	"will", "would")

// firstNameCaps are function words that are also first names: Will, May.
var firstNameCaps = set("april", "august", "bill", "faith", "frank", "grace", "hope", "joy", "june",
	"mark", "may", "rich", "will")

// nameParticles join the parts of a name: bin, al, van, de.
var nameParticles = set("abd", "abu", "al", "ben", "bin", "bint", "da", "das", "de", "del", "della",
	"den", "der", "di", "dos", "du", "el", "ibn", "la", "le", "mac", "op", "ter", "van", "von",
	"y")

// months and weekdays mark dates.
var months = map[string]int{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
	"june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
	"october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

// prepositions before a name make it no subject: "at ICICI Securities".
var prepositions = set("about", "against", "among", "at", "between", "by", "for", "from", "in",
	"into", "of", "on", "over", "to", "toward", "towards", "under", "via", "with")

// occupations describe a person after "the" ("said the actor") the way a
// title does: the person last named with one of them is meant.
var occupations = set("actor", "actress", "anchor", "archbishop", "artist", "astronaut", "attorney",
	"author", "bishop", "candidate", "cardinal", "chef", "coach", "columnist", "comedian",
	"commissioner", "councilman", "councilwoman", "defendant", "defender", "defenseman",
	"designer", "detective", "director", "economist", "entrepreneur", "executive", "filmmaker",
	"forward", "founder", "goalie", "goalkeeper", "guard", "historian", "host", "investor",
	"journalist", "lawmaker", "lawyer", "manager", "midfielder", "musician", "nominee",
	"novelist", "pastor", "pilot", "pitcher", "player", "priest", "producer", "professor",
	"prosecutor", "quarterback", "rabbi", "rapper", "researcher", "scientist", "sheriff",
	"singer", "star", "striker", "superintendent", "teacher", "trooper", "veteran", "winger",
	"writer")
