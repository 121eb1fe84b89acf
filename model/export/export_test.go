package export

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"sitrep/model"
	"sitrep/model/extract"
	"sitrep/model/store"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

var ctx = context.Background()

// now and base are fixed so the golden files do not depend on the clock.
var (
	now  = time.Date(2026, 11, 26, 3, 30, 0, 0, time.UTC)
	base = time.Date(2016, 2, 12, 21, 4, 0, 0, time.UTC)
)

func strp(s string) *string   { return &s }
func f64p(f float64) *float64 { return &f }

// quote makes a quotation whose span is where text first occurs in body.
func quote(t *testing.T, body, text string, speaker, role *string) extract.Quote {
	t.Helper()
	i := strings.Index(body, text)
	if i < 0 {
		t.Fatalf("quote %q not in body", text)
	}
	return extract.Quote{Text: text, Speaker: speaker, Role: role, Start: i, End: i + len(text)}
}

// stat makes a figure whose span is where text first occurs in body.
func stat(t *testing.T, body, text string, s extract.Stat) extract.Stat {
	t.Helper()
	i := strings.Index(body, text)
	if i < 0 {
		t.Fatalf("figure %q not in body", text)
	}
	s.Text, s.Start, s.End = text, i, i+len(text)
	return s
}

const syriaBody = "The 17 countries agreed \u201cto implement a nationwide cessation of hostilities to begin in a target of one week\u2019s time,\u201d U.S. Secretary of State John Kerry said.\n\n" +
	"Ian Bremmer, president of the Eurasia group, said peace was \u201cstill a far off hope.\u201d The war has claimed over 250,000 lives. Between 300 and 400 trucks are waiting.\n\n" +
	"\u201cThere is going to be a lot more fighting on the ground,\u201d said a diplomat. Hundreds of families fled, Bremmer said, calling it \u201ca catastrophe.\u201d\n\n" +
	"Nearly 4.6 million refugees have left the country."

func syria(t *testing.T) model.Story {
	b := syriaBody
	return model.Story{
		Key: "syria", Link: "https://www.businessinsider.com/syria-ceasefire-obstacles-2016-2",
		Title:  "\u2018Huge obstacles\u2019 stand in the way of Syria ceasefire",
		Author: "Natasha Bertrand", Published: base, Body: b, Words: 90,
		Quotes: []extract.Quote{
			quote(t, b, "to implement a nationwide cessation of hostilities to begin in a target of one week\u2019s time,", strp("John Kerry"), strp("US Secretary of State")),
			quote(t, b, "still a far off hope.", strp("Ian Bremmer"), strp("president of the Eurasia group")),
			quote(t, b, "There is going to be a lot more fighting on the ground,", nil, nil),
			quote(t, b, "a catastrophe.", strp("Ian Bremmer"), nil),
		},
		Stats: []extract.Stat{
			stat(t, b, "over 250,000 lives", extract.Stat{Value: 250000, Lower: f64p(250000), Qualifier: "over", Unit: "people", Category: extract.Killed}),
			stat(t, b, "Between 300 and 400 trucks", extract.Stat{Value: 300, Lower: f64p(300), Upper: f64p(400), Unit: "trucks", Category: extract.Aid}),
			stat(t, b, "Hundreds of families", extract.Stat{Value: 100, Lower: f64p(100), Unit: "families", Category: extract.Displaced, Vague: true}),
			stat(t, b, "Nearly 4.6 million refugees", extract.Stat{Value: 4.6e6, Upper: f64p(4.6e6), Qualifier: "nearly", Unit: "people", Category: extract.Refugees}),
		},
		Triage: model.Triage{Starred: true},
		Tags:   []string{"aleppo", "un"},
		Note:   "Check the 250,000 against OHCHR *figures* <soon>",
	}
}

// hostile has a title and body full of Markdown syntax, and no link.
func hostile(t *testing.T) model.Story {
	b := "- not a list item\n1990. Not an ordered list either: 12 killed.\n=====\n\n" +
		"<script>alert(1)</script> | a | table | `code` *stars* _under_ [x](javascript:alert(1)) &amp; AT&T ~~gone~~ #tag ##\n\n" +
		"    indented four spaces\n\n> not a quote"
	return model.Story{
		Key: "hostile", Title: "# Breaking | `rm -rf` *alert* [click](javascript:x) <b>bold</b> ##",
		Author: "*Desk* #1", Published: base.Add(-time.Hour), Body: b, Words: 30,
		Stats: []extract.Stat{
			stat(t, b, "12 killed", extract.Stat{Value: 12, Lower: f64p(12), Upper: f64p(12), Unit: "people", Category: extract.Killed}),
		},
		Triage: model.Triage{Starred: true},
	}
}

// plain has no quotes, no figures and no author.
func plain() model.Story {
	return model.Story{
		Key: "plain", Link: "http://example.org/plain", Title: "Talks resume in Geneva",
		Published: base.Add(-2 * time.Hour), Body: "Talks resumed on Monday.", Words: 4,
		Triage: model.Triage{Starred: true, Read: true},
	}
}

// unstarred must stay out of a starred export.
func unstarred() model.Story {
	return model.Story{
		Key: "unstarred", Link: "https://example.org/u", Title: "Not kept",
		Published: base.Add(time.Hour), Body: "Nothing to keep.", Words: 3,
	}
}

// openStore makes an in-memory store with one feed holding stories.
func openStore(t *testing.T, stories ...model.Story) *store.SQLite {
	t.Helper()
	s, err := store.OpenMemory()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	f, _, err := s.AddFeed(ctx, "https://feeds.example.org/rss")
	if err != nil {
		t.Fatal(err)
	}
	f.Title = "Business Insider"
	if err := s.SaveFeedState(ctx, f); err != nil {
		t.Fatal(err)
	}
	// Batches keep the big paging test quick.
	for len(stories) > 0 {
		batch := stories[:min(len(stories), 500)]
		stories = stories[len(batch):]
		hashes := make([]string, len(batch))
		for i, st := range batch {
			hashes[i] = st.Key
		}
		if _, err := s.UpsertStories(ctx, f.ID, batch, hashes); err != nil {
			t.Fatal(err)
		}
		for _, st := range batch {
			if len(st.Tags) > 0 || st.Note != "" {
				setTagsAndNote(t, s, st)
			}
		}
	}
	return s
}

// setTagsAndNote gives the stored story titled like st its tags and note,
// which UpsertStories does not write.
func setTagsAndNote(t *testing.T, s *store.SQLite, st model.Story) {
	t.Helper()
	for _, v := range []model.View{model.ViewAll, model.ViewArchived} {
		hs, err := s.Queue(ctx, model.Filter{View: v}, 0, 10000)
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range hs {
			if h.Title == st.Title {
				if err := s.SetTags(ctx, h.ID, st.Tags); err != nil {
					t.Fatal(err)
				}
				if err := s.SetNote(ctx, h.ID, st.Note); err != nil {
					t.Fatal(err)
				}
				return
			}
		}
	}
	t.Fatalf("story %q not stored", st.Title)
}

func export(t *testing.T, src Source, opts Options) (string, int) {
	t.Helper()
	if opts.Now.IsZero() {
		opts.Now = now
	}
	var buf bytes.Buffer
	n, err := Write(ctx, src, &buf, opts)
	if err != nil {
		t.Fatalf("Write(%+v): %v", opts, err)
	}
	return buf.String(), n
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./model/export -update)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file (go test ./model/export -update to accept):\n%s", name, got)
	}
}

func TestGolden(t *testing.T) {
	st := openStore(t, syria(t), hostile(t), plain(), unstarred())
	for _, tc := range []struct {
		name, format string
		filter       model.Filter
		want         int
	}{
		{"starred.md", "md", model.Filter{View: model.ViewStarred}, 3},
		{"starred.jsonl", "json", model.Filter{View: model.ViewStarred}, 3},
		{"search.md", "", model.Filter{View: model.ViewAll, Search: "Geneva"}, 1},
		{"unread.jsonl", "json", model.Filter{View: model.ViewUnread}, 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, n := export(t, st, Options{Filter: tc.filter, Format: tc.format})
			if n != tc.want {
				t.Errorf("n = %d, want %d", n, tc.want)
			}
			golden(t, tc.name, out)
		})
	}
}

func TestMarkdownStructure(t *testing.T) {
	st := openStore(t, syria(t), hostile(t), plain(), unstarred())
	out, _ := export(t, st, Options{Filter: model.Filter{View: model.ViewStarred}})
	for _, want := range []string{
		"- Stories: 3 stories, newest first\n",
		"## \u2018Huge obstacles\u2019 stand in the way of Syria ceasefire\n",
		"- Source: Business Insider\n",
		"- Published: 2016-02-12 21:04 UTC\n",
		"- Link: <https://www.businessinsider.com/syria-ceasefire-obstacles-2016-2>\n",
		"**Ian Bremmer**, president of the Eurasia group:\n\n- \u201cstill a far off hope.\u201d (bytes ",
		"- \u201ca catastrophe.\u201d (bytes ",
		"(speaker not named):\n\n- \u201cThere is going to be",
		"  > Ian Bremmer, president of the Eurasia group, said peace was \u201cstill a far off hope.\u201d\n",
		"- **killed**: over 250,000 lives \u2014 at least 250,000 people (bytes ",
		"- **aid**: Between 300 and 400 trucks \u2014 300\u2013400 trucks",
		"(vague count, conservative lower bound)",
		"- **refugees**: Nearly 4.6 million refugees \u2014 at most 4,600,000 people",
		"## \\# Breaking \\| \\`rm -rf\\` \\*alert\\* \\[click\\](javascript:x) \\<b\\>bold\\</b\\> \\#\\#\n",
		"- Author: \\*Desk\\* \\#1\n",
		"- Link: none\n",
		"> \\- not a list item\n> 1990\\. Not an ordered list",
		"> \\=====\n",
		"> indented four spaces\n",
		"> \\> not a quote\n",
		"&amp; AT&T",
		"### Quotes\n\nNone found.\n",
		"### Figures\n\nNone found.\n",
		"- Author: not given\n",
		"End of export: 3 stories.\n",
	} {
		want = strings.Replace(want, "&amp;", "\\&amp;", 1)
		if !strings.Contains(out, want) {
			t.Errorf("Markdown lacks %q", want)
		}
	}
	if strings.Contains(out, "Not kept") {
		t.Error("an unstarred story was exported")
	}
	// Quotes are grouped: Bremmer's two quotations under one label, and
	// the unnamed speaker after every named one.
	if c := strings.Count(out, "**Ian Bremmer**"); c != 1 {
		t.Errorf("Bremmer labelled %d times, want once", c)
	}
	if strings.Index(out, "(speaker not named)") < strings.Index(out, "a catastrophe") {
		t.Error("unattributed quotes come before a named speaker's")
	}
	// No line of a story section may open a heading other than the ones
	// the exporter writes, nor a fence or HTML block.
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "#") && !strings.HasPrefix(line, "# sitrep export") &&
			!strings.HasPrefix(line, "## ") && !strings.HasPrefix(line, "### ") {
			t.Errorf("stray heading line %q", line)
		}
		if strings.HasPrefix(line, "```") || strings.HasPrefix(line, "<") {
			t.Errorf("stray block %q", line)
		}
	}
}

// jsonStoryBack is a line of the JSON export read back.
type jsonStoryBack struct {
	Title     string          `json:"title"`
	Source    string          `json:"source"`
	Author    *string         `json:"author"`
	Published string          `json:"published"`
	Link      *string         `json:"link"`
	Tags      []string        `json:"tags"`
	Note      *string         `json:"note"`
	Quotes    []extract.Quote `json:"quotes"`
	Stats     []extract.Stat  `json:"stats"`
	Text      string          `json:"text"`
	FeedURL   string          `json:"feed_url"`
	Key       string          `json:"key"`
	Read      bool            `json:"read"`
	Starred   bool            `json:"starred"`
	Archived  bool            `json:"archived"`
}

func parseLines(t *testing.T, out string) []jsonStoryBack {
	t.Helper()
	var got []jsonStoryBack
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var s jsonStoryBack
		dec := json.NewDecoder(bytes.NewReader(sc.Bytes()))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&s); err != nil {
			t.Fatalf("line %d: %v: %s", len(got)+1, err, sc.Text())
		}
		got = append(got, s)
	}
	return got
}

func TestJSONLines(t *testing.T) {
	st := openStore(t, syria(t), hostile(t), plain(), unstarred())
	out, n := export(t, st, Options{Filter: model.Filter{View: model.ViewStarred}, Format: "json"})
	lines := parseLines(t, out)
	if n != 3 || len(lines) != 3 {
		t.Fatalf("n = %d, %d lines; want 3", n, len(lines))
	}
	titles := []string{lines[0].Title, lines[1].Title, lines[2].Title}
	if titles[0] != syria(t).Title || titles[2] != "Talks resume in Geneva" {
		t.Errorf("order: %q", titles)
	}
	if !reflect.DeepEqual(lines[0].Tags, []string{"aleppo", "un"}) || lines[0].Note == nil ||
		*lines[0].Note != "Check the 250,000 against OHCHR *figures* <soon>" {
		t.Errorf("tags %q, note %v of the tagged story", lines[0].Tags, lines[0].Note)
	}
	for _, s := range lines {
		if s.Tags == nil || s.Note == nil {
			t.Errorf("%q: tags or note missing rather than empty", s.Title)
		}
		if s.Source != "Business Insider" {
			t.Errorf("%q: source %q", s.Title, s.Source)
		}
		if _, err := time.Parse(time.RFC3339, s.Published); err != nil {
			t.Errorf("%q: published %q: %v", s.Title, s.Published, err)
		}
		for _, q := range s.Quotes {
			if q.Start < 0 || q.End > len(s.Text) || s.Text[q.Start:q.End] != q.Text {
				t.Errorf("%q: quote %q at %d–%d does not point at its text", s.Title, q.Text, q.Start, q.End)
			}
		}
		for _, f := range s.Stats {
			if f.Start < 0 || f.End > len(s.Text) || s.Text[f.Start:f.End] != f.Text {
				t.Errorf("%q: figure %q at %d–%d does not point at its text", s.Title, f.Text, f.Start, f.End)
			}
		}
	}
	if len(lines[0].Quotes) != 4 || len(lines[0].Stats) != 4 {
		t.Errorf("Syria story: %d quotes, %d figures; want 4, 4", len(lines[0].Quotes), len(lines[0].Stats))
	}
	if q := lines[0].Quotes[1]; q.Speaker == nil || *q.Speaker != "Ian Bremmer" || q.Role == nil {
		t.Errorf("Bremmer's quote lost its speaker or role: %+v", q)
	}
	if lines[1].Link != nil {
		t.Errorf("story without a link has link %q", *lines[1].Link)
	}
	if lines[2].Author != nil {
		t.Errorf("story without an author has author %q", *lines[2].Author)
	}
	// Empty lists are [], as in `sitrep extract --json`.
	if !strings.Contains(out, `"quotes":[],"stats":[]`) {
		t.Error("a story with no highlights does not write empty lists")
	}
}

// counting wraps a Source to see how Write uses it.
type counting struct {
	Source
	queueCalls, maxLimit, storyCalls int
}

func (c *counting) Queue(ctx context.Context, f model.Filter, offset, limit int) ([]model.StoryHeader, error) {
	c.queueCalls++
	c.maxLimit = max(c.maxLimit, limit)
	return c.Source.Queue(ctx, f, offset, limit)
}

func (c *counting) Story(ctx context.Context, id int64) (model.Story, error) {
	c.storyCalls++
	return c.Source.Story(ctx, id)
}

func TestPaging(t *testing.T) {
	const total = 451 // two full pages and a part
	var stories []model.Story
	for i := range total {
		stories = append(stories, model.Story{
			Key: fmt.Sprint("k", i), Title: fmt.Sprintf("Story %03d", i), Link: fmt.Sprint("https://example.org/", i),
			Published: base.Add(time.Duration(i) * time.Minute), Body: "Body.",
			Triage: model.Triage{Starred: i%10 != 0}, // 45 not starred
		})
	}
	st := openStore(t, stories...)
	for _, tc := range []struct {
		name   string
		filter model.Filter
		want   int
	}{
		{"all", model.Filter{View: model.ViewAll}, total},
		{"starred", model.Filter{View: model.ViewStarred}, total - 46},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := &counting{Source: st}
			out, n := export(t, src, Options{Filter: tc.filter, Format: "json"})
			lines := parseLines(t, out)
			if n != tc.want || len(lines) != tc.want {
				t.Fatalf("n = %d, %d lines; want %d", n, len(lines), tc.want)
			}
			if src.maxLimit > pageSize || src.queueCalls != tc.want/pageSize+1 {
				t.Errorf("%d Queue calls, largest page %d", src.queueCalls, src.maxLimit)
			}
			if src.storyCalls != tc.want {
				t.Errorf("%d Story calls for %d stories", src.storyCalls, tc.want)
			}
			seen := map[string]bool{}
			for i, l := range lines {
				if seen[l.Title] {
					t.Errorf("%q exported twice", l.Title)
				}
				seen[l.Title] = true
				if i > 0 && l.Published >= lines[i-1].Published {
					t.Errorf("line %d (%s) is not older than line %d (%s)", i, l.Published, i-1, lines[i-1].Published)
				}
			}
			if tc.name == "starred" && seen["Story 000"] {
				t.Error("an unstarred story was exported")
			}
		})
	}
}

func TestEmpty(t *testing.T) {
	st := openStore(t, unstarred())
	for _, format := range []string{"md", "json"} {
		out, n := export(t, st, Options{Filter: model.Filter{View: model.ViewStarred}, Format: format})
		if n != 0 {
			t.Errorf("%s: n = %d, want 0", format, n)
		}
		if format == "md" {
			golden(t, "empty.md", out)
			if !strings.Contains(out, "- Stories: 0 stories") {
				t.Errorf("empty export does not say 0 stories:\n%s", out)
			}
		} else if out != "" {
			t.Errorf("empty JSON export wrote %q", out)
		}
	}
}

func TestUnknownFormat(t *testing.T) {
	st := openStore(t)
	if _, err := Write(ctx, st, &bytes.Buffer{}, Options{Format: "pdf"}); err == nil {
		t.Error("format pdf accepted")
	}
}

// fake is a Source serving stories as given, which the store (fed by the
// sanitising poller) would never hold: unsafe text, broken spans, a story
// gone between the selection and its loading.
type fake struct{ stories []model.Story }

func (f fake) Queue(_ context.Context, _ model.Filter, offset, limit int) ([]model.StoryHeader, error) {
	var out []model.StoryHeader
	for i := offset; i < len(f.stories) && i < offset+limit; i++ {
		out = append(out, model.StoryHeader{ID: f.stories[i].ID})
	}
	return out, nil
}

func (f fake) Story(_ context.Context, id int64) (model.Story, error) {
	for _, s := range f.stories {
		if s.ID == id && s.Key != "gone" {
			return s, nil
		}
	}
	return model.Story{}, fmt.Errorf("story %d: %w", id, store.ErrNotFound)
}

func TestUnsafeTextKeepsSpans(t *testing.T) {
	body := "Intro \x1b]8;;http://evil\x07link\x1b]8;;\x07 text.\n\n\u201cWe fled,\u201d said Ana.\x1b[2J 40 killed."
	s := model.Story{
		ID: 1, Title: "Bad\x1b[31m title", FeedTitle: "Feed\u202e", Link: "javascript:alert(1)", Published: base, Body: body,
		Quotes: []extract.Quote{quote(t, body, "We fled,", strp("Ana"), nil), {Text: "broken", Start: 5, End: 999}},
		Stats:  []extract.Stat{stat(t, body, "40 killed", extract.Stat{Value: 40, Category: extract.Killed})},
	}
	src := fake{stories: []model.Story{s, {ID: 2, Key: "gone"}}}
	out, n := export(t, src, Options{Format: "json"})
	if n != 1 {
		t.Fatalf("n = %d, want 1 (the missing story is skipped)", n)
	}
	lines := parseLines(t, out)
	l := lines[0]
	if strings.ContainsAny(l.Text+l.Title+l.Source, "\x1b\x07\u202e") {
		t.Errorf("unsafe text exported: %q %q %q", l.Title, l.Source, l.Text)
	}
	if l.Link != nil {
		t.Errorf("javascript: link exported: %q", *l.Link)
	}
	if len(l.Quotes) != 1 || len(l.Stats) != 1 {
		t.Fatalf("%d quotes, %d figures; want the broken span dropped", len(l.Quotes), len(l.Stats))
	}
	if q := l.Quotes[0]; l.Text[q.Start:q.End] != "We fled," {
		t.Errorf("quote span moved wrong: %q", l.Text[q.Start:q.End])
	}
	if f := l.Stats[0]; l.Text[f.Start:f.End] != "40 killed" {
		t.Errorf("figure span moved wrong: %q", l.Text[f.Start:f.End])
	}
	md, _ := export(t, src, Options{Filter: model.Filter{View: model.ViewStarred}})
	if !strings.Contains(md, "End of export: 1 story (1 removed from sitrep while exporting).") {
		t.Errorf("footer does not account for the missing story:\n%s", md)
	}
	if strings.ContainsAny(md, "\x1b\x07\u202e") {
		t.Error("unsafe text in Markdown")
	}
}

func TestSentence(t *testing.T) {
	for _, tc := range []struct {
		text, span, want string
	}{
		{"First one. The war has claimed over 250,000 lives. Last one.", "over 250,000", "The war has claimed over 250,000 lives."},
		{"He said it was \u201cstill a far off hope.\u201d Others disagree.", "still a far off hope.", "He said it was \u201cstill a far off hope.\u201d"},
		{"U.S. Secretary John Kerry said 17 countries agreed. Then.", "17 countries", "U.S. Secretary John Kerry said 17 countries agreed."},
		{"Para one.\n\nGen. Smith said 40 died. More.", "40 died", "Gen. Smith said 40 died."},
		{"Wrapped line\nof text with 5 trucks in it", "5 trucks", "Wrapped line of text with 5 trucks in it"},
		{"It rose to 3.5 million. Next.", "3.5 million", "It rose to 3.5 million."},
		{"\u201cOne. Two. Three,\u201d she said. After.", "One. Two. Three,", "\u201cOne. Two. Three,\u201d she said."},
	} {
		i := strings.Index(tc.text, tc.span)
		if got := sentence(tc.text, i, i+len(tc.span)); got != tc.want {
			t.Errorf("sentence(%q, %q) = %q, want %q", tc.text, tc.span, got, tc.want)
		}
	}
	long := strings.Repeat("word ", 300) + "12 killed " + strings.Repeat("word ", 300)
	i := strings.Index(long, "12 killed")
	got := sentence(long, i, i+9)
	if len(got) > maxContext+10 || !strings.Contains(got, "12 killed") || !strings.HasPrefix(got, "\u2026") || !strings.HasSuffix(got, "\u2026") {
		t.Errorf("long sentence not windowed: %d bytes %q", len(got), got)
	}
}

func TestEscapeText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"plain words, 250,000 lives", "plain words, 250,000 lives"},
		{"# title ##", "\\# title \\#\\#"},
		{"- item", "\\- item"},
		{"+ item", "\\+ item"},
		{"1. first", "1\\. first"},
		{"2016) year", "2016\\) year"},
		{"12.5 percent", "12.5 percent"},
		{"a | b", "a \\| b"},
		{"`x` *y* _z_ [l](u) <h>", "\\`x\\` \\*y\\* \\_z\\_ \\[l\\](u) \\<h\\>"},
		{"at_risk snake_case", "at_risk snake_case"},
		{"AT&T &amp; &#35; & x", "AT&T \\&amp; \\&\\#35; & x"},
		{"   leading", "leading"},
		{"back\\slash", "back\\\\slash"},
		{"=====", "\\====="},
	} {
		if got := escapeText(tc.in); got != tc.want {
			t.Errorf("escapeText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestBounds(t *testing.T) {
	for _, tc := range []struct {
		s    extract.Stat
		want string
	}{
		{extract.Stat{Value: 12, Lower: f64p(12), Upper: f64p(12), Unit: "people"}, "12 people"},
		{extract.Stat{Value: 250000, Lower: f64p(250000), Unit: "people"}, "at least 250,000 people"},
		{extract.Stat{Value: 4.6e6, Upper: f64p(4.6e6)}, "at most 4,600,000"},
		{extract.Stat{Value: 300, Lower: f64p(300), Upper: f64p(400), Unit: "trucks"}, "300\u2013400 trucks"},
		{extract.Stat{Value: 1.5, Unit: "percent"}, "about 1.5 percent"},
		{extract.Stat{Value: 100, Lower: f64p(100), Unit: "people", Vague: true}, "at least 100 people (vague count, conservative lower bound)"},
	} {
		if got := bounds(tc.s); got != tc.want {
			t.Errorf("bounds(%+v) = %q, want %q", tc.s, got, tc.want)
		}
	}
}

func TestCancelled(t *testing.T) {
	st := openStore(t, syria(t), plain())
	c, cancel := context.WithCancel(ctx)
	cancel()
	n, err := Write(c, st, &bytes.Buffer{}, Options{Filter: model.Filter{View: model.ViewStarred}, Now: now})
	if err == nil || n != 0 {
		t.Errorf("cancelled export: n = %d, err = %v", n, err)
	}
}

// failing is a writer whose disk is full.
type failing struct{}

func (failing) Write([]byte) (int, error) { return 0, fmt.Errorf("disk full") }

func TestWriteError(t *testing.T) {
	st := openStore(t, syria(t), plain())
	n, err := Write(ctx, st, failing{}, Options{Filter: model.Filter{View: model.ViewStarred}, Now: now})
	if err == nil || !strings.Contains(err.Error(), "disk full") || n != 0 {
		t.Errorf("n = %d, err = %v; want 0 and the writer's error", n, err)
	}
}
