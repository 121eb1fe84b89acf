package ui

import (
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"

	"sitrep/model/store"
)

// Tags and notes: t and e open the bottom-row prompt (see searchInput) on
// the story triage keys act on; enter saves in a command, and the change
// shows at once in the queue row and the reader.

// splitTags reads the tags prompt: words separated by spaces or commas,
// normalised as the store keeps them.
func splitTags(text string) []string {
	return store.NormalizeTags(strings.FieldsFunc(text, func(r rune) bool { return r == ',' || r == ' ' }))
}

// editTags is t: the prompt, prefilled with the story's tags.
func (m *Model) editTags() tea.Cmd {
	h, ok := m.target()
	if !ok {
		return nil
	}
	return m.search.openEdit(promptTags, h.ID, strings.Join(m.currentTags(h.ID), " "))
}

// editNote is e: the prompt, prefilled with the story's note, which the
// queue's headers do not carry: when the story is not open it is read in a
// command first (noteLoadedMsg opens the prompt).
func (m *Model) editNote() tea.Cmd {
	h, ok := m.target()
	if !ok {
		return nil
	}
	if s := m.reader.showing(h.ID); s != nil {
		return m.search.openEdit(promptNote, h.ID, s.Note)
	}
	if !h.HasNote {
		return m.search.openEdit(promptNote, h.ID, "")
	}
	return loadNoteCmd(m.ctx, m.opts.Store, h.ID)
}

// noteLoaded opens the note prompt once the note has been read, unless
// another prompt opened meanwhile.
func (m *Model) noteLoaded(msg noteLoadedMsg) tea.Cmd {
	if msg.err != nil {
		m.noteErr("note: " + msg.err.Error())
		return nil
	}
	if m.search.active || m.showHelp || m.quitting {
		return nil
	}
	return m.search.openEdit(promptNote, msg.id, msg.note)
}

// currentTags and currentNote are what the screen shows of a story now.
func (m *Model) currentTags(id int64) []string {
	if s := m.reader.showing(id); s != nil {
		return s.Tags
	}
	if i := m.queue.indexOf(id); i >= 0 {
		return m.queue.at(i).Tags
	}
	return nil
}

// saveTags shows tags on the story at once and writes them in a command.
func (m *Model) saveTags(id int64, tags []string, undoable bool) tea.Cmd {
	before := slices.Clone(m.currentTags(id))
	if undoable && slices.Equal(before, tags) {
		return nil
	}
	if undoable {
		m.pushUndo(undoEntry{kind: undoTags, id: id, tags: before})
	}
	if i := m.queue.indexOf(id); i >= 0 {
		m.queue.at(i).Tags = tags
	}
	if s := m.reader.showing(id); s != nil {
		s.Tags = tags
		m.reader.redraw()
	}
	m.pendingWrites++
	add, remove := tagDiff(before, tags)
	return m.writes.inOrder(setTagsCmd(m.ctx, m.opts.Store, id, add, remove))
}

// tagDiff is what going from one set of tags to another adds and removes.
func tagDiff(before, after []string) (add, remove []string) {
	for _, t := range after {
		if !slices.Contains(before, t) {
			add = append(add, t)
		}
	}
	for _, t := range before {
		if !slices.Contains(after, t) {
			remove = append(remove, t)
		}
	}
	return add, remove
}

// saveNote shows the note at once and writes it in a command; old is the
// note it replaces (what the prompt was prefilled with), kept for undo.
func (m *Model) saveNote(id int64, old, note string, undoable bool) tea.Cmd {
	if old == note {
		return nil
	}
	if undoable {
		m.pushUndo(undoEntry{kind: undoNote, id: id, note: old, noteAfter: note})
	}
	if i := m.queue.indexOf(id); i >= 0 {
		m.queue.at(i).HasNote = note != ""
	}
	if s := m.reader.showing(id); s != nil {
		s.Note = note
		m.reader.redraw()
	}
	m.pendingWrites++
	return m.writes.inOrder(setNoteCmd(m.ctx, m.opts.Store, id, note))
}

// annotationSaved follows a tags or note write: the sources' tag list and,
// when the queue is filtered by a tag, the queue change with it.
func (m *Model) annotationSaved(msg annotationSavedMsg) tea.Cmd {
	if cmd, quitting := m.writeLanded(); quitting {
		return cmd
	}
	cmds := []tea.Cmd{loadTagsCmd(m.ctx, m.opts.Store)}
	if msg.err != nil {
		m.noteErr("saving: " + msg.err.Error())
		cmds = append(cmds, m.reloadQueue())
	} else if m.queue.filter.Tag != "" {
		cmds = append(cmds, m.reloadQueue())
	}
	return tea.Batch(cmds...)
}
