package ui

import (
	"context"
	"fmt"
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"

	"sitrep/model"
	"sitrep/model/extract"
	"sitrep/model/sanitize"
)

// Clusters: the queue shows the stories of one event once, as the
// earliest, with "+N sources" (and ≠ when they disagree on a figure); z
// lists the cluster's stories and z or esc goes back. Triage on a cluster
// row reaches every story of the cluster, and one u undoes it all.

// clusterStore is what clusters ask of the store. A store without it (a
// backend that does not cluster) shows every story on its own.
type clusterStore interface {
	ChangeClusterTriage(ctx context.Context, cluster int64, c model.TriageChange) (map[int64]model.Triage, error)
	ClusterClaims(ctx context.Context, storyID int64) ([]model.Claim, error)
}

func (m *Model) clusterStore() clusterStore {
	cs, _ := m.opts.Store.(clusterStore)
	return cs
}

// clusterBadge is what a queue row says of its cluster: "+2 sources ≠".
func (q *queuePane) clusterBadge(h *model.StoryHeader, tight bool) string {
	if h.ClusterSize < 2 || q.filter.Cluster != 0 {
		return ""
	}
	b := fmt.Sprintf("+%d", h.ClusterSize-1)
	switch {
	case tight:
	case h.ClusterSize == 2:
		b += " source"
	default:
		b += " sources"
	}
	if h.ClaimsDiffer {
		b += " " + q.c.sym.Differ
	}
	return b
}

// expandCluster is z: the stories of the cluster under the cursor, each
// on its own row; z again (or esc) goes back to the queue as it was.
func (m *Model) expandCluster() tea.Cmd {
	qp := m.queue
	if qp.filter.Cluster != 0 {
		return m.collapseCluster()
	}
	h := qp.selected()
	if h == nil || h.ClusterSize < 2 {
		m.note("not a cluster: this story is the only one telling it")
		return nil
	}
	m.clusterBefore = qp.place()
	f := qp.filter
	f.Cluster = h.Cluster
	// Every story of the cluster, whatever the state filter: it is one
	// event the reader looks at whole.
	f.View, f.Search, f.Tag, f.FeedID = model.ViewAll, "", "", 0
	qp.show(f)
	m.note(fmt.Sprintf("%d sources of one story · %s back", h.ClusterSize, firstKey(m.keys.Cluster)))
	return m.reloadQueue()
}

// collapseCluster goes back from a cluster's stories to the queue.
func (m *Model) collapseCluster() tea.Cmd {
	b := m.clusterBefore
	m.clusterBefore = nil
	if b == nil {
		f := m.queue.filter
		f.Cluster = 0
		m.queue.show(f)
		return m.reloadQueue()
	}
	m.queue.restore(*b)
	return m.reloadQueue()
}

// clusterTriagedMsg says a change reached every story of a cluster, with
// their states before it (for undo).
type clusterTriagedMsg struct {
	token  int
	before map[int64]model.Triage
	err    error
}

// triageCluster writes change c to the whole cluster of h after h's own
// write, and ties the states it replaced to undo entry token.
func (m *Model) triageCluster(h model.StoryHeader, c model.TriageChange, token int) tea.Cmd {
	cs := m.clusterStore()
	if cs == nil || c.Empty() {
		return nil
	}
	m.pendingWrites++
	ctx := m.ctx
	return m.writes.inOrder(func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), ioTimeout)
		defer cancel()
		before, err := cs.ChangeClusterTriage(ctx, h.Cluster, c)
		return clusterTriagedMsg{token: token, before: before, err: err}
	})
}

func (m *Model) clusterTriaged(msg clusterTriagedMsg) tea.Cmd {
	if cmd, quitting := m.writeLanded(); quitting {
		return cmd
	}
	for i := range m.undo {
		if m.undo[i].token == msg.token && msg.token != 0 {
			m.undo[i].members = msg.before
		}
	}
	cmds := []tea.Cmd{m.loadCounts(), m.loadFeeds()}
	if msg.err != nil {
		m.noteErr("saving: " + msg.err.Error())
		cmds = append(cmds, m.reloadQueue())
	}
	return tea.Batch(cmds...)
}

// undoCluster puts every other story of the cluster back as it was; when
// their states are not known yet, it writes the opposite change to them
// all.
func (m *Model) undoCluster(e undoEntry) tea.Cmd {
	cs := m.clusterStore()
	if cs == nil {
		return nil
	}
	change := model.ChangeOf(e.before.Triage, e.after)
	if e.members == nil {
		return m.triageCluster(e.before, model.ChangeOf(e.after, e.before.Triage), 0)
	}
	var cmds []tea.Cmd
	for id, was := range e.members {
		if id == e.before.ID {
			continue
		}
		if back := model.ChangeOf(change.Apply(was), was); !back.Empty() {
			m.pendingWrites++
			cmds = append(cmds, m.writes.inOrder(setTriageCmd(m.ctx, m.opts.Store, id, back)))
		}
	}
	return tea.Batch(cmds...)
}

// claimsLoadedMsg carries the differing figures of the open story's
// cluster.
type claimsLoadedMsg struct {
	id     int64
	claims []model.Claim
	err    error
}

func (m *Model) loadClaims(id int64) tea.Cmd {
	cs := m.clusterStore()
	if cs == nil {
		return nil
	}
	ctx := m.ctx
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(ctx, ioTimeout)
		defer cancel()
		cl, err := cs.ClusterClaims(ctx, id)
		for i := range cl {
			cl[i].Source = sanitize.Line(cl[i].Source)
			cl[i].Text = sanitize.Line(cl[i].Text)
		}
		return claimsLoadedMsg{id: id, claims: cl, err: err}
	}
}

func (m *Model) claimsLoaded(msg claimsLoadedMsg) {
	if m.reader.story == nil || m.reader.story.ID != msg.id || msg.err != nil {
		return
	}
	m.reader.claims = msg.claims
	m.reader.redraw()
	m.highlights.setClaims(msg.claims)
}

// setClaims lists first, above the story's own quotes and figures, the
// figures the stories of its cluster disagree on, each with its source.
func (p *highlightsPane) setClaims(cs []model.Claim) {
	if len(cs) == 0 {
		return
	}
	rows := []hlRow{{kind: rowHeading, hl: -1, text: p.c.sym.Differ + " the sources differ"}}
	for _, c := range cs {
		r := hlRow{kind: rowStat, hl: -1, cat: categoryName(c.Category), val: formatValue(c.Value), what: c.Source}
		if p.story != nil && c.StoryID == p.story.ID {
			r.what += " (this story)"
		}
		r.text = r.cat + " " + r.val + " " + r.what
		rows = append(rows, r)
	}
	rows = append(rows, hlRow{kind: rowNote, hl: -1})
	p.rows = append(rows, p.rows...)
	for i := range p.sel {
		p.sel[i] += len(rows)
	}
	p.keepVisible()
}

// claimsLine is the story head's flag: "≠ sources differ: killed 212 / 190".
func (r *readerPane) claimsLine(iw int) string {
	if len(r.claims) == 0 {
		return ""
	}
	var parts []string
	var cat extract.Category
	var vals []string
	flush := func() {
		if len(vals) > 0 {
			parts = append(parts, categoryName(cat)+" "+strings.Join(vals, " / "))
		}
	}
	for _, c := range r.claims {
		if c.Category != cat {
			flush()
			cat, vals = c.Category, nil
		}
		if v := formatValue(c.Value); !slices.Contains(vals, v) {
			vals = append(vals, v)
		}
	}
	flush()
	l := r.c.sym.Differ + " sources differ: " + strings.Join(parts, r.c.sym.Sep)
	return r.c.st.Warn.Render(fit(l, iw, r.c.sym.Ellipsis))
}
