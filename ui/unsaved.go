package ui

import "sitrep/model"

// unsaved holds the triage changes shown on screen whose writes have not
// landed yet. A window or story read from the store while they are on
// their way shows the store's state without them; the reader must keep
// seeing (and acting on) what they decided, so answers are overlaid with
// them, and an archived story stays out of a view that hides it.
type unsaved map[int64]*unsavedChange

type unsavedChange struct {
	c model.TriageChange // every change in flight for the story, merged
	n int                // writes in flight
}

func (u *unsaved) add(id int64, c model.TriageChange) {
	if *u == nil {
		*u = make(unsaved)
	}
	e := (*u)[id]
	if e == nil {
		e = &unsavedChange{}
		(*u)[id] = e
	}
	if c.Read != nil {
		e.c.Read = c.Read
	}
	if c.Starred != nil {
		e.c.Starred = c.Starred
	}
	if c.Archived != nil {
		e.c.Archived = c.Archived
	}
	e.n++
}

// landed takes note that one write of story id is on disk (or failed).
func (u unsaved) landed(id int64) {
	if e := u[id]; e != nil {
		if e.n--; e.n <= 0 {
			delete(u, id)
		}
	}
}

// overlay shows the changes in flight on a window read from the store.
func (u unsaved) overlay(msg *queueLoadedMsg) {
	if len(u) == 0 || msg.err != nil {
		return
	}
	out := msg.headers[:0]
	for _, h := range msg.headers {
		if e := u[h.ID]; e != nil {
			t := e.c.Apply(h.Triage)
			if leaves(msg.filter, h.Triage, t) {
				msg.total = max(0, msg.total-1)
				msg.overlaid++
				continue
			}
			h.Triage = t
		}
		out = append(out, h)
	}
	msg.headers = out
}

// overlayStory does the same for a story opened in the story pane.
func (u unsaved) overlayStory(s *model.Story) {
	if e := u[s.ID]; e != nil {
		s.Triage = e.c.Apply(s.Triage)
	}
}
