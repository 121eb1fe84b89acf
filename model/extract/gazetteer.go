package extract

// Small hand-written gazetteers. They are not meant to be complete: they
// tell places from people (a place is never "he") and give a gender to
// common first names, which is all pronoun resolution needs.

var places = set(
	"afghanistan", "albania", "algeria", "angola", "argentina", "armenia", "australia", "austria",
	"azerbaijan", "bahrain", "bangladesh", "belarus", "belgium", "benin", "bolivia", "bosnia", "botswana",
	"brazil", "britain", "bulgaria", "burkina", "faso", "burma", "burundi", "cambodia", "cameroon",
	"canada", "chad", "chile", "china", "colombia", "congo", "croatia", "cuba", "cyprus", "czechia",
	"denmark", "djibouti", "ecuador", "egypt", "eritrea", "estonia", "ethiopia", "europe", "finland",
	"france", "gabon", "gambia", "georgia", "germany", "ghana", "greece", "guatemala", "guinea", "haiti",
	"honduras", "hungary", "india", "indonesia", "iran", "iraq", "ireland", "israel", "italy", "japan",
	"jordan", "kazakhstan", "kenya", "korea", "kosovo", "kuwait", "kyrgyzstan", "laos", "latvia", "lebanon",
	"liberia", "libya", "lithuania", "mali", "mauritania", "mexico", "moldova", "mongolia", "montenegro",
	"morocco", "mozambique", "myanmar", "namibia", "nepal", "netherlands", "nicaragua", "niger", "nigeria",
	"norway", "oman", "pakistan", "palestine", "panama", "peru", "philippines", "poland", "portugal",
	"qatar", "romania", "russia", "rwanda", "saudi", "arabia", "senegal", "serbia", "sierra", "leone",
	"slovakia", "slovenia", "somalia", "somaliland", "spain", "sri", "lanka", "sudan", "sweden",
	"switzerland", "syria", "taiwan", "tajikistan", "tanzania", "thailand", "togo", "tunisia", "turkey",
	"turkmenistan", "uganda", "ukraine", "emirates", "uae", "uk", "us", "usa", "u.s", "u.k", "america",
	"uzbekistan", "venezuela", "vietnam", "yemen", "zambia", "zimbabwe", "gaza", "kabul", "kandahar",
	"helmand", "logar", "zabul", "kunduz", "herat", "damascus", "aleppo", "idlib", "homs", "raqqa",
	"deir", "ezzor", "baghdad", "mosul", "basra", "fallujah", "kirkuk", "erbil", "tehran", "ankara",
	"istanbul", "beirut", "amman", "riyadh", "doha", "cairo", "tripoli", "benghazi", "khartoum", "darfur",
	"juba", "mogadishu", "nairobi", "addis", "ababa", "tigray", "sanaa", "aden", "hodeidah", "marib",
	"jerusalem", "ramallah", "rafah", "khan", "younis", "jenin", "hebron", "kyiv", "kiev", "kharkiv",
	"mariupol", "donetsk", "luhansk", "crimea", "bakhmut", "odesa", "odessa", "moscow", "washington",
	"london", "paris", "berlin", "brussels", "geneva", "vienna", "rome", "beijing", "delhi", "islamabad",
	"karachi", "kashmir", "dhaka", "yangon", "rakhine", "manila", "mindanao", "bamako", "niamey",
	"ouagadougou", "abuja", "maiduguri", "borno", "goma", "kinshasa", "kivu", "bangui", "ndjamena",
	"sahel", "africa", "asia", "middle", "east", "west", "north", "south", "balkans", "caucasus",
	"pangram", "sarkh", "madaya", "ghouta", "daraa", "latakia", "tartus", "hama", "kobani", "afrin",
	"golan", "sinai", "levant", "kurdistan", "nagorno", "karabakh", "abkhazia", "ossetia", "transnistria",
	"york", "city", "province", "district", "region", "county", "state", "valley", "river", "sea",
	"coast", "border", "strip", "bank", "street", "square", "camp",
)

// countries are the places that are a border away: fleeing to one of them
// makes refugees rather than displaced people.
var countries = set(
	"afghanistan", "albania", "algeria", "armenia", "australia", "austria", "azerbaijan", "bangladesh",
	"belarus", "belgium", "bosnia", "brazil", "britain", "bulgaria", "burundi", "cameroon", "canada",
	"chad", "china", "colombia", "congo", "croatia", "cyprus", "denmark", "djibouti", "egypt", "eritrea",
	"ethiopia", "europe", "finland", "france", "georgia", "germany", "greece", "hungary", "india",
	"iran", "iraq", "ireland", "israel", "italy", "jordan", "kenya", "kuwait", "lebanon", "libya",
	"mali", "mauritania", "mexico", "moldova", "niger", "nigeria", "norway", "pakistan", "poland",
	"qatar", "romania", "russia", "rwanda", "saudi", "senegal", "serbia", "slovakia", "somalia",
	"spain", "sudan", "sweden", "switzerland", "syria", "tajikistan", "tanzania", "thailand", "tunisia",
	"turkey", "uganda", "ukraine", "uzbekistan", "venezuela", "yemen", "zambia", "zimbabwe", "bangladesh",
	"malaysia", "indonesia", "america", "us", "uk", "the",
)

// nationalities are adjectives of place: they start a title ("Russian
// Prime Minister") and are never a person.
var nationalities = set(
	"afghan", "african", "albanian", "algerian", "american", "arab", "armenian", "australian", "austrian",
	"azerbaijani", "bahraini", "bangladeshi", "belarusian", "belgian", "bosnian", "brazilian", "british",
	"bulgarian", "burmese", "burundian", "cameroonian", "canadian", "chadian", "chilean", "chinese",
	"colombian", "congolese", "croatian", "cuban", "czech", "danish", "dutch", "egyptian", "emirati",
	"eritrean", "ethiopian", "european", "finnish", "french", "georgian", "german", "ghanaian", "greek",
	"haitian", "hungarian", "indian", "indonesian", "iranian", "iraqi", "irish", "israeli", "italian",
	"japanese", "jordanian", "kazakh", "kenyan", "korean", "kurdish", "kuwaiti", "lebanese", "libyan",
	"lithuanian", "malian", "mexican", "moroccan", "nigerian", "nigerien", "norwegian", "omani",
	"pakistani", "palestinian", "pashtun", "persian", "polish", "portuguese", "qatari", "romanian",
	"russian", "rwandan", "saudi", "serbian", "somali", "spanish", "sudanese", "swedish", "swiss",
	"syrian", "taiwanese", "tajik", "thai", "tunisian", "turkish", "ugandan", "ukrainian", "uzbek",
	"venezuelan", "vietnamese", "western", "yemeni", "zimbabwean", "sunni", "shia", "shiite", "muslim",
	"christian", "jewish", "islamist", "islamic", "taliban", "kurd", "alawite", "druze", "houthi",
	"yazidi", "rohingya", "uighur", "uyghur", "baloch", "tamil", "hutu", "tutsi", "fulani", "amhara",
	"oromo", "tigrayan", "hazara", "tajik", "uzbek", "turkmen", "chechen", "crimean", "hamas",
	"hezbollah", "nato", "eu", "un", "u.n", "us", "u.s", "uk", "u.k", "pro-government", "rebel",
	"pro-russian", "russian-backed", "us-led", "iranian-backed", "saudi-led",
)

// knownOrgs are bodies that speak and are often named by a single word.
var knownOrgs = set("un", "u.n", "nato", "eu", "afp", "ap", "reuters", "pentagon", "kremlin", "idf",
	"hamas", "hezbollah", "taliban", "isis", "isil", "daesh", "unicef", "unhcr", "who", "wfp", "ocha",
	"icrc", "msf", "acled", "amnesty", "bbc", "cnn", "aljazeera", "tass", "xinhua", "irna", "sana",
	"unrwa", "iom", "oxfam", "hrw", "ohchr", "usaid", "cia", "fbi", "nsa", "sdf", "ypg", "pkk", "fsa",
	"hts", "al-shabab", "al-shabaab", "al-qaeda", "boko", "haram", "wagner", "houthis", "interfax",
	"ria", "novosti", "anadolu", "yonhap", "kcna", "efe", "dpa", "ansa", "kyodo", "whitehouse")

// maleNames and femaleNames are common first names from the regions news
// on conflict names most. Unknown names have no gender: he and she then
// fall back on titles and on the nearest person.
var maleNames = set(
	"john", "james", "robert", "michael", "william", "david", "richard", "joseph", "thomas", "charles",
	"christopher", "daniel", "matthew", "anthony", "mark", "donald", "steven", "paul", "andrew", "joshua",
	"kenneth", "kevin", "brian", "george", "timothy", "ronald", "edward", "jason", "jeffrey", "ryan",
	"jacob", "gary", "nicholas", "eric", "jonathan", "stephen", "larry", "justin", "scott", "brandon",
	"benjamin", "samuel", "gregory", "frank", "alexander", "raymond", "patrick", "jack", "dennis",
	"jerry", "tyler", "aaron", "jose", "adam", "henry", "nathan", "douglas", "zachary", "peter", "kyle",
	"walter", "ethan", "jeremy", "harold", "keith", "christian", "roger", "noah", "gerald", "carl",
	"terry", "sean", "austin", "arthur", "lawrence", "jesse", "dylan", "bryan", "joe", "jordan", "billy",
	"bruce", "albert", "willie", "gabriel", "logan", "alan", "juan", "wayne", "roy", "ralph", "randy",
	"eugene", "vincent", "russell", "elijah", "louis", "bobby", "philip", "johnny", "mike", "bill", "tom",
	"jim", "bob", "tony", "chris", "dan", "dave", "steve", "ben", "sam", "nick", "rex", "lloyd", "antony",
	"boris", "emmanuel", "francois", "jean", "pierre", "jacques", "nicolas", "olaf", "angelo", "mario",
	"giuseppe", "recep", "tayyip", "mevlut", "vladimir", "sergei", "sergey", "dmitry", "dmitri", "alexei",
	"alexey", "yevgeny", "yevgeniy", "nikolai", "viktor", "volodymyr", "oleksiy", "dmytro", "petro",
	"andriy", "mykhailo", "bashar", "hafez", "maher", "ali", "mohammed", "muhammad", "mohammad", "mohamed",
	"ahmed", "ahmad", "mahmoud", "mustafa", "hassan", "hussein", "hussain", "omar", "umar", "abdullah",
	"abdul", "khalid", "khaled", "ibrahim", "ismail", "yusuf", "youssef", "salman", "faisal", "fahd",
	"hamad", "tamim", "zayed", "saeed", "said", "walid", "waleed", "tariq", "nabil", "samir", "karim",
	"rami", "fadi", "bassam", "hamid", "hamza", "jamal", "kamal", "nasser", "osama", "ayman", "abu",
	"ashraf", "hamid", "zabihullah", "sirajuddin", "anas", "haibatullah", "mullah", "amrullah", "abdul",
	"gulbuddin", "zalmay", "hamdullah", "rahmatullah", "ahmad", "shah", "massoud", "hassan", "javad",
	"ebrahim", "qassem", "hossein", "mahmoud", "benjamin", "yair", "naftali", "benny", "yoav", "isaac",
	"yitzhak", "avi", "moshe", "ehud", "shimon", "ariel", "narendra", "imran", "nawaz", "shehbaz",
	"asif", "bilawal", "xi", "li", "wang", "abiy", "isaias", "salva", "riek", "omar", "abdel", "fattah",
	"abdelaziz", "mohamed", "muammar", "khalifa", "fayez", "recep", "kim", "jong", "moon", "shinzo",
	"fumio", "justin", "jens", "josep", "antonio", "ban", "kofi", "staffan", "geir", "martin", "filippo",
	"volker", "tedros", "lord", "julien", "ian", "jeremy", "barack", "joe", "hillary", "lloyd", "jake",
	"ned", "jen", "kurt", "rex", "marco", "lindsey", "mitch", "chuck", "ted", "rand", "mitt", "jim",
	"hunter", "kevin", "timothy", "stephen", "colin", "jens", "hakan", "yahya", "ismail", "osama",
	"hasan", "nasrallah", "sayyed", "moqtada", "nouri", "haider", "adel", "mustafa", "barham", "masoud",
	"nechirvan", "mazloum", "salih", "ilham", "nikol", "alexander", "aleksandr", "ramzan", "yevgeny",
)

var femaleNames = set(
	"mary", "patricia", "jennifer", "linda", "elizabeth", "barbara", "susan", "jessica", "sarah", "karen",
	"nancy", "lisa", "betty", "margaret", "sandra", "ashley", "kimberly", "emily", "donna", "michelle",
	"dorothy", "carol", "amanda", "melissa", "deborah", "stephanie", "rebecca", "sharon", "laura",
	"cynthia", "kathleen", "amy", "shirley", "angela", "helen", "anna", "brenda", "pamela", "nicole",
	"emma", "samantha", "katherine", "christine", "debra", "rachel", "catherine", "carolyn", "janet",
	"ruth", "maria", "heather", "diane", "virginia", "julie", "joyce", "victoria", "olivia", "kelly",
	"christina", "lauren", "joan", "evelyn", "judith", "megan", "cheryl", "andrea", "hannah", "martha",
	"jacqueline", "frances", "gloria", "ann", "teresa", "kathryn", "sara", "janice", "jean", "alice",
	"madison", "doris", "abigail", "julia", "judy", "grace", "denise", "amber", "marilyn", "beverly",
	"danielle", "theresa", "sophia", "marie", "diana", "brittany", "natalie", "isabella", "charlotte",
	"rose", "alexis", "kayla", "hillary", "condoleezza", "nikki", "kamala", "nancy", "ursula", "angela",
	"theresa", "liz", "kate", "annalena", "kaja", "jacinda", "julia", "giorgia", "marine", "segolene",
	"samantha", "linda", "madeleine", "jen", "karine", "dana", "ilhan", "alexandria", "michele",
	"fatima", "aisha", "ayesha", "khadija", "zainab", "maryam", "mariam", "noor", "nour", "leila", "layla",
	"amina", "aminah", "salma", "huda", "hanan", "rania", "yasmin", "yasmine", "samira", "farah",
	"malala", "benazir", "maryam", "sheikh", "hasina", "aung", "suu", "kyi", "golda", "tzipi", "ayelet",
	"olena", "iryna", "yulia", "natalia", "maria", "svetlana", "tatiana", "olga", "irina", "valentina",
	"ekaterina", "anastasia", "elena", "ludmila", "zakharova", "ellen", "winnie", "graca", "wangari",
	"stephanie", "catherine", "caroline", "louise", "claire", "sophie", "emily", "jane", "lucy", "sarah",
	"anne", "christiane", "federica", "michelle", "hina", "shireen", "razan", "hind", "maha", "mona",
	"nadia", "nada", "rima", "reem", "dima", "lina", "rasha", "suad", "zeinab", "zahra", "masih", "narges",
	"shirin", "nasrin", "sima", "parisa", "roya", "fawzia", "habiba", "sima", "malalai", "frozan",
)
