package store

import (
	"context"
	"os"
	"strconv"
	"testing"
	"time"

	"sitrep/model"
)

// pgOnly opens a PostgreSQL store for a test of what only the team store
// has, or skips.
func pgOnly(t *testing.T) *testStore {
	t.Helper()
	if os.Getenv(pgEnv) == "" {
		t.Skipf("PostgreSQL only: set %s", pgEnv)
	}
	return openPGStore(t)
}

// TestFeedLease: of two pollers only one leases a feed until it gives the
// lease up or it expires; the holder may take it again.
func TestFeedLease(t *testing.T) {
	s := pgOnly(t)
	p := s.Store.(*Postgres)
	q := s.as(t, "other").Store.(*Postgres)
	f := addFeed(t, s, "https://a.example/feed")
	take := func(st *Postgres, holder string, ttl time.Duration) bool {
		t.Helper()
		ok, err := st.TakeFeedLease(ctx, f.ID, holder, ttl)
		if err != nil {
			t.Fatal(err)
		}
		return ok
	}
	if !take(p, "a", time.Minute) {
		t.Fatal("a could not lease a free feed")
	}
	if take(q, "b", time.Minute) {
		t.Error("b leased a feed a holds")
	}
	if !take(p, "a", time.Minute) {
		t.Error("a could not take its own lease again")
	}
	if err := p.ReleaseFeedLeases(ctx, "a"); err != nil {
		t.Fatal(err)
	}
	if !take(q, "b", time.Millisecond) {
		t.Error("b could not lease a released feed")
	}
	time.Sleep(5 * time.Millisecond)
	if !take(p, "a", time.Minute) {
		t.Error("a could not lease a feed whose lease expired")
	}
	if ok, err := p.TakeFeedLease(ctx, 999999, "a", time.Minute); ok || err != nil {
		t.Errorf("lease of a feed that does not exist = %v, %v", ok, err)
	}
	// The team poller's heartbeat.
	if who, err := q.TeamPoller(ctx); who != "" || err != nil {
		t.Errorf("TeamPoller = %q, %v before any", who, err)
	}
	if err := p.Heartbeat(ctx, "serve@host", time.Minute); err != nil {
		t.Fatal(err)
	}
	if who, _ := q.TeamPoller(ctx); who != "serve@host" {
		t.Errorf("TeamPoller = %q", who)
	}
	p.StopPoller(ctx, "serve@host")
	if who, _ := q.TeamPoller(ctx); who != "" {
		t.Errorf("TeamPoller = %q after it stopped", who)
	}
}

// TestNotifications: new stories, tags and notes reach a listener on
// another connection as they commit.
func TestNotifications(t *testing.T) {
	s := pgOnly(t)
	other := s.as(t, "ali").Store.(*Postgres)
	lctx, cancel := context.WithCancel(ctx)
	defer cancel()
	ch, err := other.Listen(lctx, ChanStories, ChanNotes)
	if err != nil {
		t.Fatal(err)
	}
	f := addFeed(t, s, "https://a.example/feed")
	upsert(t, s, f.ID, story("k1", "Aleppo", base))
	id := idByKey(t, s, "k1")
	if err := s.ChangeTags(ctx, id, []string{"syria"}, nil); err != nil {
		t.Fatal(err)
	}
	want := []Notification{{ChanStories, itoa(f.ID)}, {ChanNotes, itoa(id) + " " + s.Store.(*Postgres).User()}}
	// Other tests on the same database may notify too: theirs are passed over.
	deadline := time.After(time.Second)
	for _, w := range want {
	wait:
		for {
			select {
			case n := <-ch:
				if n == w {
					break wait
				}
			case <-deadline:
				t.Fatalf("no notification %+v within 1 s", w)
			}
		}
	}
	if got, who := (Notification{ChanNotes, "42 maria"}).StoryID(); got != 42 || who != "maria" {
		t.Errorf("StoryID = %d, %q", got, who)
	}
	cancel()
	for range ch {
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// TestFlagNotifications: a star, and a whole view marked read, reach the
// same user's other reader as ChanFlags with the session that made them,
// so a reader can pass over its own.
func TestFlagNotifications(t *testing.T) {
	s := pgOnly(t)
	p := s.Store.(*Postgres)
	other := s.as(t, p.User()).Store.(*Postgres)
	if other.Session() == p.Session() || len(p.Session()) != 16 {
		t.Fatalf("sessions %q and %q", p.Session(), other.Session())
	}
	lctx, cancel := context.WithCancel(ctx)
	defer cancel()
	ch, err := other.Listen(lctx, ChanFlags)
	if err != nil {
		t.Fatal(err)
	}
	f := addFeed(t, s, "https://flags.example/feed")
	upsert(t, s, f.ID, story("k1", "Aleppo", base), story("k2", "Homs", base.Add(time.Hour)))
	id := idByKey(t, s, "k1")
	if err := s.ChangeTriage(ctx, id, model.ChangeOf(model.Triage{}, model.Triage{Starred: true})); err != nil {
		t.Fatal(err)
	}
	if _, err := s.MarkRead(ctx, model.Filter{View: model.ViewAll, FeedID: f.ID}); err != nil {
		t.Fatal(err)
	}
	deadline := time.After(time.Second)
	for _, want := range []int64{id, -1} {
	wait:
		for {
			select {
			case n := <-ch:
				got, session, user := n.Flags()
				if got == want && session == p.Session() && user == p.User() {
					break wait
				}
			case <-deadline:
				t.Fatalf("no flag notification for story %d within 1 s", want)
			}
		}
	}
}
