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
	"say", "says", "said", "saying",
	"tell", "tells", "told", "telling",
	"add", "adds", "added", "adding",
	"warn", "warns", "warned", "warning",
	"state", "states", "stated", "stating",
	"explain", "explains", "explained", "explaining",
	"note", "notes", "noted", "noting",
	"argue", "argues", "argued", "arguing",
	"claim", "claims", "claimed", "claiming",
	"insist", "insists", "insisted", "insisting",
	"write", "writes", "wrote", "written", "writing",
	"tweet", "tweets", "tweeted", "tweeting",
	"post", "posted",
	"describe", "describes", "described", "describing",
	"call", "calls", "called", "calling",
	"announce", "announces", "announced", "announcing",
	"declare", "declares", "declared", "declaring",
	"vow", "vows", "vowed", "vowing",
	"pledge", "pledges", "pledged", "pledging",
	"promise", "promises", "promised", "promising",
	"urge", "urges", "urged", "urging",
	"ask", "asks", "asked", "asking",
	"reply", "replies", "replied", "replying",
	"respond", "responds", "responded", "responding",
	"acknowledge", "acknowledges", "acknowledged", "acknowledging",
	"admit", "admits", "admitted", "admitting",
	"confirm", "confirms", "confirmed", "confirming",
	"deny", "denies", "denied", "denying",
	"stress", "stresses", "stressed", "stressing",
	"emphasise", "emphasises", "emphasised", "emphasising",
	"emphasize", "emphasizes", "emphasized", "emphasizing",
	"suggest", "suggests", "suggested", "suggesting",
	"predict", "predicts", "predicted", "predicting",
	"recall", "recalls", "recalled", "recalling",
	"complain", "complains", "complained", "complaining",
	"conclude", "concludes", "concluded", "concluding",
	"remark", "remarks", "remarked",
	"observe", "observes", "observed",
	"cautioned", "cautions", "caution", "cautioning",
	"demand", "demands", "demanded", "demanding",
	"report", "reports", "reported",
	"quote", "quoted",
	"threaten", "threatens", "threatened",
	"assert", "asserts", "asserted", "asserting",
	"reiterate", "reiterates", "reiterated", "reiterating",
	"maintain", "maintains", "maintained",
	"contend", "contends", "contended",
	"charge", "charged",
	"accuse", "accuses", "accused", "accusing",
	"condemn", "condemns", "condemned", "condemning",
	"label", "labels", "labelled", "labeled",
	"dismiss", "dismisses", "dismissed", "dismissing",
	"brand", "branded",
	"lament", "laments", "lamented",
	"recount", "recounts", "recounted",
	"exclaim", "exclaimed",
	"shout", "shouted", "shouts",
	"whisper", "whispered",
	"testify", "testified", "testifies",
	"agree", "agreed", "agrees",
	"hope", "hoped", "hopes",
	"believe", "believes", "believed",
	"think", "thinks", "thought",
	"estimate", "estimates", "estimated",
	"put", "puts", "putting",
	"sum", "summed",
	"joke", "joked", "jokes",
	"boast", "boasted", "boasts",
	"concede", "conceded", "concedes",
	"counter", "countered", "counters",
	"question", "questioned",
	"wonder", "wondered", "wonders",
	"point", "pointed",
	"appeal", "appealed",
	"plead", "pleaded", "pleads", "pleading",
	"beg", "begs", "begged", "begging",
	"comment", "comments", "commented", "commenting",
	"assure", "assures", "assured", "assuring", "reassured",
	"implore", "implores", "implored", "imploring",
	"continued", "continues", "rejected", "rejects", "denounced", "denounces", "slammed", "hailed", "praised", "criticised",
	"criticized", "blasted", "welcomed", "decried", "introduced", "introduces", "characterized",
	"characterised", "portrayed", "portrays",
	"announcement", "statement",
)

// weakSpeechVerbs attribute a quotation that follows them in the same
// sentence only when they are the closest verb; they are too common as
// ordinary verbs to attribute a quotation after them.
var weakSpeechVerbs = set("introduced", "introduces", "characterized", "characterised", "portrayed", "portrays",
	"post", "posted", "put", "puts", "putting", "sum", "summed", "point", "pointed",
	"agree", "agreed", "agrees", "hope", "hoped", "hopes", "believe", "believes", "believed", "think", "thinks",
	"thought", "estimate", "estimates", "estimated", "report", "reports", "reported", "question", "questioned",
	"state", "states", "maintain", "maintains", "maintained", "charge", "charged", "call", "calls", "calling",
	"announcement", "statement", "promise", "promises", "promised", "promising", "rejected", "rejects",
	"denounced", "denounces", "slammed", "hailed", "praised", "criticised", "criticized", "blasted",
	"welcomed", "decried", "accuse", "accuses", "accused", "accusing", "condemn", "condemns", "condemned",
	"label", "labels", "labelled", "labeled", "brand", "branded", "dismiss", "dismisses", "dismissed")

// auxiliaries sit between a subject and its speech verb: "has said",
// "also told", "was quoted as saying".
var auxiliaries = set("has", "have", "had", "also", "later", "then", "previously", "earlier", "again",
	"instead", "still", "even", "now", "immediately", "quickly", "finally", "eventually", "only",
	"would", "will", "could", "might", "may", "did", "does", "do", "is", "was", "were", "are", "been",
	"repeatedly", "once", "further", "recently", "last", "reportedly", "publicly", "privately", "quoted", "as",
	"to", "once", "had", "first", "separately", "subsequently", "simply", "just", "flatly", "strongly",
	"bluntly", "openly", "initially", "originally", "already", "often", "frequently", "twice", "angrily",
	"quietly", "firmly", "not", "never", "yesterday", "today", "tonight", "wrongly", "correctly")

// titles are words of a title or function that come before a name and are
// not part of it: "US Secretary of State John Kerry", "Gen. Mark Milley".
var titles = set(
	"mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "sheikh", "shaikh",
	"president", "vice", "prime", "minister", "secretary", "foreign", "defence", "defense", "interior",
	"general", "gen", "lieutenant", "lt", "colonel", "col", "major", "maj", "captain", "capt", "sergeant", "sgt",
	"admiral", "adm", "commander", "cmdr", "brigadier", "brig", "marshal", "field", "corporal", "cpl", "private",
	"chief", "deputy", "acting", "senior", "special", "envoy", "ambassador", "spokesman", "spokeswoman",
	"spokesperson", "chairman", "chairwoman", "chair", "director", "head", "leader", "king", "queen",
	"prince", "princess", "emir", "pope", "cardinal", "archbishop", "bishop", "rabbi", "imam", "ayatollah",
	"mullah", "judge", "justice", "mayor", "governor", "gov", "senator", "sen", "representative", "rep",
	"congressman", "congresswoman", "chancellor", "premier", "press", "state", "of", "house", "white",
	"the", "former", "fmr", "then", "new", "executive", "officer", "official", "analyst", "correspondent",
	"reporter", "editor", "host", "author", "professor", "dean", "sheriff", "inspector", "superintendent",
	"detective", "officer", "sec", "attorney", "solicitor", "counsel", "advocate", "coordinator",
	"commissioner", "high", "under", "assistant", "associate", "undersecretary", "secretary-general",
	"un", "u.n", "us", "u.s", "uk", "eu", "nato", "national", "security", "adviser", "advisor", "council",
	"affairs", "health", "finance", "economy", "army", "navy", "air", "force", "staff", "joint", "chiefs",
	"operations", "central", "command", "humanitarian", "relief", "emergency", "regional", "military",
	"supreme", "grand", "federal", "democratic", "republican", "labour", "conservative", "party",
	"opposition", "rebel", "militia", "ministry", "department", "information", "media", "public",
	"foreign-affairs", "lawmaker", "mp", "mep", "activist", "witness", "resident", "doctor", "nurse",
	"colonel-general", "lieutenant-general", "major-general", "rear", "sen.", "gov.", "deputy-head",
	"communications", "director-general", "managing", "country", "programme", "program", "mission",
	"agency", "red", "cross", "crescent", "world", "food", "refugee", "refugees", "children", "human",
	"rights", "watch", "amnesty", "international", "institute", "centre", "center", "group", "fellow",
	"researcher", "expert", "scholar", "economist", "historian", "lecturer", "strategist", "consultant",
	"mediator", "negotiator", "speaker", "administrator", "superintendent", "commissioner", "ombudsman",
	"pm", "fm", "ceo", "cfo", "coo", "cto", "founder", "co-founder", "president-elect", "md", "gm",
	"cia", "fbi", "pentagon", "kremlin", "idf", "afp", "ap", "reuters",
	// departments in a title: "Deputy Director of Public Prosecution
	// Eva-Marie Persson", "Homeland Security Secretary Chad Wolf".
	"prosecution", "prosecutions", "prosecutor", "prosecutors", "intelligence", "homeland", "treasury",
	"commerce", "trade", "energy", "transport", "transportation", "education", "environment",
	"agriculture", "culture", "labor", "labour", "immigration", "customs", "border", "protection",
	"services", "development", "planning", "infrastructure", "veterans", "housing", "welfare", "interior",
	"tourism", "communication", "sports", "youth", "women", "industry", "investment", "mines", "oil",
)

// personTitles mark the name after them as a person's (for he/she).
var personTitles = set("mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
	"sheikh", "president", "minister", "secretary", "general", "gen", "lieutenant", "lt", "colonel", "col",
	"major", "maj", "captain", "capt", "sergeant", "sgt", "admiral", "adm", "commander", "brigadier",
	"marshal", "spokesman", "spokeswoman", "spokesperson", "chairman", "chairwoman", "director", "king",
	"queen", "prince", "princess", "emir", "pope", "judge", "mayor", "governor", "gov", "senator", "sen",
	"representative", "rep", "congressman", "congresswoman", "chancellor", "premier", "envoy",
	"ambassador", "chief", "leader", "head", "official", "analyst", "ayatollah", "imam", "speaker",
	"administrator", "commissioner", "mediator", "negotiator", "gov")

// royalTitles are part of the name people know: Prince Andrew, Pope Francis.
var royalTitles = set("prince", "princess", "king", "queen", "pope", "emir", "sheikh", "sultan", "crown")

// maleKin and femaleKin before a name give its gender: "her son, filmmaker
// Charlie McDowell".
var maleKin = set("son", "husband", "father", "brother", "uncle", "nephew", "grandson", "grandfather",
	"boyfriend", "widower", "dad", "businessman", "actor", "policeman", "chairman", "spokesman", "man", "boy")
var femaleKin = set("daughter", "wife", "mother", "sister", "aunt", "niece", "granddaughter",
	"grandmother", "girlfriend", "widow", "mom", "mum", "businesswoman", "actress", "policewoman",
	"chairwoman", "spokeswoman", "woman", "girl")

// roleTitles are job titles written in capitals without a name.
var roleTitles = set("ceo", "cfo", "coo", "cto", "founder", "co-founder", "chairman", "chairwoman",
	"spokesman", "spokeswoman", "spokesperson", "director", "president", "minister", "secretary")

// maleTitles and femaleTitles give a person's gender for he/she.
var maleTitles = set("mr", "sir", "lord", "king", "prince", "spokesman", "chairman", "congressman", "emir",
	"sheikh", "pope", "father", "brother", "ayatollah", "imam", "rabbi", "mullah")
var femaleTitles = set("mrs", "ms", "miss", "dame", "lady", "queen", "princess", "spokeswoman", "chairwoman",
	"congresswoman", "mother", "sister")

// orgNouns head a noun phrase that names a body able to speak:
// "the US military said", "the Afghan government said".
var orgNouns = set("military", "government", "army", "ministry", "police", "navy", "command", "coalition",
	"group", "agency", "office", "embassy", "administration", "kremlin", "pentagon", "council", "committee",
	"commission", "department", "presidency", "authorities", "authority", "forces", "force", "movement",
	"organisation", "organization", "regime", "court", "tribunal", "mission", "programme", "program",
	"fund", "union", "alliance", "federation", "party", "cabinet", "parliament", "senate", "congress",
	"secretariat", "directorate", "service", "services", "network", "observatory", "network", "watchdog",
	"bureau", "centre", "center", "institute", "foundation", "charity", "company", "firm", "bank",
	"newspaper", "agency", "channel", "broadcaster", "outlet", "daily", "magazine", "website",
	"hospital", "university", "school", "clinic", "committee", "front", "brigade", "brigades", "battalion",
	"league", "assembly", "council", "conference", "association", "society", "institute", "academy")

// reportNouns stand for the body that issued them: "the statement said".
var reportNouns = set("statement", "report", "communique", "communiqué", "release", "post", "tweet",
	"letter", "document", "memo", "notice", "message", "bulletin", "announcement", "study", "survey",
	"assessment", "update", "note", "filing", "complaint", "indictment", "ruling", "verdict", "order")

// personNouns head an unnamed person: "a spokesman said". Such a speaker
// is not reported: the contract wants a name, and a wrong one is worse.
var personNouns = set("spokesman", "spokeswoman", "spokesperson", "official", "officials", "source",
	"sources", "analyst", "analysts", "diplomat", "diplomats", "witness", "witnesses", "resident",
	"residents", "officer", "officers", "commander", "commanders", "expert", "experts", "man", "woman",
	"people", "activist", "activists", "doctor", "doctors", "aide", "aides", "minister", "leader",
	"president", "chief", "head", "director", "member", "members", "representative", "negotiator",
	"envoy", "observer", "observers", "survivor", "survivors", "medic", "medics", "worker", "workers",
	"journalist", "journalists", "reporter", "correspondent", "father", "mother", "son", "daughter",
	"brother", "sister", "wife", "husband", "friend", "neighbour", "neighbor", "villager", "villagers",
	"farmer", "student", "teacher", "lawyer", "researcher", "fellow", "chairman", "secretary", "general",
	"soldier", "soldiers", "fighter", "fighters", "militant", "militants", "rebel", "rebels", "police",
	"policeman", "guard", "guards", "adviser", "advisor", "counterpart", "colleague", "colleagues",
	"founder", "owner", "professor", "scholar", "economist", "historian", "someone", "one", "many",
	"others", "some", "several", "most", "few", "all", "both", "each", "who", "which", "that", "parent",
	"parents", "victim", "victims", "family", "families", "relative", "relatives", "child", "children",
	"boy", "girl", "mayor", "governor", "judge", "ambassador", "cleric", "pilot", "nurse", "driver")

// personRoleStart starts an apposition that describes a person:
// "Ian Bremmer, the president of the Eurasia group, said".
var roleStart = set("the", "a", "an", "another", "who", "whose", "its", "his", "her", "their", "our", "former", "senior", "chief",
	"ceo", "cfo", "coo", "cto", "co-founder", "head",
	"deputy", "head", "director", "spokesman", "spokeswoman", "spokesperson", "president", "chairman",
	"chairwoman", "minister", "secretary", "professor", "analyst", "fellow", "commander", "leader",
	"ambassador", "envoy", "co-founder", "founder", "executive", "editor", "author", "researcher",
	"associate", "assistant", "vice", "general", "lieutenant", "colonel", "member", "one", "ranking",
	"acting", "longtime", "veteran", "top")

// pronouns that may be subjects of a speech verb.
var malePron = set("he")
var femalePron = set("she")
var neverSpeakers = set("i", "we", "you", "they", "one", "it", "this", "that", "these", "those", "who",
	"which", "what", "someone", "everyone", "nobody", "anyone", "us", "me")

// functionCaps are words that are capitalised only because they start a
// sentence; they never begin a name.
var functionCaps = set("the", "a", "an", "when", "but", "and", "or", "after", "before", "in", "on", "at",
	"as", "if", "while", "since", "although", "though", "however", "this", "that", "these", "those", "it",
	"he", "she", "they", "we", "i", "his", "her", "their", "our", "its", "there", "here", "some", "all",
	"both", "many", "more", "most", "other", "such", "what", "which", "who", "why", "how", "where",
	"despite", "during", "for", "from", "with", "without", "under", "over", "last", "next", "recent",
	"meanwhile", "earlier", "later", "now", "then", "also", "still", "yet", "so", "because", "by", "to",
	"of", "about", "according", "asked", "speaking", "yes", "no", "not", "only", "even", "just", "instead",
	"until", "among", "between", "against", "across", "through", "within", "amid", "once", "each", "every",
	"any", "another", "few", "several", "nearly", "almost", "about", "around", "roughly", "some", "while",
	"whether", "unlike", "like", "following", "given", "further", "indeed", "rather", "thus", "therefore",
	"my", "your", "me", "them", "him", "do", "does", "did", "is", "are", "was", "were", "be", "been",
	"has", "have", "had", "will", "would", "can", "could", "should", "may", "might", "must", "let",
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
	"tomorrow", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozens",
	"hundreds", "thousands", "millions", "please", "thank", "thanks", "well", "oh", "sure", "okay", "ok",
	"never", "always", "often", "sometimes", "perhaps", "maybe", "again", "first", "second", "third",
	"finally", "overall", "together", "elsewhere", "separately", "similarly", "additionally", "moreover",
	"furthermore", "nonetheless", "nevertheless", "otherwise", "everyone", "nobody", "someone", "anyone",
	"watch", "read", "photo", "video", "image", "related", "advertisement", "follow", "share", "subscribe",
	"sign", "click", "see", "editor", "editing", "reporting", "writing", "additional", "now")

// inversionVerbs take their subject after them: "…, says Richard Locksley,".
var inversionVerbs = set("said", "says", "added", "adds", "explained", "explains", "noted", "notes", "wrote",
	"writes", "recalled", "recalls", "continued", "continues", "stated", "warned", "warns", "argued", "argues",
	"insisted", "insists", "observed", "observes", "reports", "reported", "writes", "wrote", "tweeted")

// objectVerbs take the person spoken to as their object: "Cook told Benioff".
var objectVerbs = set("told", "tells", "asked", "asks", "urged", "thanked", "reminded", "assured", "informed")

// namingVerbs in the passive give a name, not a speaker: "is called".
var namingVerbs = set("called", "described", "labelled", "labeled", "dubbed", "branded", "termed", "named", "known")
var passiveAux = set("is", "was", "were", "are", "be", "been", "being", "often", "also", "sometimes", "commonly", "widely")

// clauseJoins after a closing mark start a new clause, not an attribution.
var clauseJoins = set("and", "but", "while", "whereas", "yet", "or", "as", "because", "although")

// determiners before a speech word make it a noun: "his call", "the claim".
var determiners = set("the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "that", "whose")

// parentheticals are adverbs set off by commas between a subject and its
// verb: "Netanyahu, however, said".
var parentheticals = set("however", "meanwhile", "though", "too", "also", "instead", "nonetheless",
	"nevertheless", "separately", "later", "earlier", "then", "now", "again", "moreover", "furthermore",
	"therefore", "thus", "similarly", "likewise", "initially")

// finiteAux are the auxiliaries that are verbs of their own: after a name
// they make it a clause's subject.
var finiteAux = set("is", "was", "were", "are", "has", "have", "had", "will", "would", "could", "did", "does")

// firstNameCaps are function words that are also first names: Will, May.
var firstNameCaps = set("will", "may", "june", "april", "august", "grace", "hope", "faith", "joy", "mark", "rich", "bill", "frank")

// nameParticles join the parts of a name: bin, al, van, de.
var nameParticles = set("bin", "ibn", "al", "el", "abu", "abd", "van", "von", "der", "den", "de", "del",
	"della", "da", "di", "du", "la", "le", "dos", "das", "ben", "bint", "ter", "op", "mac", "y")

// months and weekdays mark dates.
var months = map[string]int{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
	"june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
	"october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

// prepositions before a name make it no subject: "at ICICI Securities".
var prepositions = set("at", "of", "for", "from", "with", "by", "in", "on", "to", "into", "about", "against",
	"via", "under", "over", "between", "among", "toward", "towards")

// occupations describe a person after "the" ("said the actor") the way a
// title does: the person last named with one of them is meant.
var occupations = set("actor", "actress", "singer", "star", "coach", "player", "quarterback", "striker",
	"goalkeeper", "manager", "rapper", "musician", "author", "writer", "artist", "comedian", "lawmaker",
	"defendant", "attorney", "lawyer", "prosecutor", "scientist", "researcher", "professor", "economist",
	"historian", "novelist", "filmmaker", "director", "producer", "executive", "founder", "entrepreneur",
	"investor", "candidate", "nominee", "councilman", "councilwoman", "sheriff", "detective", "trooper",
	"pilot", "astronaut", "designer", "chef", "journalist", "columnist", "host", "anchor", "pitcher",
	"forward", "defenseman", "defender", "midfielder", "guard", "winger", "goalie", "veteran", "teacher",
	"superintendent", "commissioner", "priest", "bishop", "archbishop", "cardinal", "rabbi", "pastor")
