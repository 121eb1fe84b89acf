package store

// How the queue finds a page of a search on SQLite. The words' condition
// is at first the set of the stories FTS5 matches (searchCond): one pass
// over the index builds it, then the queue's order is walked over it. That
// costs with the number of matches, about 1 s for a word in most of a
// million stories. When the words match so many stories that a page of
// them comes soon walking the queue newest first, each story on the way
// is checked in the index instead (searchWalkCond): 15 ms for that word.

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"strings"

	"sitrep/model"
)

// searchWalkCond is searchCond checked for story s alone.
const searchWalkCond = `EXISTS (SELECT 1 FROM story_fts WHERE story_fts MATCH ? AND rowid = s.id)`

// walkCost weighs the two ways, from measures at a million stories: a
// check of one story costs about 115 µs and each match of the set about
// 1.4 µs. Walking to the end of a page of depth d in a queue of n stories
// of which m match checks about d·n/m stories, so it is the cheaper way
// when 115·d·n/m < 1.4·m, that is when m² > walkCost·d·n. A variable for
// the tests, which walk always (0).
var walkCost = 82.0

// searchWords is how Queue finds the search's words for the first depth
// stories of filter f's queue: story by story as the queue is walked when
// they match many stories (ftsWalkWords), else as the set of matches.
func (s *SQLite) searchWords(ctx context.Context, f model.Filter, depth int) (textSearch, error) {
	if err := s.searchReady(ctx, f); err != nil {
		return nil, err
	}
	q := ""
	if strings.TrimSpace(f.Search) != "" {
		q = ftsQuery(f.Search)
	}
	if q == "" {
		return ftsWords, nil
	}
	walk, err := walkFinds(ctx, s.db, walkCost, depth,
		`SELECT COUNT(*) FROM (SELECT 1 FROM story_fts WHERE story_fts MATCH ? LIMIT ?) m`, q)
	if err != nil {
		return nil, fmt.Errorf("store: search: %w", err)
	}
	if walk {
		return ftsWalkWords, nil
	}
	return ftsWords, nil
}

// ftsWalkWords is ftsWords with the words checked for each story alone.
func ftsWalkWords(sq Search) (string, []any) {
	if q := ftsMatch(sq); q != "" {
		return searchWalkCond, []any{q}
	}
	return ftsWords(sq)
}

// walkFinds says whether walking a queue to depth finds its rows sooner
// than gathering and sorting every match: when there are m matches among
// the store's stories with m² > cost·depth·stories (walkCost says why).
// countSQL counts the matches of arg up to a LIMIT, its second argument,
// so that they are counted only as far as the choice needs.
func walkFinds(ctx context.Context, db interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}, cost float64, depth int, countSQL string, arg any) (bool, error) {
	var stories int64
	if err := db.QueryRowContext(ctx, `SELECT COALESCE(SUM(n_stories), 0) FROM feeds`).Scan(&stories); err != nil {
		return false, err
	}
	need := int64(math.Sqrt(cost * float64(depth) * float64(stories)))
	var m int64
	if err := db.QueryRowContext(ctx, countSQL, arg, need+1).Scan(&m); err != nil {
		return false, err
	}
	return m > need, nil
}
