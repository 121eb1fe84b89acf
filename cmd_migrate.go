package main

// sitrep migrate --from FILE.db --to postgres://… (issue 11): one person's
// SQLite file joins a team's PostgreSQL. Feeds and stories (text, quotes,
// figures, tags, notes) are copied, and the file's read, starred and
// archived flags become the --user's. It merges as import-json does: a
// story already there keeps its text and gains flags and tags, so running
// it twice copies nothing the second time. It counts what it copied and
// reads every story back to check it.

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"

	"sitrep/model"
	"sitrep/model/store"
)

func init() {
	commandHelp["migrate"] = `sitrep migrate --from FILE.db --to postgres://… [--user NAME]

Copies a SQLite file's feeds and stories (text, quotes, figures, tags and
notes) into a team's PostgreSQL, and its read, starred and archived flags
as NAME's (--user, else $SITREP_USER, else the login name). Stories
already there keep their text and note and gain the file's flags and tags,
so a second run copies nothing. It prints what it copied and reads every
story back: exit 1 if anything is missing.`
}

// migrateCounts is what a migration copied, and checked.
type migrateCounts struct {
	feeds, newFeeds                      int
	stories, newStories                  int
	read, starred, archived, tags, notes int
	notesKept                            int
}

func runMigrate(ctx context.Context, args []string, user string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("sitrep migrate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	from := fs.String("from", "", "the SQLite file")
	to := fs.String("to", "", "the team's PostgreSQL (postgres://…)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *from == "" || !store.IsPostgresURL(*to) || store.IsPostgresURL(*from) || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "sitrep: migrate needs --from FILE.db --to postgres://…")
		return 2
	}
	if _, err := os.Stat(*from); err != nil {
		fmt.Fprintln(stderr, "sitrep:", err)
		return 1
	}
	src, err := store.Open(*from)
	if err != nil {
		fmt.Fprintf(stderr, "sitrep: %s: %v\n", *from, err)
		return 1
	}
	defer src.Close()
	dst, err := store.OpenPostgresAs(*to, user)
	if err != nil {
		fmt.Fprintf(stderr, "sitrep: %s: %v\n", store.RedactURL(*to), err)
		return 1
	}
	defer dst.Close()
	c, err := migrate(ctx, src, dst)
	fmt.Fprintf(stdout, "%s → %s as %s: %d feeds (%d new), %d stories (%d new); %d read, %d starred, %d archived; %d tagged, %d noted",
		*from, store.RedactURL(*to), dst.User(), c.feeds, c.newFeeds, c.stories, c.newStories, c.read, c.starred, c.archived, c.tags, c.notes)
	if c.notesKept > 0 {
		fmt.Fprintf(stdout, " (%d kept the note already there)", c.notesKept)
	}
	fmt.Fprintln(stdout)
	if err != nil {
		fmt.Fprintln(stderr, "sitrep: migrate:", err)
		return 1
	}
	fmt.Fprintln(stdout, "checked: every story, flag, tag and note is there")
	// The copied stories' quote and figure rows are written before the
	// statistics are taken, so the planner sees them.
	if _, err := dst.CatchUp(ctx); err != nil {
		fmt.Fprintln(stderr, "sitrep: migrate:", err)
		return 1
	}
	if err := dst.Analyze(ctx); err != nil {
		fmt.Fprintln(stderr, "sitrep: migrate:", err)
		return 1
	}
	return 0
}

// migrate copies src into dst and checks each story there afterwards.
func migrate(ctx context.Context, src *store.SQLite, dst *store.Postgres) (migrateCounts, error) {
	var c migrateCounts
	feeds := map[int64]model.Feed{} // src feed id → dst feed
	dstFeed := func(id int64) (model.Feed, error) {
		if f, ok := feeds[id]; ok {
			return f, nil
		}
		sf, err := src.Feed(ctx, id)
		if err != nil {
			return model.Feed{}, err
		}
		df, created, err := dst.AddFeed(ctx, sf.URL)
		if err != nil {
			return model.Feed{}, err
		}
		c.feeds++
		if created {
			c.newFeeds++
			// What the reader chose; the poll state starts afresh.
			df.Title, df.SiteURL, df.Tags, df.FullText, df.UpdateHint = sf.Title, sf.SiteURL, sf.Tags, sf.FullText, sf.UpdateHint
			if err := dst.SaveFeedState(ctx, df); err != nil {
				return model.Feed{}, err
			}
		}
		feeds[id] = df
		return df, nil
	}
	var after int64
	for {
		ids, err := src.StoryIDsAfter(ctx, after, 500)
		if err != nil {
			return c, err
		}
		for _, id := range ids {
			if err := migrateStory(ctx, src, dst, id, dstFeed, &c); err != nil {
				return c, fmt.Errorf("story %d: %w", id, err)
			}
		}
		if len(ids) < 500 {
			return c, nil
		}
		after = ids[len(ids)-1]
	}
}

func migrateStory(ctx context.Context, src *store.SQLite, dst *store.Postgres, id int64,
	dstFeed func(int64) (model.Feed, error), c *migrateCounts) error {
	s, err := src.Story(ctx, id)
	if err != nil {
		return err
	}
	f, err := dstFeed(s.FeedID)
	if err != nil {
		return err
	}
	c.stories++
	ids, err := dst.StoryIDs(ctx, f.ID, []string{s.Key})
	if err != nil {
		return err
	}
	did, had := ids[s.Key]
	if !had {
		hashes, err := src.ContentHashes(ctx, s.FeedID, []string{s.Key})
		if err != nil {
			return err
		}
		if _, err := dst.UpsertStories(ctx, f.ID, []model.Story{s}, []string{hashes[s.Key]}); err != nil {
			return err
		}
		if ids, err = dst.StoryIDs(ctx, f.ID, []string{s.Key}); err != nil {
			return err
		}
		if did = ids[s.Key]; did == 0 {
			return errors.New("not stored")
		}
		c.newStories++
	}
	cur, err := dst.Story(ctx, did)
	if err != nil {
		return err
	}
	if ch := mergeTriage(s.Triage, cur.Triage); !ch.Empty() {
		if err := dst.ChangeTriage(ctx, did, ch); err != nil {
			return err
		}
	}
	var add []string
	for _, t := range s.Tags {
		if !slices.Contains(cur.Tags, t) {
			add = append(add, t)
		}
	}
	if len(add) > 0 {
		if err := dst.ChangeTags(ctx, did, add, nil); err != nil {
			return err
		}
	}
	if s.Note != "" && cur.Note == "" {
		if err := dst.SetNote(ctx, did, s.Note); err != nil {
			return err
		}
	}
	// Read it back: the check the counts rest on.
	got, err := dst.Story(ctx, did)
	if err != nil {
		return err
	}
	switch {
	case s.Read && !got.Read, s.Starred && !got.Starred, s.Archived && !got.Archived:
		return fmt.Errorf("%q: flags %+v on PostgreSQL, %+v in the file", s.Title, got.Triage, s.Triage)
	case got.Note == "" && s.Note != "":
		return fmt.Errorf("%q: note missing", s.Title)
	case got.Title != s.Title || got.Body != s.Body && !had:
		return fmt.Errorf("%q: text differs on PostgreSQL", s.Title)
	}
	for _, t := range s.Tags {
		if !slices.Contains(got.Tags, t) {
			return fmt.Errorf("%q: tag %s missing", s.Title, t)
		}
	}
	if s.Note != "" && got.Note != s.Note {
		c.notesKept++
	}
	c.read += b2i(s.Read)
	c.starred += b2i(s.Starred)
	c.archived += b2i(s.Archived)
	c.tags += b2i(len(s.Tags) > 0)
	c.notes += b2i(s.Note != "")
	return nil
}

// mergeTriage is the change that adds the file's flags to those there.
func mergeTriage(file, there model.Triage) model.TriageChange {
	var c model.TriageChange
	t := true
	if file.Read && !there.Read {
		c.Read = &t
	}
	if file.Starred && !there.Starred {
		c.Starred = &t
	}
	if file.Archived && !there.Archived {
		c.Archived = &t
	}
	return c
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
