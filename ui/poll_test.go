package ui

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"sitrep/model"
)

func TestPollRound(t *testing.T) {
	s := fixtureStore(t)
	var mu sync.Mutex
	var polled []int64
	poll := func(ctx context.Context, f model.Feed) PollResult {
		mu.Lock()
		polled = append(polled, f.ID)
		mu.Unlock()
		if f.Title == "Broken Feed" {
			return PollResult{Title: f.Title, Err: errors.New("HTTP 503\x1b]0;pwned\x07")}
		}
		return PollResult{Title: f.Title}
	}
	m := New(Options{Store: s, Poll: poll, Interval: time.Hour, Now: func() time.Time { return fixedNow }, Location: time.UTC})
	var armed []int
	m.tick = func(d time.Duration, gen int) tea.Cmd {
		if d != time.Hour {
			t.Errorf("tick armed for %v", d)
		}
		armed = append(armed, gen)
		return nil
	}
	send(t, m, windowSize(120, 32))
	if m.gen != 0 {
		t.Fatal("tick armed before Init")
	}
	drain(t, m, m.Init())
	if len(polled) != 4 {
		t.Fatalf("polled %v, want all 4 feeds", polled)
	}
	if m.polling || m.status.done != 4 || m.status.total != 4 {
		t.Fatalf("round not finished: polling=%v %d/%d", m.polling, m.status.done, m.status.total)
	}
	if !strings.Contains(m.status.note, "Broken Feed: HTTP 503") || strings.Contains(m.status.note, "\x1b") {
		t.Fatalf("error note %q", m.status.note)
	}

	// A tick of an older generation is dropped; the current one polls.
	gen := m.gen
	polled = nil
	send(t, m, pollTickMsg{gen: gen - 1})
	if len(polled) != 0 {
		t.Fatal("stale tick polled")
	}
	send(t, m, pollTickMsg{gen: gen})
	if len(polled) != 4 {
		t.Fatalf("tick polled %d feeds", len(polled))
	}
	// R re-arms under a new generation.
	polled = nil
	press(t, m, "R")
	if m.gen != gen+1 || len(polled) != 4 {
		t.Fatalf("R: gen %d polled %d", m.gen, len(polled))
	}
	// Armed at start, re-armed by the tick, re-armed by R.
	if len(armed) != 3 || armed[2] != gen+1 {
		t.Fatalf("ticks armed %v", armed)
	}
}

func TestPollShowsProgress(t *testing.T) {
	s := fixtureStore(t)
	release := make(chan struct{})
	poll := func(ctx context.Context, f model.Feed) PollResult {
		<-release
		return PollResult{}
	}
	m := New(Options{Store: s, Poll: poll, Interval: time.Hour, Now: func() time.Time { return fixedNow }, Location: time.UTC})
	send(t, m, windowSize(120, 32))
	_, _ = m.Update(pollRoundMsg{feeds: []model.Feed{{ID: 1}, {ID: 2}}})
	m.polling = true
	m.status.polling = true
	if !strings.Contains(screen(m), "polling 0/2 feeds") {
		t.Fatalf("no progress shown:\n%s", screen(m))
	}
	close(release)
}

// TestNewStoriesAndSelection: until the reader presses a key, the newest
// story stays selected as stories arrive (the first screen of a start-up
// poll); after any key, the story the reader sees stays selected (a key
// pressed just after a reload must land on the story that was shown).
func TestNewStoriesAndSelection(t *testing.T) {
	s := fixtureStore(t)
	m := newTestModel(t, s, 120, 32)
	ctx := context.Background()
	feedsList, _ := s.Feeds(ctx)
	fid := feedsList[1].ID
	add := func(key, title string, at time.Time) {
		st := model.Story{FeedID: fid, Key: key, Title: title, Body: "b", Published: at, FirstSeen: at}
		if _, err := s.UpsertStories(ctx, fid, []model.Story{st}, []string{key}); err != nil {
			t.Fatal(err)
		}
		send(t, m, feedPolledMsg{FeedID: fid, New: 1})
	}
	add("n1", "Newer one", fixedNow.Add(-time.Minute))
	if got := selectedTitle(m); got != "Newer one" {
		t.Fatalf("untouched queue: selected %q, want the newest", got)
	}
	press(t, m, "?", "?") // help and back: a key, no move
	add("n0", "Newer half", fixedNow.Add(-45*time.Second))
	if got := selectedTitle(m); got != "Newer one" {
		t.Fatalf("after a key: selected %q, want %q kept", got, "Newer one")
	}
	press(t, m, "j")
	chosen := selectedTitle(m)
	add("n2", "Newer two", fixedNow.Add(-30*time.Second))
	if got := selectedTitle(m); got != chosen {
		t.Fatalf("after moving: selected %q, want %q kept", got, chosen)
	}
}

// TestForcedPollOnlyOnR: start-up and the periodic tick respect each
// feed's schedule (Poll); R is the reader asking, and polls every feed
// (PollNow).
func TestForcedPollOnlyOnR(t *testing.T) {
	s := fixtureStore(t)
	var mu sync.Mutex
	var scheduled, forced int
	poll := func(ctx context.Context, f model.Feed) PollResult {
		mu.Lock()
		scheduled++
		mu.Unlock()
		return PollResult{Title: f.Title}
	}
	pollNow := func(ctx context.Context, f model.Feed) PollResult {
		mu.Lock()
		forced++
		mu.Unlock()
		return PollResult{Title: f.Title}
	}
	m := New(Options{Store: s, Poll: poll, PollNow: pollNow, Interval: time.Hour, Now: func() time.Time { return fixedNow }, Location: time.UTC})
	m.tick = func(time.Duration, int) tea.Cmd { return nil }
	send(t, m, windowSize(120, 32))
	drain(t, m, m.Init())
	if scheduled != 4 || forced != 0 {
		t.Fatalf("start-up: %d scheduled, %d forced polls; want 4, 0", scheduled, forced)
	}
	send(t, m, pollTickMsg{gen: m.gen})
	if scheduled != 8 || forced != 0 {
		t.Fatalf("tick: %d scheduled, %d forced polls; want 8, 0", scheduled, forced)
	}
	press(t, m, "R")
	if scheduled != 8 || forced != 4 {
		t.Fatalf("R: %d scheduled, %d forced polls; want 8, 4", scheduled, forced)
	}
	send(t, m, pollTickMsg{gen: m.gen})
	if scheduled != 12 || forced != 4 {
		t.Fatalf("tick after R: %d scheduled, %d forced; the force must end with its round", scheduled, forced)
	}
}
