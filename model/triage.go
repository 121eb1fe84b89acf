package model

// TriageChange is a change of some of a story's flags: a nil field leaves
// that flag as the store has it. The reader writes only what a key changed,
// so two readers on one database (or a reload racing a write) never undo
// each other's decisions about the other flags.
type TriageChange struct {
	Read, Starred, Archived *bool
}

// ChangeOf is the change that takes a story from one state to another:
// only the flags that differ.
func ChangeOf(from, to Triage) TriageChange {
	var c TriageChange
	if from.Read != to.Read {
		c.Read = &to.Read
	}
	if from.Starred != to.Starred {
		c.Starred = &to.Starred
	}
	if from.Archived != to.Archived {
		c.Archived = &to.Archived
	}
	return c
}

// Empty says whether the change changes nothing.
func (c TriageChange) Empty() bool { return c.Read == nil && c.Starred == nil && c.Archived == nil }

// Apply is t with the change made.
func (c TriageChange) Apply(t Triage) Triage {
	if c.Read != nil {
		t.Read = *c.Read
	}
	if c.Starred != nil {
		t.Starred = *c.Starred
	}
	if c.Archived != nil {
		t.Archived = *c.Archived
	}
	return t
}
