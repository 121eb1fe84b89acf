package store

import (
	"context"
	"database/sql"
	"fmt"

	"sitrep/model/extract"
)

// Migration 11 makes the quote and figure rows the one home of a story's
// highlights. Until then story_texts also kept them as JSON, which the story
// pane read: the same figures twice, the JSON three times the size of the
// body (a 4 KB page per story where the body alone is 700 bytes), and the
// largest share of what a polling round wrote. The tables become WITHOUT
// ROWID, clustered on (story_id, n): a story's highlights are one range of
// one B-tree, read in order when the story opens, and each row is written
// to two B-trees instead of three (the rowid table and its primary-key
// index were separate).
var highlightsHomeSchema = []string{
	`CREATE TABLE quotes_new ` + quotesColumnsSQL + ` WITHOUT ROWID`,
	`INSERT INTO quotes_new SELECT story_id, n, speaker, speaker_key, surname, role, text, start, "end"
		FROM quotes ORDER BY story_id, n`,
	`DROP TABLE quotes`,
	`ALTER TABLE quotes_new RENAME TO quotes`,
	`CREATE INDEX quotes_surname ON quotes (surname, story_id) WHERE surname IS NOT NULL`,
	`CREATE INDEX quotes_by_speaker ON quotes (speaker_key, story_id, speaker, role) WHERE speaker_key IS NOT NULL`,
	`CREATE TABLE figures_new ` + figuresColumnsSQL + ` WITHOUT ROWID`,
	`INSERT INTO figures_new SELECT story_id, n, category, value, lower, upper, unit, qualifier, vague, text, start, "end"
		FROM figures ORDER BY story_id, n`,
	`DROP TABLE figures`,
	`ALTER TABLE figures_new RENAME TO figures`,
	`CREATE INDEX figures_category ON figures (category, value, story_id)`,
	`ALTER TABLE story_texts DROP COLUMN quotes`,
	`ALTER TABLE story_texts DROP COLUMN stats`,
}

// storyHighlights reads the quotes and figures of story id in the story's
// order: from packed, the record it waits in for the indexer
// (index_pending.go), read in one statement with its body, else from their
// rows.
func storyHighlights(ctx context.Context, db *sql.DB, id int64, body string, packed []byte) ([]extract.Quote, []extract.Stat, error) {
	if packed != nil {
		return unpackHighlights(packed, body)
	}
	quotes := []extract.Quote{}
	rows, err := db.QueryContext(ctx, `SELECT speaker, role, text, start, "end" FROM quotes WHERE story_id = ? ORDER BY n`, id)
	if err != nil {
		return nil, nil, fmt.Errorf("quotes: %w", err)
	}
	for rows.Next() {
		var q extract.Quote
		var speaker, role sql.NullString
		if err := rows.Scan(&speaker, &role, &q.Text, &q.Start, &q.End); err != nil {
			rows.Close()
			return nil, nil, fmt.Errorf("quotes: %w", err)
		}
		q.Speaker, q.Role = nullString(speaker), nullString(role)
		quotes = append(quotes, q)
	}
	if err := rows.Close(); err != nil {
		return nil, nil, fmt.Errorf("quotes: %w", err)
	}
	stats := []extract.Stat{}
	rows, err = db.QueryContext(ctx, `SELECT category, value, lower, upper, unit, qualifier, vague, text, start, "end"
		FROM figures WHERE story_id = ? ORDER BY n`, id)
	if err != nil {
		return nil, nil, fmt.Errorf("figures: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var f extract.Stat
		var lower, upper sql.NullFloat64
		var vague int
		if err := rows.Scan(&f.Category, &f.Value, &lower, &upper, &f.Unit, &f.Qualifier, &vague,
			&f.Text, &f.Start, &f.End); err != nil {
			return nil, nil, fmt.Errorf("figures: %w", err)
		}
		f.Lower, f.Upper, f.Vague = nullFloatPtr(lower), nullFloatPtr(upper), vague != 0
		stats = append(stats, f)
	}
	if err := rows.Err(); err != nil {
		return nil, nil, fmt.Errorf("figures: %w", err)
	}
	return quotes, stats, nil
}

func nullString(s sql.NullString) *string {
	if !s.Valid {
		return nil
	}
	return &s.String
}

func nullFloatPtr(f sql.NullFloat64) *float64 {
	if !f.Valid {
		return nil
	}
	return &f.Float64
}
