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

// walkSearch says whether the first `depth` stories of filter f's queue
// are best found by walking the queue (its search matches many stories).
// It counts the matches only as far as it needs to.
func (s *SQLite) walkSearch(ctx context.Context, f model.Filter, depth int) (bool, error) {
	if strings.TrimSpace(f.Search) == "" {
		return false, nil
	}
	q := ftsQuery(f.Search)
	if q == "" {
		return false, nil
	}
	var stories int64
	if err := s.db.QueryRowContext(ctx, `SELECT COALESCE(SUM(n_stories), 0) FROM feeds`).Scan(&stories); err != nil {
		return false, fmt.Errorf("store: search: %w", err)
	}
	need := int64(math.Sqrt(walkCost * float64(depth) * float64(stories)))
	var m int64
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM (SELECT 1 FROM story_fts WHERE story_fts MATCH ? LIMIT ?) m`,
		q, need+1).Scan(&m); err != nil {
		return false, fmt.Errorf("store: search: %w", err)
	}
	return m > need, nil
}
