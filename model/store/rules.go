package store

// The business rules every backend shares: what a note, a tag, a story key
// and a headline are, how a batch of stories is prepared for saving and how
// a change of triage moves a feed's counters. The backends (sqlite.go,
// postgres.go) differ only in their SQL; whatever is decided in Go is
// decided here, once.

import (
	"fmt"
	"strings"
	"time"

	"sitrep/model"
	"sitrep/model/sanitize"
)

// cleanNote is a note as it is kept: sanitised, line breaks kept, trimmed.
func cleanNote(note string) string { return strings.TrimSpace(sanitize.Text(note)) }

// prepareStories encodes a feed's batch for saving (keys, dates, headline,
// fingerprint; see encodeStory) and drops a key's later copies: the
// first one wins. hashes[i] is the content hash of stories[i].
func prepareStories(stories []model.Story, hashes []string, now time.Time) ([]encodedStory, error) {
	if len(hashes) != len(stories) {
		return nil, fmt.Errorf("store: %d stories but %d hashes", len(stories), len(hashes))
	}
	enc := make([]encodedStory, 0, len(stories))
	seen := make(map[string]bool, len(stories))
	for i, st := range stories {
		e, err := encodeStory(st, hashes[i], now)
		if err != nil {
			return nil, fmt.Errorf("store: encoding story %q: %w", st.Key, err)
		}
		if seen[e.Key] {
			continue
		}
		seen[e.Key] = true
		enc = append(enc, e)
	}
	return enc, nil
}

// triageDelta is the change to a feed's counters when one of its stories
// goes from triage old to triage now.
func triageDelta(old, now model.Triage) tally {
	var c tally
	c.add(old, -1)
	c.add(now, +1)
	return c
}

// flagWas is the triage a story had before a bulk action set (or, with
// !set, cleared) flag ("read" or "archived") and left it at now.
func flagWas(now model.Triage, flag string, set bool) model.Triage {
	was := now
	if flag == "read" {
		was.Read = !set
	} else {
		was.Archived = !set
	}
	return was
}

// tallies gathers counter changes by feed.
type tallies map[int64]*tally

func (ts tallies) add(feed int64, c tally) {
	t := ts[feed]
	if t == nil {
		t = &tally{}
		ts[feed] = t
	}
	t.stories += c.stories
	t.unread += c.unread
	t.starred += c.starred
	t.archived += c.archived
}
