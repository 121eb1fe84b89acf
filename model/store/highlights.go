package store

import (
	"strings"
	"unicode/utf8"

	"sitrep/model/extract"
)

// The quotes and figures of every story, one row each, so that searches
// (speaker:, cat:), the Speakers and Figures panes and the CSV export can
// ask for them across stories by index. Migration 6 made them from the JSON
// story_texts then kept, by json_each; since migration 11 the rows are the
// only copy, which the story pane reads too (highlights_home.go).

// The columns of the quote and figure tables, as migration 6 made them and
// migration 11 (highlights_home.go) makes them again, clustered.
const (
	quotesColumnsSQL = `(
		story_id    INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
		n           INTEGER NOT NULL, -- index in the story's quotes
		speaker     TEXT,             -- the fullest name the story gives, NULL for none
		speaker_key TEXT,             -- lower(speaker)
		surname     TEXT,             -- the last word of speaker_key
		role        TEXT,
		text        TEXT    NOT NULL,
		start       INTEGER NOT NULL, -- byte offsets into the body
		"end"       INTEGER NOT NULL,
		PRIMARY KEY (story_id, n)
	)`
	figuresColumnsSQL = `(
		story_id  INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
		n         INTEGER NOT NULL,
		category  TEXT    NOT NULL,
		value     DOUBLE PRECISION NOT NULL,
		lower     DOUBLE PRECISION,
		upper     DOUBLE PRECISION,
		unit      TEXT    NOT NULL DEFAULT '',
		qualifier TEXT    NOT NULL DEFAULT '',
		vague     INTEGER NOT NULL DEFAULT 0,
		text      TEXT    NOT NULL,
		start     INTEGER NOT NULL,
		"end"     INTEGER NOT NULL,
		PRIMARY KEY (story_id, n)
	)`
)

// highlightsSchema creates the tables and fills them from the stories
// already saved (migration 6).
var highlightsSchema = []string{
	`CREATE TABLE quotes ` + quotesColumnsSQL,
	`CREATE INDEX quotes_surname ON quotes (surname, story_id) WHERE surname IS NOT NULL`,
	`CREATE TABLE figures ` + figuresColumnsSQL,
	`CREATE INDEX figures_category ON figures (category, value, story_id)`,
	`INSERT INTO quotes ` + quoteRows(`t.story_id`, `story_texts t, json_each(t.quotes) j`),
	`INSERT INTO figures ` + figureRows(`t.story_id`, `story_texts t, json_each(t.stats) j`),
}

// quoteRows selects the quote rows of the JSON arrays in from (whose
// elements are j), for story id.
func quoteRows(id, from string) string {
	const sp = `json_extract(j.value, '$.speaker')`
	return `(story_id, n, speaker, speaker_key, surname, role, text, start, "end")
		SELECT ` + id + `, j.key, ` + sp + `, lower(` + sp + `),
			lower(substr(` + sp + `, length(rtrim(` + sp + `, replace(` + sp + `, ' ', ''))) + 1)),
			json_extract(j.value, '$.role'), COALESCE(json_extract(j.value, '$.text'), ''),
			COALESCE(json_extract(j.value, '$.start'), 0), COALESCE(json_extract(j.value, '$.end'), 0)
		FROM ` + from + ` WHERE j.type = 'object'`
}

func figureRows(id, from string) string {
	return `(story_id, n, category, value, lower, upper, unit, qualifier, vague, text, start, "end")
		SELECT ` + id + `, j.key, COALESCE(json_extract(j.value, '$.category'), 'other'),
			COALESCE(json_extract(j.value, '$.value'), 0),
			json_extract(j.value, '$.lower'), json_extract(j.value, '$.upper'),
			COALESCE(json_extract(j.value, '$.unit'), ''), COALESCE(json_extract(j.value, '$.qualifier'), ''),
			COALESCE(json_extract(j.value, '$.vague'), 0), COALESCE(json_extract(j.value, '$.text'), ''),
			COALESCE(json_extract(j.value, '$.start'), 0), COALESCE(json_extract(j.value, '$.end'), 0)
		FROM ` + from + ` WHERE j.type = 'object'`
}

// The statements that write and remove a story's rows (the indexer,
// index_pending.go; the upserter, when a story changes). The rows are made
// in Go from the story's quotes and stats, as json_each makes them from the
// JSON in story_texts (TestHighlightRowsMatchJSON): parsing that JSON again
// in SQL for every field of every row was four tenths of the writer's time
// in a polling round.
var (
	insQuoteSQL = `INSERT INTO quotes (story_id, n, speaker, speaker_key, surname, role, text, start, "end")
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
	insFigureSQL = `INSERT INTO figures (story_id, n, category, value, lower, upper, unit, qualifier, vague, text, start, "end")
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	delQuotesSQL  = `DELETE FROM quotes WHERE story_id = ?`
	delFiguresSQL = `DELETE FROM figures WHERE story_id = ?`
)

// valuesRepeated is insert, an INSERT ending in one VALUES tuple, with
// that tuple n times.
func valuesRepeated(insert string, n int) string {
	i := strings.LastIndex(insert, "(")
	tuple := insert[i:]
	return insert[:i] + strings.TrimSuffix(strings.Repeat(tuple+", ", n), ", ")
}

// quoteArgs are the columns of quote n of story id after the story id and
// n, as quoteRows gives them: speaker_key is SQLite's lower(), which folds
// ASCII only, and surname its last word.
func quoteArgs(q *extract.Quote) (speaker, key, surname, role any, text string) {
	text = jsonText(q.Text)
	if q.Speaker != nil {
		sp := jsonText(*q.Speaker)
		k := asciiLower(sp)
		speaker, key, surname = sp, k, k[strings.LastIndexByte(k, ' ')+1:]
	}
	if q.Role != nil {
		role = jsonText(*q.Role)
	}
	return speaker, key, surname, role, text
}

// nullFloat is v for the database, NULL for nil.
func nullFloat(v *float64) any {
	if v == nil {
		return nil
	}
	return *v
}

// jsonText is s as it comes back out of the JSON story_texts keeps:
// encoding/json writes each invalid UTF-8 byte as U+FFFD.
func jsonText(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			b.WriteRune(utf8.RuneError)
		} else {
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// asciiLower is SQLite's lower() without ICU: A-Z only.
func asciiLower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; 'A' <= c && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if 'A' <= b[j] && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}
