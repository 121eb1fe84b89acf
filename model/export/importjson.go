package export

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"slices"
	"strings"
	"time"

	"sitrep/model"
	"sitrep/model/sanitize"
	"sitrep/model/store"
)

// Target is what ReadJSON needs from the store; store.SQLite has it.
type Target interface {
	EnsureFeed(ctx context.Context, url string) (model.Feed, bool, error)
	SaveFeedState(ctx context.Context, f model.Feed) error
	UpsertStories(ctx context.Context, feedID int64, stories []model.Story, hashes []string) (model.SaveResult, error)
	StoryIDs(ctx context.Context, feedID int64, keys []string) (map[string]int64, error)
	Story(ctx context.Context, id int64) (model.Story, error)
	ChangeTriage(ctx context.Context, id int64, c model.TriageChange) error
	ChangeTags(ctx context.Context, id int64, add, remove []string) error
	SetNote(ctx context.Context, id int64, note string) error
}

// ImportStats says what ReadJSON did.
type ImportStats struct {
	Stories   int // lines read
	New       int // stories that were not in the database
	Merged    int // stories already there that gained a flag, tag or note
	Unchanged int // stories already there as the file has them
	Feeds     int // feeds subscribed to because a story named them
	// NotesKept counts stories whose note in the database differs from
	// the file's: the database's note stays.
	NotesKept int
}

// maxImportLine bounds one line of the file: a story keeps at most 1 MB
// of text, which JSON escaping can grow a few times.
const maxImportLine = 16 << 20

// ReadJSON puts back the stories of a JSON export (`sitrep export --format
// json`): each line's story goes into its feed (subscribed to if missing)
// under its key, with its triage, tags and note. It merges and never takes
// away: a story already there keeps its text, gains the flags set in the
// file and the tags the file adds, and keeps its own note if it has one;
// so importing a file twice changes nothing the second time.
func ReadJSON(ctx context.Context, st Target, r io.Reader) (ImportStats, error) {
	var stats ImportStats
	dec := json.NewDecoder(&lineLimit{r: r})
	feeds := map[string]model.Feed{}
	for line := 1; ; line++ {
		if err := ctx.Err(); err != nil {
			return stats, err
		}
		var js jsonStory
		err := dec.Decode(&js)
		if errors.Is(err, io.EOF) {
			return stats, nil
		}
		if err != nil {
			return stats, fmt.Errorf("story %d: %w", line, err)
		}
		stats.Stories++
		if err := importOne(ctx, st, js, feeds, &stats); err != nil {
			return stats, fmt.Errorf("story %d (%q): %w", line, sanitize.Line(js.Title), err)
		}
	}
}

func importOne(ctx context.Context, st Target, js jsonStory, feeds map[string]model.Feed, stats *ImportStats) error {
	u, err := url.Parse(strings.TrimSpace(js.FeedURL))
	if js.FeedURL == "" {
		return errors.New("no feed_url: the file was exported before sitrep wrote one; export it again")
	}
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || !sanitize.IsSafe(js.FeedURL) {
		return fmt.Errorf("feed_url %q is not an http(s) URL", sanitize.Line(js.FeedURL))
	}
	f, ok := feeds[js.FeedURL]
	if !ok {
		var created bool
		f, created, err = st.EnsureFeed(ctx, u.String())
		if err != nil {
			return err
		}
		if created {
			stats.Feeds++
			if src := sanitize.Line(js.Source); src != "" {
				f.Title = src
				if err := st.SaveFeedState(ctx, f); err != nil {
					return err
				}
			}
		}
		feeds[js.FeedURL] = f
	}

	s := fromJSON(js)
	ids, err := st.StoryIDs(ctx, f.ID, []string{s.Key})
	if err != nil {
		return err
	}
	id, had := ids[s.Key]
	if !had {
		h := sha256.Sum256([]byte(s.Title + "\x00" + s.Body))
		if _, err := st.UpsertStories(ctx, f.ID, []model.Story{s}, []string{"import:" + hex.EncodeToString(h[:16])}); err != nil {
			return err
		}
		if ids, err = st.StoryIDs(ctx, f.ID, []string{s.Key}); err != nil {
			return err
		}
		if id = ids[s.Key]; id == 0 {
			return errors.New("not stored")
		}
		stats.New++
	}
	cur, err := st.Story(ctx, id)
	if err != nil {
		return err
	}
	var c model.TriageChange
	t := true
	if s.Read && !cur.Read {
		c.Read = &t
	}
	if s.Starred && !cur.Starred {
		c.Starred = &t
	}
	if s.Archived && !cur.Archived {
		c.Archived = &t
	}
	changed := false
	if c.Read != nil || c.Starred != nil || c.Archived != nil {
		if err := st.ChangeTriage(ctx, id, c); err != nil {
			return err
		}
		changed = true
	}
	var add []string
	for _, tag := range store.NormalizeTags(s.Tags) {
		if !slices.Contains(cur.Tags, tag) {
			add = append(add, tag)
		}
	}
	if len(add) > 0 {
		if err := st.ChangeTags(ctx, id, add, nil); err != nil {
			return err
		}
		changed = true
	}
	switch {
	case s.Note == "" || s.Note == cur.Note:
	case cur.Note == "":
		if err := st.SetNote(ctx, id, s.Note); err != nil {
			return err
		}
		changed = true
	default:
		stats.NotesKept++
	}
	if had {
		if changed {
			stats.Merged++
		} else {
			stats.Unchanged++
		}
	}
	return nil
}

// fromJSON is the story of one line, sanitised like an export (the file
// may have been edited, or written by someone else) with the spans that
// do not point into its text dropped.
func fromJSON(js jsonStory) model.Story {
	s := model.Story{
		Key:    js.Key,
		Title:  js.Title,
		Body:   js.Text,
		Note:   js.Note,
		Tags:   js.Tags,
		Quotes: js.Quotes,
		Stats:  js.Stats,
		Triage: model.Triage{Read: js.Read, Starred: js.Starred, Archived: js.Archived},
	}
	if js.Author != nil {
		s.Author = *js.Author
	}
	if js.Link != nil {
		s.Link = *js.Link
	}
	if js.Published != nil {
		if t, err := time.Parse(time.RFC3339, *js.Published); err == nil && !t.After(time.Now()) {
			s.Published = t
		}
	}
	p := prepare(s)
	s.Title, s.Author, s.Link, s.Body, s.Note = p.Title, p.Author, p.Link, p.Body, p.Note
	s.Quotes, s.Stats, s.Tags, s.Key = p.Quotes, p.Stats, p.Tags, p.Key
	s.Words = len(strings.Fields(s.Body))
	if s.Key == "" {
		// As the store makes keys for stories that came without one.
		if s.Link != "" {
			s.Key = s.Link
		} else {
			h := sha256.Sum256([]byte(s.Title + "\x00" + s.Published.UTC().Format(time.RFC3339Nano)))
			s.Key = "sha256:" + hex.EncodeToString(h[:])
		}
	}
	return s
}

// lineLimit refuses a line longer than maxImportLine, so a file that is
// not an export (one endless line) cannot take all memory.
type lineLimit struct {
	r   io.Reader
	run int // bytes since the last newline
}

func (l *lineLimit) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	for _, b := range p[:n] {
		if b == '\n' {
			l.run = 0
		} else if l.run++; l.run > maxImportLine {
			return 0, fmt.Errorf("a line longer than %d MB: not a sitrep JSON export", maxImportLine>>20)
		}
	}
	return n, err
}
