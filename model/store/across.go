package store

// Across stories (issue 9): the speakers quoted in a view's stories and
// their quotes, and the figures of a view's stories, read from the quotes
// and figures rows (highlights.go) joined to the view's condition (where).

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"sitrep/model"
	"sitrep/model/extract"
)

// SpeakerStories is how many of a view's newest stories the Speakers view
// reads first: the newest 5,000 take a few milliseconds to count, all of
// 100,000 about half a second, so the view opens on the first and then
// replaces them with the full count (ui/across.go).
const SpeakerStories = 5000

// acrossReads are the reads of this file on one backend: its database,
// the relation of the reader's stories (stories on SQLite; user_stories on
// PostgreSQL, which carries the user's own triage), its where, and pg for
// the few words the two spell differently (pg_across.go).
type acrossReads struct {
	db interface {
		QueryContext(context.Context, string, ...any) (*sql.Rows, error)
		QueryRowContext(context.Context, string, ...any) *sql.Row
	}
	stories string
	where   func(context.Context, model.Filter) (string, []any, error)
	pg      bool
}

func (s *SQLite) across() acrossReads {
	// Every view across stories reads the quote and figure rows, which
	// saved stories wait for (index_pending.go).
	return acrossReads{db: s.db, stories: "stories",
		where: func(ctx context.Context, f model.Filter) (string, []any, error) {
			if err := s.caughtUp(ctx); err != nil {
				return "", nil, err
			}
			return where(f)
		}}
}

// Speakers lists the people quoted in the newest `newest` stories of a
// filter (all of them when newest <= 0), most quoted first (ties by name).
// Name variants are one speaker: a one-word name joins the only fuller
// name that ends with it (Kerry into John Kerry), and names differing only
// in case are one.
func (s *SQLite) Speakers(ctx context.Context, f model.Filter, newest int) ([]model.Speaker, error) {
	return s.across().speakers(ctx, f, newest)
}

func (a acrossReads) speakers(ctx context.Context, f model.Filter, newest int) ([]model.Speaker, error) {
	cond, args, err := a.where(ctx, f)
	if errors.Is(err, errNoMatch) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	from := a.stories + ` s JOIN quotes q ON q.story_id = s.id WHERE (` + cond + `) AND`
	if newest > 0 {
		from = `(SELECT s.id, s.published FROM ` + a.stories + ` s WHERE ` + cond + `
			ORDER BY s.published DESC, s.id DESC LIMIT ?) s
		JOIN quotes q ON q.story_id = s.id WHERE`
		args = append(args, newest)
	}
	rows, err := a.db.QueryContext(ctx, `SELECT q.speaker_key, MAX(q.speaker), MAX(q.role), COUNT(*), MIN(s.published), MAX(s.published)
		FROM `+from+` q.speaker_key IS NOT NULL
		GROUP BY q.speaker_key`, args...)
	if err != nil {
		return nil, fmt.Errorf("store: speakers: %w", err)
	}
	defer rows.Close()
	var all []model.Speaker
	for rows.Next() {
		var sp model.Speaker
		var key string
		var role sql.NullString
		var first, last int64
		if err := rows.Scan(&key, &sp.Name, &role, &sp.Quotes, &first, &last); err != nil {
			return nil, fmt.Errorf("store: speakers: %w", err)
		}
		sp.Role = role.String
		sp.First, sp.Last = goTime(sql.NullInt64{Int64: first, Valid: true}), goTime(sql.NullInt64{Int64: last, Valid: true})
		sp.Names = []string{key}
		all = append(all, sp)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: speakers: %w", err)
	}
	return MergeSpeakers(all), nil
}

// SpeakersCapped says whether a filter holds more than `newest` stories,
// so that Speakers(ctx, f, newest) counted only the newest of them.
func (s *SQLite) SpeakersCapped(ctx context.Context, f model.Filter, newest int) (bool, error) {
	return s.across().speakersCapped(ctx, f, newest)
}

func (a acrossReads) speakersCapped(ctx context.Context, f model.Filter, newest int) (bool, error) {
	if newest <= 0 {
		return false, nil
	}
	cond, args, err := a.where(ctx, f)
	if errors.Is(err, errNoMatch) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	var n int
	if err := a.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM (SELECT 1 FROM `+a.stories+` s WHERE `+cond+`
		ORDER BY s.published DESC, s.id DESC LIMIT ?) newest`, append(args, newest+1)...).Scan(&n); err != nil {
		return false, fmt.Errorf("store: speakers: %w", err)
	}
	return n > newest, nil
}

// MergeSpeakers joins each one-word name into the only fuller name ending
// with it (by the lower-case names in Names), adding up quotes and dates,
// and sorts the result most quoted first. A one-word name that two fuller
// names end with (Kerry: John Kerry and Jane Kerry) stays apart.
func MergeSpeakers(in []model.Speaker) []model.Speaker {
	bySurname := map[string][]int{} // surname -> the fuller names' indexes
	for i, sp := range in {
		k := sp.Names[0]
		if j := strings.LastIndexByte(k, ' '); j >= 0 {
			bySurname[k[j+1:]] = append(bySurname[k[j+1:]], i)
		}
	}
	merged := make([]bool, len(in))
	for i, sp := range in {
		k := sp.Names[0]
		if strings.IndexByte(k, ' ') >= 0 || len(bySurname[k]) != 1 {
			continue
		}
		to := &in[bySurname[k][0]]
		to.Quotes += sp.Quotes
		to.Names = append(to.Names, sp.Names...)
		if to.Role == "" {
			to.Role = sp.Role
		}
		if sp.First.Before(to.First) {
			to.First = sp.First
		}
		if sp.Last.After(to.Last) {
			to.Last = sp.Last
		}
		merged[i] = true
	}
	out := make([]model.Speaker, 0, len(in))
	for i, sp := range in {
		if !merged[i] {
			out = append(out, sp)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Quotes != out[j].Quotes {
			return out[i].Quotes > out[j].Quotes
		}
		return out[i].Name < out[j].Name
	})
	return out
}

// SpeakerQuotes pages through the quotes of a speaker (the lower-case names
// of model.Speaker.Names) in the stories of a filter, newest story first.
func (s *SQLite) SpeakerQuotes(ctx context.Context, f model.Filter, names []string, offset, limit int) ([]model.SpeakerQuote, error) {
	return s.across().speakerQuotes(ctx, f, names, offset, limit)
}

func (a acrossReads) speakerQuotes(ctx context.Context, f model.Filter, names []string, offset, limit int) ([]model.SpeakerQuote, error) {
	if len(names) == 0 || limit <= 0 {
		return nil, nil
	}
	cond, args, err := a.where(ctx, f)
	if errors.Is(err, errNoMatch) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	// Every variant of one person shares the surname, which is indexed.
	key := names[0]
	surname := key[strings.LastIndexByte(key, ' ')+1:]
	qargs := []any{surname}
	in := "?" + strings.Repeat(", ?", len(names)-1)
	for _, n := range names {
		qargs = append(qargs, n)
	}
	qargs = append(qargs, args...)
	qargs = append(qargs, limit, max(offset, 0))
	// A person quoted in many of the stories: SQLite walks the stories
	// newest first and reads each one's quotes (CROSS JOIN keeps that
	// order), instead of sorting every quote of theirs (3.4 s for one
	// quoted in half of a million stories). PostgreSQL's planner chooses
	// well by itself.
	from := `quotes q JOIN ` + a.stories + ` s ON s.id = q.story_id`
	if !a.pg {
		walk, err := walkFinds(ctx, a.db, quoteWalkCost, max(offset, 0)+limit,
			`SELECT COUNT(*) FROM (SELECT 1 FROM quotes WHERE surname = ? LIMIT ?) m`, surname)
		if err != nil {
			return nil, fmt.Errorf("store: speaker quotes: %w", err)
		}
		if walk {
			from = a.stories + ` s CROSS JOIN quotes q ON q.story_id = s.id`
		}
	}
	rows, err := a.db.QueryContext(ctx, `SELECT s.id, `+feedTitleCol+`, s.title, s.published,
			q.speaker, q.text, q.n, q.start, q."end"
		FROM `+from+`
		WHERE q.surname = ? AND q.speaker_key IN (`+in+`) AND `+cond+`
		ORDER BY s.published DESC, s.id DESC, q.n LIMIT ? OFFSET ?`, qargs...)
	if err != nil {
		return nil, fmt.Errorf("store: speaker quotes: %w", err)
	}
	defer rows.Close()
	var out []model.SpeakerQuote
	for rows.Next() {
		var q model.SpeakerQuote
		var pub int64
		if err := rows.Scan(&q.StoryID, &q.Source, &q.Title, &pub, &q.Speaker, &q.Text, &q.N, &q.Start, &q.End); err != nil {
			return nil, fmt.Errorf("store: speaker quotes: %w", err)
		}
		q.Published = goTime(sql.NullInt64{Int64: pub, Valid: true})
		out = append(out, q)
	}
	return out, rows.Err()
}

// quoteWalkCost weighs walking the stories against sorting a person's
// quotes (walkFinds): a story read on the walk costs about what a quote
// sorted does. A variable for the tests.
var quoteWalkCost = 1.0

// rareFigures: a category with fewer figures than this is read whole and
// sorted by date (a few milliseconds); with more, a page of the view's
// stories by date holds enough of them that walking the stories is quicker.
var rareFigures = 4000 // a variable for the tests of both reads

// feedTitleCol is the name of story s's feed, as the queue shows it.
const feedTitleCol = `(SELECT COALESCE(NULLIF(f.user_title, ''), NULLIF(f.title, ''), f.url) FROM feeds f WHERE f.id = s.feed_id)`

// Figures pages through the figures of a filter's stories: of one category
// or all (""), newest story first or, within a category, largest first.
// Each comes with the sentence it stands in.
func (s *SQLite) Figures(ctx context.Context, f model.Filter, category extract.Category, order model.FigureOrder, offset, limit int) ([]model.FigureRow, error) {
	return s.across().figures(ctx, f, category, order, offset, limit)
}

func (a acrossReads) figures(ctx context.Context, f model.Filter, category extract.Category, order model.FigureOrder, offset, limit int) ([]model.FigureRow, error) {
	if limit <= 0 {
		return nil, nil
	}
	cond, args, err := a.where(ctx, f)
	if errors.Is(err, errNoMatch) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var catCond string
	if category != "" {
		catCond = ` AND g.category = ?`
		args = append(args, string(category))
	}
	// The outer loop is chosen, not left to the planner, which guessed
	// wrong at 100,000 stories: by date the view's stories in queue order,
	// each with its few figures; by value the category's figures from the
	// largest down, each checked against the view. By date within a rare
	// category (or one no story has) walking the stories would read all
	// of them for a page, so its few figures are read and sorted instead.
	// SQLite's CROSS JOIN keeps the order written and INDEXED BY names the
	// index; PostgreSQL's planner takes the same hints from the shape of
	// the query (a join in the order written, LIMIT inside).
	join, byCategory := ` CROSS JOIN `, `figures g INDEXED BY figures_category`
	if a.pg {
		join, byCategory = ` JOIN `, `figures g`
	}
	from := a.stories + ` s` + join + `figures g ON g.story_id = s.id`
	orderBy := `s.published DESC, s.id DESC, g.n`
	if category != "" && order == model.FiguresByValue {
		from = byCategory + join + a.stories + ` s ON s.id = g.story_id`
	} else if category != "" {
		var n int
		if err := a.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM (SELECT 1 FROM `+byCategory+`
			WHERE category = ? LIMIT ?) few`, string(category), rareFigures).Scan(&n); err != nil {
			return nil, fmt.Errorf("store: figures: %w", err)
		}
		if n < rareFigures {
			from = byCategory + join + a.stories + ` s ON s.id = g.story_id`
		}
	}
	if order == model.FiguresByValue {
		orderBy = `g.value DESC, g.story_id DESC` // the index's order, read backwards
	}
	args = append(args, limit, max(offset, 0))
	// The page's figures are chosen first, then read with their story's
	// title and source and a window of the body around each, so that a
	// sorted read cuts windows for the page only. The sentence is cut from
	// that window, read as bytes (the offsets are bytes), never the whole
	// 4 KB body.
	greatest, bodyBytes := `max`, `CAST(t.body AS BLOB)`
	if a.pg {
		greatest, bodyBytes = `GREATEST`, `convert_to(t.body, 'UTF8')`
	}
	rows, err := a.db.QueryContext(ctx, `SELECT s.id, `+feedTitleCol+`, s.title, s.published,
			g.n, g.category, g.value, g.lower, g.upper, g.unit, g.qualifier, g.vague, g.text, g.start, g."end",
			(SELECT substr(`+bodyBytes+`, `+greatest+`(1, g.start - 299), g."end" - `+greatest+`(0, g.start - 300) + 300)
				FROM story_texts t WHERE t.story_id = s.id), `+greatest+`(0, g.start - 300)
		FROM (SELECT g.story_id AS id, g.n AS n FROM `+from+`
			WHERE `+cond+catCond+`
			ORDER BY `+orderBy+` LIMIT ? OFFSET ?) p`+
		join+`figures g ON g.story_id = p.id AND g.n = p.n`+
		join+a.stories+` s ON s.id = p.id
		ORDER BY `+orderBy, args...)
	if err != nil {
		return nil, fmt.Errorf("store: figures: %w", err)
	}
	defer rows.Close()
	var out []model.FigureRow
	for rows.Next() {
		var r model.FigureRow
		var pub, winStart int64
		var lower, upper sql.NullFloat64
		var vague int
		var cat string
		var window []byte
		if err := rows.Scan(&r.StoryID, &r.Source, &r.Title, &pub, &r.N, &cat, &r.Stat.Value, &lower, &upper,
			&r.Stat.Unit, &r.Stat.Qualifier, &vague, &r.Stat.Text, &r.Stat.Start, &r.Stat.End, &window, &winStart); err != nil {
			return nil, fmt.Errorf("store: figures: %w", err)
		}
		r.Published = goTime(sql.NullInt64{Int64: pub, Valid: true})
		r.Stat.Category, r.Stat.Vague = extract.Category(cat), vague != 0
		if lower.Valid {
			r.Stat.Lower = &lower.Float64
		}
		if upper.Valid {
			r.Stat.Upper = &upper.Float64
		}
		r.Sentence = sentenceAround(string(window), r.Stat.Start-int(winStart), r.Stat.End-int(winStart))
		out = append(out, r)
	}
	return out, rows.Err()
}

// sentenceEnds are the ends of a sentence, with the space after them.
var sentenceEnds = []string{". ", "? ", "! ", ".\u201d ", "?\u201d ", "!\u201d ", ".\" ", ".\u2019 ", "\n\n", ".\n"}

// sentenceAround is the sentence of text holding [start, end): from after
// the last ". " (or paragraph break) before start to the first one after
// end, on one line.
func sentenceAround(text string, start, end int) string {
	if start < 0 || end > len(text) || start > end {
		return ""
	}
	a := 0
	for _, sep := range sentenceEnds {
		if i := strings.LastIndex(text[:start], sep); i >= 0 && i+len(sep) > a {
			a = i + len(sep)
		}
	}
	e := len(text)
	for _, sep := range sentenceEnds {
		if i := strings.Index(text[end:], sep); i >= 0 && end+i+len(strings.TrimRight(sep, " \n")) < e {
			e = end + i + len(strings.TrimRight(sep, " \n"))
		}
	}
	for a < start && !utf8.RuneStart(text[a]) {
		a++
	}
	for e > end && e < len(text) && !utf8.RuneStart(text[e]) {
		e--
	}
	return strings.Join(strings.Fields(strings.ToValidUTF8(text[a:e], "")), " ")
}
