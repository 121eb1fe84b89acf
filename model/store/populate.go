package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
	"time"

	"sitrep/model"
	"sitrep/model/extract"
)

// Populater is what Populate needs of a store.
type Populater interface {
	AddFeed(ctx context.Context, url string) (model.Feed, bool, error)
	SaveFeedState(ctx context.Context, f model.Feed) error
	UpsertStories(ctx context.Context, feedID int64, stories []model.Story, hashes []string) (model.SaveResult, error)
}

// populateBase is the publication time of the newest synthetic story;
// Populate spreads the others over the 90 days before it.
var populateBase = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

// Populate fills s with feeds synthetic feeds and stories synthetic stories
// spread over them, for benchmarks (the store's, and the reader's start-up
// with 100,000 stories). The same arguments always give the same data,
// published over the 90 days before 1 March 2026 12:00 UTC:
// ~4 KB bodies of news-like prose with real quote and figure spans, a
// realistic triage mix (older stories mostly read, a few starred and
// archived) and the feed polling state filled in. Stories go in through
// UpsertStories in large batches, so the counters and the search index are
// exactly as in normal use. Either backend can be filled (the load test
// fills PostgreSQL); there the triage goes to the store's user.
func Populate(ctx context.Context, s Populater, feeds, stories int) error {
	return PopulateWith(ctx, s, feeds, stories, 1)
}

// PopulateWith is Populate with writers batches saved at once, for a store
// whose writers do not queue behind one lock (PostgreSQL). The stories are
// the same; the order they are saved in, and so their ids, may differ.
func PopulateWith(ctx context.Context, s Populater, feeds, stories, writers int) error {
	if feeds <= 0 {
		return fmt.Errorf("store: populate needs at least one feed")
	}
	rng := rand.New(rand.NewPCG(20260301, uint64(feeds)<<32|uint64(stories)))
	ids := make([]int64, feeds)
	for i := range feeds {
		f, _, err := s.AddFeed(ctx, fmt.Sprintf("https://synthetic%02d.example/feeds/%03d.xml", i%50, i))
		if err != nil {
			return err
		}
		f.Title = fmt.Sprintf("%s %d", pick(rng, feedNames), i+1)
		f.SiteURL = fmt.Sprintf("https://synthetic%02d.example/", i%50)
		f.Tags = []string{pick(rng, regions)}
		f.ETag = fmt.Sprintf(`"%08x"`, rng.Uint32())
		f.LastPoll = populateBase
		f.NextPoll = populateBase.Add(15 * time.Minute)
		if i%17 == 16 { // a few feeds are failing, as in real life
			f.LastError, f.ErrorCount = "HTTP 503", 1+i%4
		}
		if err := s.SaveFeedState(ctx, f); err != nil {
			return err
		}
		ids[i] = f.ID
	}

	const batch = 2000
	saves := newSaver(ctx, s, writers)
	save := saves.save
	span := 90 * 24 * time.Hour
	pending := make([][]model.Story, feeds)
	flush := func(fi int) error {
		b := pending[fi]
		if len(b) == 0 {
			return nil
		}
		hashes := make([]string, len(b))
		for i, st := range b {
			h := sha256.Sum256([]byte(st.Title + "\x00" + st.Body))
			hashes[i] = hex.EncodeToString(h[:])
		}
		pending[fi] = nil
		return save(ids[fi], b, hashes)
	}
	for i := range stories {
		if err := ctx.Err(); err != nil {
			return err
		}
		fi := rng.IntN(feeds)
		// i = 0 is the newest; ages grow evenly with a little jitter.
		age := time.Duration(float64(span) * (float64(i) + rng.Float64()) / float64(max(stories, 1)))
		st := synthStory(rng, i, populateBase.Add(-age).Truncate(time.Second))
		switch r := rng.Float64(); {
		case r < 0.01:
			st.Starred = true
		case r < 0.06:
			st.Archived = true
		}
		// The newest tenth is mostly unread; beyond it the reader has caught up.
		st.Read = i > stories/10 && rng.Float64() < 0.9 || rng.Float64() < 0.1
		pending[fi] = append(pending[fi], st)
		if len(pending[fi]) >= batch {
			if err := flush(fi); err != nil {
				return err
			}
		}
	}
	for fi := range pending {
		if err := flush(fi); err != nil {
			saves.wait()
			return err
		}
	}
	return saves.wait()
}

// saver saves batches of stories on up to writers goroutines and keeps the
// first error.
type saver struct {
	ctx   context.Context
	s     Populater
	slots chan struct{}
	wg    sync.WaitGroup
	mu    sync.Mutex
	err   error
}

func newSaver(ctx context.Context, s Populater, writers int) *saver {
	return &saver{ctx: ctx, s: s, slots: make(chan struct{}, max(writers, 1))}
}

// save saves a batch, at once when one writer is asked for, else on a
// goroutine of its own once a slot is free; it returns an earlier batch's
// error, if any.
func (sv *saver) save(feedID int64, b []model.Story, hashes []string) error {
	if cap(sv.slots) == 1 {
		_, err := sv.s.UpsertStories(sv.ctx, feedID, b, hashes)
		return err
	}
	sv.slots <- struct{}{}
	sv.wg.Add(1)
	go func() {
		defer func() { <-sv.slots; sv.wg.Done() }()
		if _, err := sv.s.UpsertStories(sv.ctx, feedID, b, hashes); err != nil {
			sv.mu.Lock()
			if sv.err == nil {
				sv.err = err
			}
			sv.mu.Unlock()
		}
	}()
	sv.mu.Lock()
	defer sv.mu.Unlock()
	return sv.err
}

func (sv *saver) wait() error {
	sv.wg.Wait()
	return sv.err
}

func pick(rng *rand.Rand, xs []string) string { return xs[rng.IntN(len(xs))] }

// storyWriter builds a body while recording the spans of what it writes.
type storyWriter struct {
	b      strings.Builder
	quotes []extract.Quote
	stats  []extract.Stat
}

func (w *storyWriter) text(s string) { w.b.WriteString(s) }

func (w *storyWriter) quote(text, speaker, role string) {
	w.text("\u201c")
	start := w.b.Len()
	w.text(text)
	w.quotes = append(w.quotes, extract.Quote{Text: text, Speaker: &speaker, Role: &role, Start: start, End: w.b.Len()})
	w.text("\u201d said " + speaker + ", " + role + ". ")
}

func (w *storyWriter) stat(qualifier string, value float64, unit string, cat extract.Category) {
	text := extract.FormatNumber(value)
	if qualifier != "" {
		text = qualifier + " " + text
	}
	start := w.b.Len()
	w.text(text)
	v := value
	w.stats = append(w.stats, extract.Stat{Text: text, Value: value, Lower: &v, Qualifier: qualifier,
		Unit: unit, Category: cat, Start: start, End: w.b.Len()})
}

// synthStory writes one plausible story of about 4 KB.
func synthStory(rng *rand.Rand, n int, published time.Time) model.Story {
	place := pick(rng, places)
	var w storyWriter
	for para := 0; w.b.Len() < 3600+rng.IntN(900); para++ {
		if para > 0 {
			w.text("\n\n")
		}
		for range 3 + rng.IntN(3) {
			switch rng.IntN(5) {
			case 0:
				w.quote(pick(rng, quoteTexts), pick(rng, speakers), pick(rng, roles))
			case 1:
				fig := figures[rng.IntN(len(figures))]
				w.text(fig.before)
				w.stat(pick(rng, qualifiers), float64((1+rng.IntN(999))*fig.scale), fig.unit, fig.cat)
				w.text(strings.ReplaceAll(fig.after, "{place}", place) + " ")
			default:
				s := pick(rng, fillers)
				s = strings.ReplaceAll(s, "{place}", place)
				s = strings.ReplaceAll(s, "{org}", pick(rng, orgs))
				w.text(s + " ")
			}
		}
	}
	body := w.b.String()
	title := fmt.Sprintf("%s: %s", place, pick(rng, headlines))
	return model.Story{
		Key:       fmt.Sprintf("urn:synthetic:%d", n),
		Link:      fmt.Sprintf("https://synthetic.example/%s/%d", strings.ToLower(strings.ReplaceAll(place, " ", "-")), n),
		Title:     title,
		Author:    pick(rng, speakers),
		Published: published,
		FirstSeen: published.Add(time.Duration(rng.IntN(600)) * time.Second),
		Body:      body,
		Words:     len(strings.Fields(body)),
		Quotes:    w.quotes,
		Stats:     w.stats,
	}
}

var (
	feedNames = []string{"Relief Wire", "Conflict Desk", "Frontline Monitor", "Humanitarian Update",
		"Crisis Watch", "Field Report", "Border Observer", "Regional Bulletin"}
	regions = []string{"Middle East", "Sahel", "Horn of Africa", "Great Lakes", "Caucasus", "South Asia"}
	places  = []string{"Aleppo", "Idlib", "Madaya", "Goma", "El Fasher", "Khartoum", "Mekelle", "Kharkiv",
		"Gaza", "Rafah", "Mogadishu", "Bamako", "Cox's Bazar", "Marib", "Tigray", "Bunia", "Sanaa", "Kherson"}
	headlines = []string{"thousands flee as fighting intensifies", "convoy reaches besieged district",
		"ceasefire talks stall", "aid agencies warn of famine", "shelling hits hospital",
		"displacement camp overwhelmed", "negotiators agree on humanitarian corridor", "death toll rises"}
	speakers = []string{"Amina Yusuf", "Jan Egeland", "Martin Griffiths", "Lina Haddad", "Omar Farouk",
		"Sophie Laurent", "Kofi Mensah", "Elena Petrova", "Ahmed Khalil", "Grace Wanjiru"}
	roles = []string{"a spokeswoman for the UN refugee agency", "head of the local council",
		"the regional director of the aid group", "a senior analyst at the Crisis Group",
		"the provincial health minister", "a resident who fled last week"}
	orgs = []string{"the UN refugee agency", "the World Food Programme", "the Red Cross", "Doctors Without Borders",
		"the local authorities", "the African Union", "OCHA"}
	quoteTexts = []string{
		"We have not seen anything like this in a decade",
		"The corridors must stay open, whatever happens at the talks",
		"People are eating grass; there is nothing left in the markets",
		"Every hour of delay costs lives",
		"The agreement is a first step, but only a first step",
		"We need access now, not next week",
		"There is going to be a lot more fighting on the ground",
		"Still a far off hope",
	}
	qualifiers = []string{"", "", "about", "at least", "more than", "nearly", "up to", "over"}
	figures    = []struct {
		before, unit, after string
		scale               int
		cat                 extract.Category
	}{
		{"The fighting has killed ", "people", " civilians in and around {place}, according to local officials.", 1, extract.Killed},
		{"Doctors said ", "people", " people were injured in the latest strikes.", 1, extract.Injured},
		{"Since the offensive began, ", "people", " people have been displaced from {place}.", 100, extract.Displaced},
		{"Across the border, ", "people", " refugees have registered with the authorities.", 1000, extract.Refugees},
		{"The agency estimates that ", "people", " people are at risk of famine.", 1000, extract.AtRisk},
		{"The convoy carried ", "trucks", " trucks of food and medicine.", 1, extract.Aid},
		{"Donors pledged $", "dollars", " million at the conference.", 1, extract.Money},
		{"Officials said ", "people", " people remain missing after the attack.", 1, extract.Missing},
	}
	fillers = []string{
		"Residents of {place} described nights of heavy shelling and days without water or power.",
		"The claims could not be independently verified.",
		"{org} said its teams had been unable to reach several districts.",
		"Roads into {place} remain closed to most traffic, and fuel prices have tripled.",
		"Negotiations are expected to resume next week, diplomats said.",
		"Satellite images reviewed by analysts show large areas of destroyed housing.",
		"Hospitals in {place} are running short of anaesthetics and blood.",
		"{org} appealed for safe passage for civilians and aid workers.",
		"Local volunteers have set up kitchens in schools and mosques.",
		"The government has denied targeting civilian areas.",
		"Aid workers warn that the coming rains will make roads impassable.",
		"Markets reopened briefly during a lull in the fighting.",
	}
)
