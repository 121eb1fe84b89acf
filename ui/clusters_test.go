package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"sitrep/model"
	"sitrep/model/extract"
	"sitrep/model/store"
)

// clusterStore is the fixture with one event told by three more sources:
// the wire's story (212 killed), a paper's reprint with a paragraph cut
// and a new headline (212), and a blog's with another byline (190).
func clusterFixture(t *testing.T) store.Store {
	t.Helper()
	s := fixtureStore(t)
	ctx := context.Background()
	paras := []string{
		"Air strikes on the eastern districts of Aleppo killed %s people on Tuesday, residents and medical workers said, as government forces pressed an offensive north of the city.",
		"The strikes hit a market and two clinics in the morning, and rescue workers were still pulling survivors from the rubble after dark, a local council official told reporters by telephone.",
		"The offensive has cut the last supply road into the rebel-held part of the city, where aid agencies say some 300,000 people remain, and convoys waiting at the border have not been allowed through.",
	}
	add := func(url, title, key, headline, killed string, n int, at time.Time) {
		f, _, err := s.AddFeed(ctx, url)
		if err != nil {
			t.Fatal(err)
		}
		f.Title, f.LastPoll = title, fixedNow.Add(-time.Hour)
		if err := s.SaveFeedState(ctx, f); err != nil {
			t.Fatal(err)
		}
		body := strings.Replace(strings.Join(paras[:n], "\n\n"), "%s", killed, 1)
		st := newStory(key, headline, at, body).stat(killed+" people", atof(killed), "", extract.Killed).s
		if _, err := s.UpsertStories(ctx, f.ID, []model.Story{st}, []string{key}); err != nil {
			t.Fatal(err)
		}
	}
	add("https://wire.example/feed", "Wire", "w1", "Strikes kill 212 in Aleppo", "212", 3, fixedNow.Add(-10*time.Minute))
	add("https://paper.example/feed", "Paper", "p1", "Aleppo market hit as offensive presses on", "212", 2, fixedNow.Add(-8*time.Minute))
	add("https://blog.example/feed", "Blog", "b1", "Aleppo: 190 dead", "190", 3, fixedNow.Add(-5*time.Minute))
	return s
}

func atof(s string) float64 {
	v := 0.0
	for _, r := range s {
		v = v*10 + float64(r-'0')
	}
	return v
}

// TestClusterRow: the three sources are one row, the wire's, with "+2
// sources ≠"; z lists the three and z goes back; archiving the row
// archives the three and one u brings the three back.
func TestClusterRow(t *testing.T) {
	s := clusterFixture(t)
	m := newTestModel(t, s, 120, 32)
	if got := selectedTitle(m); got != "Strikes kill 212 in Aleppo" {
		t.Fatalf("first row %q, want the wire's story standing for its cluster; queue %q", got, queueTitles(m))
	}
	for _, title := range queueTitles(m) {
		if strings.HasPrefix(title, "Aleppo market") || strings.HasPrefix(title, "Aleppo: 190") {
			t.Fatalf("a reprint has a row of its own: %q", queueTitles(m))
		}
	}
	q := ansi.Strip(m.queue.View())
	if !strings.Contains(q, "Wire +2 sources ≠") {
		t.Fatalf("no cluster badge:\n%s", q)
	}
	golden.RequireEqual(t, q)

	press(t, m, "z")
	if got := queueTitles(m); len(got) != 3 || m.queue.total != 3 {
		t.Fatalf("z lists %q, want the three sources", got)
	}
	if v := ansi.Strip(m.queue.View()); !strings.Contains(v, "Sources of one story") || strings.Contains(v, "+2") {
		t.Errorf("the cluster's own list:\n%s", v)
	}
	press(t, m, "z")
	if got := selectedTitle(m); got != "Strikes kill 212 in Aleppo" || m.queue.filter.Cluster != 0 {
		t.Fatalf("z again: %q, filter %+v", got, m.queue.filter)
	}

	counts := func() model.Counts {
		c, err := s.Counts(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	before := counts()
	press(t, m, "a")
	if c := counts(); c.Archived != before.Archived+3 {
		t.Fatalf("archiving the cluster row archived %d stories, want 3", c.Archived-before.Archived)
	}
	press(t, m, "u")
	if c := counts(); c != before {
		t.Fatalf("u after archiving the cluster: counts %+v, want %+v", c, before)
	}
	if !strings.Contains(screen(m), "and its 2 other") {
		t.Errorf("undo does not say it reached the other sources:\n%s", screen(m))
	}
	if got := selectedTitle(m); got != "Strikes kill 212 in Aleppo" {
		t.Errorf("after undo the cursor is on %q", got)
	}
}

// TestClaimsDiffer: the story of a cluster whose sources disagree on the
// number killed says so in its head, and the highlights pane lists each
// figure with its source.
func TestClaimsDiffer(t *testing.T) {
	m := newTestModel(t, clusterFixture(t), 120, 32)
	press(t, m, "enter")
	r := ansi.Strip(m.reader.View())
	if !strings.Contains(r, "≠ sources differ: killed 212 / 190") {
		t.Fatalf("story head without the flag:\n%s", r)
	}
	h := ansi.Strip(m.highlights.View())
	for _, want := range []string{"≠ the sources differ", "212 Wire (this story)", "212 Paper", "190 Blog"} {
		if !strings.Contains(strings.Join(strings.Fields(h), " "), want) {
			t.Errorf("highlights lack %q:\n%s", want, h)
		}
	}
	golden.RequireEqual(t, h)
}

// TestClickClusterBadge: a click on "+2 sources" expands the cluster, from
// another row too; a click on the cluster row's source name only selects
// it, as on any row. The same in compact rows, on their badge "+2 ≠".
func TestClickClusterBadge(t *testing.T) {
	m := newTestModel(t, clusterFixture(t), 120, 32)
	clickBadge(t, m, "+2 sources")
	if m.focus != focusQueue {
		t.Errorf("a click on the badge opened a story: focus %s", m.focus)
	}
	// Compact rows keep their badges when the pane is wide enough.
	press(t, m, "z", "d")
	send(t, m, windowSize(200, 32))
	if !m.queue.compact || m.queue.filter.Cluster != 0 {
		t.Fatalf("want compact rows of the queue: compact %v, cluster %d", m.queue.compact, m.queue.filter.Cluster)
	}
	clickBadge(t, m, "+2 ≠")
}

// clickBadge clicks the source name of the first row, whose cluster badge
// reads badge, from the second row: it selects; then, from the second row
// again, the badge: it lists the cluster's three sources.
func clickBadge(t *testing.T, m *Model, badge string) {
	t.Helper()
	q := m.lay.panes[focusQueue]
	bx, by := -1, -1
	for y, line := range strings.Split(ansi.Strip(m.queue.View()), "\n") {
		if i := strings.Index(line, badge); i >= 0 {
			bx, by = ansi.StringWidth(line[:i]), y
			break
		}
	}
	if bx < 0 {
		t.Fatalf("no badge %q on screen:\n%s", badge, ansi.Strip(m.queue.View()))
	}
	press(t, m, "j")
	send(t, m, tea.MouseClickMsg{X: q.X + 3, Y: q.Y + by, Button: tea.MouseLeft})
	if m.queue.cursor != 0 || m.queue.filter.Cluster != 0 {
		t.Fatalf("a click on the source name: cursor %d, cluster %d; want the row selected, not expanded", m.queue.cursor, m.queue.filter.Cluster)
	}
	press(t, m, "j")
	send(t, m, tea.MouseClickMsg{X: q.X + bx + 1, Y: q.Y + by, Button: tea.MouseLeft})
	if got := queueTitles(m); m.queue.filter.Cluster == 0 || len(got) != 3 {
		t.Fatalf("a click on %q lists %q, want the cluster's three sources", badge, got)
	}
}
