package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"sitrep/model"
	"sitrep/model/sanitize"
)

// MaxTagRunes is the longest a tag may be; longer ones are cut.
const MaxTagRunes = 64

// NormalizeTag is the stored form of one tag: sanitised, trimmed,
// lower-cased, runs of spaces made one '-', at most MaxTagRunes runes.
// "" means the tag is empty and is dropped.
func NormalizeTag(tag string) string {
	t := strings.Join(strings.Fields(strings.ToLower(sanitize.Line(tag))), "-")
	if utf8.RuneCountInString(t) > MaxTagRunes {
		t = string([]rune(t)[:MaxTagRunes])
	}
	return t
}

// NormalizeTags normalises each tag (NormalizeTag), drops empty ones and
// duplicates, and sorts them. It never returns nil for a non-empty result.
func NormalizeTags(tags []string) []string {
	out := make([]string, 0, len(tags))
	for _, t := range tags {
		if t = NormalizeTag(t); t != "" {
			out = append(out, t)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// storyExists reports ErrNotFound for a missing story.
func storyExists(ctx context.Context, tx *sql.Tx, id int64) error {
	var one int
	err := tx.QueryRowContext(ctx, `SELECT 1 FROM stories WHERE id = ?`, id).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("story %d: %w", id, ErrNotFound)
	}
	return err
}

// SetNote replaces a story's note, sanitised (line breaks kept).
func (s *SQLite) SetNote(ctx context.Context, id int64, note string) error {
	note = cleanNote(note)
	err := s.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE stories SET note = ? WHERE id = ?`, note, id)
		if err != nil {
			return err
		}
		return mustAffect(res, "story", id)
	})
	if err != nil {
		return fmt.Errorf("store: set note: %w", err)
	}
	return nil
}

// SetTags replaces a story's tags with the normalised set, in one
// transaction.
func (s *SQLite) SetTags(ctx context.Context, id int64, tags []string) error {
	tags = NormalizeTags(tags)
	err := s.write(ctx, func(tx *sql.Tx) error {
		if err := storyExists(ctx, tx, id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM story_tags WHERE story_id = ?`, id); err != nil {
			return err
		}
		for _, t := range tags {
			if _, err := tx.ExecContext(ctx, `INSERT INTO story_tags (story_id, tag) VALUES (?, ?)`, id, t); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: set tags: %w", err)
	}
	return nil
}

// ChangeTags adds and removes tags one by one (normalised by
// NormalizeTags), leaving the story's other tags alone: two readers tagging
// one story keep each other's tags.
func (s *SQLite) ChangeTags(ctx context.Context, id int64, add, remove []string) error {
	add, remove = NormalizeTags(add), NormalizeTags(remove)
	if len(add) == 0 && len(remove) == 0 {
		return nil
	}
	err := s.write(ctx, func(tx *sql.Tx) error {
		if err := storyExists(ctx, tx, id); err != nil {
			return err
		}
		for _, t := range remove {
			if _, err := tx.ExecContext(ctx, `DELETE FROM story_tags WHERE story_id = ? AND tag = ?`, id, t); err != nil {
				return err
			}
		}
		for _, t := range add {
			if _, err := tx.ExecContext(ctx, `INSERT INTO story_tags (story_id, tag) VALUES (?, ?)
				ON CONFLICT (story_id, tag) DO NOTHING`, id, t); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: change tags: %w", err)
	}
	return nil
}

// Tags lists the tags in use with their story counts, by tag.
func (s *SQLite) Tags(ctx context.Context) ([]model.TagCount, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT tag, COUNT(*) FROM story_tags GROUP BY tag ORDER BY tag`)
	if err != nil {
		return nil, fmt.Errorf("store: tags: %w", err)
	}
	defer rows.Close()
	var out []model.TagCount
	for rows.Next() {
		var tc model.TagCount
		if err := rows.Scan(&tc.Tag, &tc.Count); err != nil {
			return nil, fmt.Errorf("store: tags: %w", err)
		}
		out = append(out, tc)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: tags: %w", err)
	}
	return out, nil
}

// storyTags reads the tags of the stories ids, sorted, in chunks that keep
// the IN list under the parameter limit.
func storyTags(ctx context.Context, q interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}, ids []int64) (map[int64][]string, error) {
	out := make(map[int64][]string)
	for start := 0; start < len(ids); start += keysPerQuery {
		chunk := ids[start:min(len(ids), start+keysPerQuery)]
		args := make([]any, len(chunk))
		for i, id := range chunk {
			args[i] = id
		}
		rows, err := q.QueryContext(ctx, `SELECT story_id, tag FROM story_tags WHERE story_id IN (?`+
			strings.Repeat(", ?", len(chunk)-1)+`) ORDER BY story_id, tag`, args...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var id int64
			var t string
			if err := rows.Scan(&id, &t); err != nil {
				rows.Close()
				return nil, err
			}
			out[id] = append(out[id], t)
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}
