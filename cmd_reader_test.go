package main

import (
	"context"
	"testing"
	"time"

	"sitrep/model/store"
	"sitrep/ui"
)

func notice(channel, payload string) store.Notification {
	return store.Notification{Channel: channel, Payload: payload}
}

// TestLiveEvents: notifications waiting together become one event; a
// flag change reaches the reader only from the same user's other reader.
func TestLiveEvents(t *testing.T) {
	const user, session = "maria", "s1"
	for _, tc := range []struct {
		name string
		in   []store.Notification
		want []ui.LiveEvent
	}{
		{"a tag by ali", []store.Notification{notice(store.ChanNotes, "7 ali")}, []ui.LiveEvent{{Story: 7, Author: "ali"}}},
		{"maria's star in her other reader", []store.Notification{notice(store.ChanFlags, "7 s2 maria")}, []ui.LiveEvent{{Story: 7, Author: "maria"}}},
		{"maria's mark-all-read in her other reader", []store.Notification{notice(store.ChanFlags, "-1 s2 maria")}, []ui.LiveEvent{{Story: -1, Author: "maria"}}},
		{"this reader's own star", []store.Notification{notice(store.ChanFlags, "7 s1 maria")}, nil},
		{"ali's star is his", []store.Notification{notice(store.ChanFlags, "7 s9 ali")}, nil},
		{"a user name with a space", []store.Notification{notice(store.ChanFlags, "7 s2 maria lopez")}, nil},
		{"a malformed payload", []store.Notification{notice(store.ChanFlags, "7")}, nil},
		{"merged: new stories and a tag", []store.Notification{notice(store.ChanStories, "3"), notice(store.ChanFlags, "7 s1 maria"), notice(store.ChanNotes, "8 ali")},
			[]ui.LiveEvent{{Stories: true, Story: -1}}}, // more than one story: -1
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := make(chan store.Notification, len(tc.in))
			for _, n := range tc.in {
				in <- n
			}
			close(in)
			out := make(chan ui.LiveEvent, 8)
			liveEvents(in, out, user, session)
			var got []ui.LiveEvent
			for e := range out {
				got = append(got, e)
			}
			if len(got) != len(tc.want) {
				t.Fatalf("events %+v, want %+v", got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Errorf("event %d: %+v, want %+v", i, got[i], tc.want[i])
				}
			}
		})
	}
}

// TestClusteredEvents: each time the store says stories joined clusters,
// the reader is told to read its queue again; the forwarding ends with
// the reader.
func TestClusteredEvents(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	in, out := make(chan struct{}, 1), make(chan ui.LiveEvent)
	done := make(chan struct{})
	go func() { clusteredEvents(ctx, in, out); close(done) }()
	for range 2 {
		in <- struct{}{}
		select {
		case ev := <-out:
			if ev != (ui.LiveEvent{Stories: true}) {
				t.Fatalf("event %+v, want one that reloads the stories", ev)
			}
		case <-time.After(5 * time.Second):
			t.Fatal("no event for stories that joined clusters")
		}
	}
	cancel()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("clusteredEvents still running after its reader ended")
	}
}
