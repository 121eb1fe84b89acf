package extract

import "testing"

// TestSpeakerCauses has a row for each cause of a missing or wrong speaker
// that issue 7 lists, in made-up sentences of the same shape. It tests the
// attribution rules (the candidates the ranker chooses from), so that each
// shape is proposed right; the ranker's choices are measured on labelled
// articles.
func TestSpeakerCauses(t *testing.T) {
	cases := []struct {
		cause, in string
		want      []string // speaker of each quotation, "" for none
	}{
		// cue words outside the lexicon
		{"conceded", `“We made mistakes,” Jane Roe conceded.`, []string{"Jane Roe"}},
		{"scoffed", `“That is absurd,” scoffed Jane Roe.`, []string{"Jane Roe"}},
		{"wrote in a post", `Jane Roe wrote in a post on Monday: “We will return.”`, []string{"Jane Roe"}},
		{"as X put it", `The talks, as Jane Roe put it, were “a dead end.”`, []string{"Jane Roe"}},
		// mention parsing
		{"broadcaster", `“It is over,” said Broadcaster Jane Roe.`, []string{"Jane Roe"}},
		{"mayor of", `“We rebuild,” said Mayor of Springfield Jane Roe.`, []string{"Jane Roe"}},
		{"of the outlet", `Jane Roe of The Daily Planet said: “The presses stopped.”`, []string{"Jane Roe"}},
		{"bracket after name", `“We will vote no,” said Jane Roe (D-Ohio).`, []string{"Jane Roe"}},
		{"apposition with capitals", `“It is fragile,” said Jane Roe, Chair in Global Politics at Springfield University.`, []string{"Jane Roe"}},
		{"republican of", `“No deal,” said Jane Roe, Republican of Iowa.`, []string{"Jane Roe"}},
		{"surname a place word", "Michael Jordan spoke first.\n\n“We are ready,” Jordan said.", []string{"Michael Jordan"}},
		// after-quote over-reach
		{"Q1. Minister remarked, Q2", `“The road is open.” Minister Jane Roe remarked, “We hope it stays so.”`, []string{"", "Jane Roe"}},
		{"Q. NGO has urged", `“Stop the shelling.” Human Rights Watch has urged both sides to talk.`, []string{""}},
		{"Q1? Y said, Q2", `Cardinal Paolo Verdi said, “Why should bishops be exempt?”  Archbishop Ugo Neri said, “People must know.”`, []string{"Paolo Verdi", "Ugo Neri"}},
		{"Q1. Y, a long apposition, told Q2", `Tom Hale, a lawyer for the family, told the BBC “My client is relieved.” Ann Lee, another lawyer for the victim, told reporters “We won.”`, []string{"Tom Hale", "Ann Lee"}},
		{"Q1. He went on noting that Q2", "Ed Stone said “no”. Since then, a Republican, Jane Roe, has voiced support, telling the Gazette: “I am a fan.” She continued by noting that “the rules are clear.”", []string{"Ed Stone", "Jane Roe", "Jane Roe"}},
		{"Q1. Y then explained he was", `Ana Ruiz called the war “a genocidal war.”  Tom Hale then explained he was an envoy in Korea.`, []string{"Ana Ruiz"}},
		{"Q1. Y stated the road was", `The Sheriff's Office tweeted the road “required all hands.” Authorities stated the road was damaged by the fire.`, []string{"Sheriff's Office"}},
		{"Q1. X called it a Q2", "Riots broke out. Roe-Doe released a statement: “We grieve.”  Governor Max Stone called it a “sad day” but urged calm.", []string{"Roe-Doe", "Max Stone"}},
		{"of a place before the verb, then he", "Crown Prince Omar bin Rashid of Eastland accepted the blame for the death of reporter Tom Hale. Speaking to Ann Lee of KBC, he said, “It happened on my watch.”", []string{"Omar bin Rashid"}},
		{"of the Holy See said", `Cardinal Marco Rossi of the Holy See said, “The rules bind everyone.”`, []string{"Marco Rossi"}},
		{"Q, including X, who warned", `Police held nine people for “spreading rumours,” including the doctor Ana Kovac, who tried to warn others.`, []string{"Police"}},
		{"an apposition, then a day, then the verb", "Ed Stone of Marine Ltd told us the device works.\n\nJane Roe, a security official at the port, on Tuesday told the Post radios were used. She added the crews “are still waiting”.", []string{"Jane Roe"}},
		{"X in doing something to a body said", `Speaker Jean Morel in relaying the news to parliament said, “He is part of our history”.`, []string{"Jean Morel"}},
		{"a long opening phrase, then the body, calling", `In a press release issued the following day, the Eastland Ministry of Foreign Affairs denounced the summit, calling the deals “fully legal”.`, []string{"Eastland Ministry of Foreign Affairs"}},
		{"who denounced X as a Q", `Some urged him to concede, such as former governor Chris Crane, who denounced the team's claims as a “national embarrassment”.`, []string{"Chris Crane"}},
		{"the then-manager of …, Name, called it", `The then-manager of Barton Publicity and Director of the Hill Tourism Board, David Kline, called it “a retrograde step”.`, []string{"David Kline"}},
		// organisations and spokespeople
		{"police said", `“Two men were arrested,” police said.`, []string{"police"}},
		{"ministry spokesperson", `“Aid will flow,” a ministry spokesperson said.`, []string{""}},
		{"an official from a body", `An official from Metro Rail stated: “We are working with the police.”`, []string{"Metro Rail"}},
		{"a spokesman for a person", `A spokesman for Jane Roe said: “She is resting.”`, []string{""}},
		{"the government of a place", `The government of Eastland said the ruling was “a failure.”`, []string{"Government of Eastland"}},
		{"the X campaign", `Roe won. The Doe campaign said the claim was “absolutely false.”`, []string{"Doe campaign"}},
		// passive and absolute constructions
		{"told by", `The crowd was told by Minister Jane Roe of the plan: “We stay.”`, []string{"Jane Roe"}},
		{"with X describing", `Two states criticised the move, with Foreign Minister Jane Roe warning of “dangerous consequences”.`, []string{"Jane Roe"}},
		{"participle after an object", `Jane Roe decided not to play for the Springfield Chess Federation, saying “it wasn't a good fit”.`, []string{"Jane Roe"}},
		{"capitalised apposition before verb", `Jane Roe, Dean of Springfield Law School, called it “a silly argument.”`, []string{"Jane Roe"}},
		{"of a possessive body", `Lead author Jane Roe of Australia's Griffith University said: “The ibis was sacred.”`, []string{"Jane Roe"}},
		{"possessor's partner", `“Heartbroken,” writes Huber's longtime tag team partner Erick Rowan.`, []string{"Erick Rowan"}},
		{"according to a role and name", `According to eyewitness Jane Roe, “it exploded.”`, []string{"Jane Roe"}},
		{"according to a tweet by", `“We act,” according to a tweet on Monday by Minister Jane Roe.`, []string{"Jane Roe"}},
		{"reported sentence then quote", "Jane Roe said the crossing was hard. “It burns the thighs.”", []string{"Jane Roe"}},
		{"unknown cue before quote", "Actor Tom Hale arrived from the set.\n\nHe quipped “I still have dust in my shoes.”", []string{"Tom Hale"}},
		{"he after according to", "According to Peter Muyembe, people fear the clinics. “They will believe,” he told the press.", []string{"Peter Muyembe"}},
		{"said X after the race", `“I was not expecting this,” said Kosgei after the race.`, []string{"Kosgei"}},
		{"who said", `The bill was drafted by Alex Greenwich who said on the floor, “It follows decades of work.”`, []string{"Alex Greenwich"}},
		{"a statement which read", `Facebook released a statement which read, in part, “This judgment raises questions.”`, []string{"Facebook"}},
		{"who after an apposition", `The research was led by Jane Roe, a marine ecologist at GT, who said “There is a lot of argument.”`, []string{"Jane Roe"}},
		{"called on X to", `The Defence Ministry has, in a statement, called on drivers to “not forget the rules.”`, []string{"Defence Ministry"}},
		{"described by X as", `Roe was described by Human Rights Watch as “a tireless advocate”.`, []string{"Human Rights Watch"}},
		{"reads X's statement", `“Restrictions may have justified discrimination,” reads Judge Jane Roe's statement.`, []string{"Jane Roe"}},
		{"role of a body then name", `Offering his condolence, speaker of the parliament Ali Larijani wrote on Instagram: “His life served the system.”`, []string{"Ali Larijani"}},
		{"long aside before said", `Hurley, on radio following the minutes-long ride to low Earth orbit, said, “It was incredible”.`, []string{"Hurley"}},
		{"bracket in the description", `The general secretary of the RMT union (National Union of Rail, Maritime and Transport Workers), Mick Cash, said the measure was “nowhere near enough.”`, []string{"Mick Cash"}},
		{"with X of Y calling", `Republicans attacked the inquiry, with Steve Scalise of Louisiana calling the investigation into Trump “Soviet-style”.`, []string{"Steve Scalise"}},
		{"referred to X as", `At a rally in Minnesota, Jane Roe referred to hecklers as “ugly folks.”`, []string{"Jane Roe"}},
		{"accused X of", `Jane Roe, in a message to fundraisers, accused the president of “trying to scare the country.”`, []string{"Jane Roe"}},
		{"reads a press release", `“He was respected in every way,” reads an AEW press release.`, []string{"AEW"}},
		{"words in the subject's sentence", `Jane Roe professed herself “deeply concerned” about the future.`, []string{"Jane Roe"}},
		{"place word as surname after a role", `“He was a gentle soul,” said Actor Denzel Washington.`, []string{"Denzel Washington"}},
		{"according to him", "Jane Roe visited the camp.\n\nThe camp is “full,” according to him.", []string{""}},
		{"two opening phrases, then X, saying", `In May, at the last debate, Jane Roe set out her plan, saying “I will pick a woman”.`, []string{"Jane Roe"}},
		{"an aside with while", `Jane Roe, while campaigning in Ohio, called the move “a betrayal.”`, []string{"Jane Roe"}},
		{"a body after a possessor after a preposition", "Tom Hale, a biologist at Kent's Royal Animal College, questioned the study.\n\n“However,” he told the journal, “it is a start.”", []string{"Tom Hale", "Tom Hale"}},
		{"a body's name with on", `According to the Commission on Fair Elections, moderators will have “additional tools”.`, []string{"Commission on Fair Elections"}},
		{"a pope keeps the title", "Pope Pius spoke at the summit.\n\n“We must act,” Pius said.", []string{"Pope Pius"}},
		{"a princess does not", `“I gave up my titles,” said Princess Anna Maria.`, []string{"Anna Maria"}},
		{"X issued a statement:", `Ed Stone called it “unacceptable.” The Doe campaign recycled a statement it first put out in July:  “The people will decide.”`, []string{"Ed Stone", "Doe campaign"}},
		{"place-word surname after a lower-case role", "That day, rapper Quillon West said he would run.\n\nWest backed away from his support for President Dale Kim, expressing regret at reports Kim hid.  He criticised Joe Lee, saying he was not “special”.", []string{"Quillon West"}},
		{"X quoted Y as saying", `The Herald quoted Tim Mann, formerly a deputy at the agency, as saying “The agency must be involved.”`, []string{"Tim Mann"}},
		{"a one-word name after a colour", `Red Fox said the board “will decide.”`, []string{"Red Fox"}},
		{"X, the Title of Body said Body had", `Chris Wight, the Chief Officer of Blue Fox said Blue Fox had told the board that it was “shifting our money”.`, []string{"Chris Wight"}},
		{"a body's possessive notice", "The CPA notice was sent first.\n\nCiting a test, RMIA's take-down notice claimed “the code is made for piracy”.", []string{"RMIA"}},
		{"a body, a role, a name", `According to Eastland Courier editor Keni Moa, the movement was able to “hammer home their message.”`, []string{"Keni Moa"}},
		{"a person of a body is no role", `“It's a good sign,” said Ryan Cole of the Harvard Center for Astrophysics.`, []string{"Ryan Cole"}},
		{"a surname ending like a plural opens the sentence", "Delegates met.\n\nTom Withers won.\n\nWithers said in his live stream, “I do not decide lightly”.", []string{"Tom Withers"}},
		{"Q, further saying", `Bank president Okey Oram said the fees “cost Africa billions,” further saying, “It also costs trust.”`, []string{"Okey Oram", "Okey Oram"}},
		{"Q, a lower-case role, a name, said", "It halves the water used.\n\n“Our team” study co-author Tak-Sing Ho said in a press release.", []string{"Tak-Sing Ho"}},
		{"and on Twitter referred to X as", `Max Stone called the inquiry a “witch hunt”, and on Twitter referred to the vote as “The Big Hoax”.`, []string{"Max Stone", "Max Stone"}},
		{"Q, quipped Body editor Name", `“You have to work to earn a weekend,” quipped Valor Comics editor Heather Antz, later adding more.`, []string{"Heather Antz"}},
		{"a body's acronym-modified notice", "The CPA notice went out.\n\nRMIA's CPA notice alleged the tool was made to “circumvent the measures”.", []string{"RMIA"}},
		{"described by X as a Q", `Lisa Manz has been described by the Daily Star as a “squirrel whisperer”.`, []string{"Daily Star"}},
		{"a body in a place, in its statement, said", `The Aam Janata Party in Goa, in its statement, said he was a “gentleman politician”.`, []string{"Aam Janata Party"}},
		{"The Title, Name, said", `The Senate Minority Leader, Chuck Sumner, said on Friday “We made a plea” and “We told him so.”`, []string{"Chuck Sumner", "Chuck Sumner"}},
		{"A Capitalised Role, Name, also commented:", `A Republican Assemblywoman, Jill Toll, also commented on the gap: “Before I ran I did look.”`, []string{"Jill Toll"}},
		{"then-Title Name affirmed …, writing", `In a statement posted before being sworn in, then-Secretary Wanda Vale affirmed her will, writing, “We need stability.”`, []string{"Wanda Vale"}},
		{"A Role to the U.S. House, Name, told", `The Samoan delegate to the U.S. House of Representatives, Amua Ata, told the press: “The residents vote.”`, []string{"Amua Ata"}},
		{"words in the subject's sentence after an opening phrase", `With this alliance with Hellenic countries, Netanyahu envisioned the pipeline ending their “fringe country” status.`, []string{"Netanyahu"}},
		{"nationality, role, name as the sentence's subject", `On Tuesday, Greek prime minister Nikos Pappas speaking to the Atlantic Council think tank called the deal “null and void”.`, []string{"Nikos Pappas"}},
		{"someone else's speech verb in the subject's sentence", `Yesterday, President Ivan Petrenko declined the offer after a recording in which someone audibly says Petrenko “has a primitive view.”`, []string{""}},
		{"a dateline month is no subject", "Saturday, January 26, 2019\n\nProfessor Michael Siegl, co-author of a new study published on January 17, declared gun ownership to be “the strongest predictor”.", []string{""}},
		{"place-word surname set off after a role", `Marchers reached the square. The mayor of Kent, Sadiq Khan, tweeted, “Here in Kent, we stand together.”`, []string{"Sadiq Khan"}},
		{"a name ending in -ing opens the sentence", "The plane crashed.\n\nBoeing did not release details, telling the paper the company “extends its condolences”.", []string{"Boeing"}},
		{"what X called Q", `The move was met with what WalesNews called “fury” from local chiefs.`, []string{"WalesNews"}},
		{"X gave its Q", `The State Office gave its “deepest sympathies” and said the cases were given “intense attention”.`, []string{"State Office", "State Office"}},
		{"X gave a terse Q", `When asked, Rocky De La Fuente gave a terse “no.”`, []string{"Rocky De La Fuente"}},
		{"a pattern described by X as Q", `The tracker shows contact on January 6, with a pattern described by Marine Watch as “rather hectic”.`, []string{"Marine Watch"}},
		{"X took to social media, posting … on Twitter, Q", `Max Stone took to social media, posting at 12:54 am on Twitter, “Tonight, we tested positive.”`, []string{"Max Stone"}},
		{"X from the … camp said", `Regina Ho from the pro-Beijing camp said in a press conference: “The behaviour of my colleagues is wrong.”`, []string{"Regina Ho"}},
		{"X called on Q", `When announcing the shutdown, Prime Minister Tui Malie called on “village councils to help”.`, []string{"Tui Malie"}},
		{"X, which indicated Q", `The prosecution can seek more. Toronto Police, which indicated on Monday a “significant development” was likely, face questions.`, []string{"Toronto Police"}},
		{"X cited Y's Q", `In the letter, Mike Pompe cited the government's “ongoing repression” as his motive.`, []string{"Mike Pompe"}},
		{"the commission: a body headed by the noun", `The United Fund Commission on Fair Debates met. In a statement, the commission said, “The debate moves online.”`, []string{"United Fund Commission on Fair Debates"}},
		{"a body's name with and after of", `The Department of Health and Human Services said the outbreak was “an emergency”.`, []string{"Department of Health and Human Services"}},
		{"an org and a person are two names", `Researchers of the University of Miami and Chris Fallon said: “We had never seen it.”`, []string{""}},
		{"place-word surname before the full name", "“We are ready,” Jordan said on Monday.\n\nMichael Jordan spoke again later.", []string{"Michael Jordan"}},
		{"according to an outlet, a body's voice", `According to the BBC, a spokesman for 10 Downing Street expressed disappointment; “The government needs an agenda.”`, []string{""}},
		{"an opening participle, then X …, saying", `Having won tournaments as a kid, IM Dora Derak decided not to play for the Chess Federation saying “it wasn't a good fit” for her.`, []string{"Dora Derak"}},
		{"X discussed Y, his Q", `Recently, developer Perttu Aho discussed Minegame, his “longest ever project”, with reporters.`, []string{"Perttu Aho"}},
		{"…, screaming Q", `Kanye Weston held his first rally, where he tearfully discussed his child, screaming “I almost lost her!”`, []string{"Kanye Weston"}},
		{"a possessor between two quotations of one speaker", "Jon Hubert died on Saturday.\n\n“Heartbroken,” writes Hubert's longtime partner Erick Rowe on Instagram. “I have lost a brother!”", []string{"Erick Rowe", "Erick Rowe"}},
		{"a body's name with a title word after on", "The Eastland Commission on International Religious Freedom also criticised the move. They released a statement which said, “The site must stay a museum.”", []string{"Eastland Commission on International Religious Freedom"}},
		{"Minister of … Name stays a person", `Minister of Public Health Jane Roe said “no”.`, []string{"Jane Roe"}},
		{"The opinion of the Court read", "Ana Vale was sworn in at the Supreme Court of Eastland.\n\nThe opinion of the Court, released on Wednesday, read in part, “The oath is void.”", []string{"Supreme Court of Eastland"}},
		{"a nationality as a surname", "“We must stand up,” Baloch wrote shortly before her death.\n\nQandeel Baloch made videos.", []string{"Qandeel Baloch"}},
		{"two initials the sentences cut", `Denzel Washton said “hi”. Wayne A. I. Fredericks, president of Howard College, wrote “We mourn the loss.”`, []string{"Denzel Washton", "Wayne A. I. Fredericks"}},
		{"…, also speaking via Twitter:", `Max Stone fired him. Bolt gave a different account, also speaking via Twitter: “I offered to resign.”`, []string{"Bolt"}},
		{"President and CEO Name said", `In a letter published on Monday, Gas Co President and CEO Andy Vesk said the firm would install “100 miles of poles”.`, []string{"Andy Vesk"}},
		{"two people, no one of them", `Dale Roe and Martha Poe said “we agree”.`, []string{""}},
		{"an opening word is no name", `Calling it a “culture of death”, the archbishop condemned the bill.`, []string{""}},
		{"an unnamed body by its kind", `Doris Kay's animal foundation said she had been in “excellent health”.`, []string{""}},
		{"a passive verb's agent after the quotation", `The virus was previously announced to be a “pandemic” by the World Health Organization.`, []string{"World Health Organization"}},
		{"words quoted together", `The Atlantic claimed that Max Stone referred to the soldiers as “losers” and “suckers.”`, []string{"Max Stone", "Max Stone"}},
		{"Former First Lady X", `Former First Lady Mary Hollis gave the keynote address, urging viewers, “we have got to vote”.`, []string{"Mary Hollis"}},
		{"Remarked X, Q", "Scientists urged caution.\n\nRemarked Center for Wild Rivers scientist Tierra Cole, “This is a reprieve.”", []string{"Tierra Cole"}},
		{"a body's website", `The Health Agency's website said: “There is no cure.”`, []string{"Health Agency"}},
		{"first of two subjects, the other no name", "Researcher Jin Park joined later.\n\nTak-Sing Ho and three of his co-authors have started a company. He remarked, “My goal is to invent things.”", []string{"Tak-Sing Ho"}},
		{"a possessive in a body's name", `The Alachua Sheriff's Office said the crash “required all hands.”`, []string{"Alachua Sheriff's Office"}},
		// pronouns
		{"pronoun not a modifier after 'at the'", "Prime Minister Nikos Pappas spoke first.\n\nIn a talk at the United States think tank Blue Council, Pappas reaffirmed that the project is open to all. “We exclude no one,” he said.", []string{"Nikos Pappas"}},
		{"he after 'according to X'", "“We lost,” Matt Myers said.\n\nCaloundra back Jarrod Kidston enjoyed the win.\n\nFitness was a factor, according to Kidston. “We worked hard,” he said.", []string{"Matt Myers", "Jarrod Kidston"}},
		{"he after a possessor opening the sentence", "“Hi,” said Lena Ivers.\n\nActor Brandt Fowler's appearance at the fair was straight from filming in Peru. He quipped “I still have dust in my shoes.”", []string{"Lena Ivers", "Brandt Fowler"}},
		{"pronoun not a country", "France sent aid. Jane Roe, the envoy, arrived.\n\n“We will help,” she said.", []string{"Jane Roe"}},
		{"unknown first name", "Ngozi Okafor leads the clinic.\n\n“We ran out of beds,” Okafor said.", []string{"Ngozi Okafor"}},
		// written words
		{"the statement read", `The Defence Ministry issued a statement. “The border is closed,” read the statement.`, []string{"Defence Ministry"}},
		{"statement read colon", "The Defence Ministry issued a statement on Monday.\n\nThe statement read: “The border is closed.”", []string{"Defence Ministry"}},
		{"a sign that read", `Protesters held a sign that read “No more war.”`, []string{""}},
		// continuation past an object
		{"told CNN's", `Jane Roe told CNN's John Doe: “We are not leaving.” “Never,” she added.`, []string{"Jane Roe", "Jane Roe"}},
		// layout
		{"roundup line", "Jane Roe, The Daily Planet: “The war is far from over.”", []string{"Jane Roe"}},
		{"dotted abbreviation", `“He lied,” said an F.B.I. agent. “We know,” Jane Roe said.`, []string{"", "Jane Roe"}},
		// interview transcripts
		{"answerer's I said", "((WN))  Did anyone object?\n\n((Jane Roe))  My uncle did, and I said, “Let me go.”\n\nLater he said “Stay,” and I left.", []string{"Jane Roe", ""}},
		{"I'm like, in an answer", "((Jane Roe))  People said “stop”, and I'm like, “Why?”", []string{"", "Jane Roe"}},
		{"I'm is nobody's name", "I'm tired of it.  I'm like, “Why not stop?”", []string{""}},
		{"answer runs on unmarked", "((Jane Roe))  It was hard.\n\nThe plan was, “Fix roads first.”", []string{"Jane Roe"}},
		{"you wrote, in a question", "((WN))  You wrote “Roads come first.” Why?\n\n((Jane Roe))  Because they do.", []string{"Jane Roe"}},
		{"a language tag is no answerer", "((WN))  What does it say?\n\n((hi))  “Namaste.”", []string{""}},
		// names in another form
		{"possessor's role, comma, name", `“He was brilliant,” said University of Springfield, East Campus's chancellor, Raj Patel.`, []string{"Raj Patel"}},
		{"brand is no first name", "The Safety team of GitHub Trust met. GitHub also pledged money “to protect developers.”", []string{"GitHub"}},
		{"initial with a one-dot leader", "We reached Sergey M\u2024, a maintainer. Sergey said he “cannot comment”.", []string{"Sergey M\u2024"}},
	}
	for _, c := range cases {
		t.Run(c.cause, func(t *testing.T) {
			qs := newDoc(c.in).attributeWith(nil)
			if len(qs) != len(c.want) {
				t.Fatalf("%d quotations, want %d: %+v", len(qs), len(c.want), qs)
			}
			for i, q := range qs {
				got := ""
				if q.Speaker != nil {
					got = *q.Speaker
				}
				if got != c.want[i] {
					t.Errorf("%q: speaker %q, want %q", q.Text, got, c.want[i])
				}
			}
		})
	}
}

// TestRoles: the role shown beside a speaker is an apposition, cut before
// a relative clause, never a clause that follows the name.
func TestRoles(t *testing.T) {
	cases := []struct{ in, speaker, role string }{
		{`“These people pay the salaries,” said Clara Ivanova, the senior sanctions official who announced the measures.`, "Clara Ivanova", "senior sanctions official"},
		{"“We came to talk,” said Mireille Castan, the mediator appointed by the bloc.\n\nAccording to Castan, the two sides have agreed to exchange lists.", "Mireille Castan", "mediator appointed by the bloc"},
	}
	for _, c := range cases {
		r := Extract(c.in)
		if len(r.Quotes) == 0 || r.Quotes[0].Speaker == nil || *r.Quotes[0].Speaker != c.speaker {
			t.Fatalf("%q: quotes %+v, want speaker %q", c.in, r.Quotes, c.speaker)
		}
		got := ""
		if r.Quotes[0].Role != nil {
			got = *r.Quotes[0].Role
		}
		if got != c.role {
			t.Errorf("%q: role %q, want %q", c.in, got, c.role)
		}
	}
}
