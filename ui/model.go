// Package ui is sitrep's terminal interface: one root Bubble Tea model that
// owns focus, routing and layout, and small panes that draw themselves.
// Everything it shows is read from the store in commands, and everything it
// changes is written back in commands, so Update never waits on I/O.
package ui

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"time"

	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"

	"sitrep/model"
)

// WindowTitle is the terminal title. It is a constant: feed text never
// reaches the title bar.
const WindowTitle = "sitrep"

// DefaultInterval is the time between polling rounds.
const DefaultInterval = 15 * time.Minute

// maxParallelPolls bounds how many poll commands the reader has running.
// The poller keeps its own, stricter limits (16 in all, 2 per host); this
// only keeps a round of thousands of feeds from starting thousands of
// goroutines at once.
const maxParallelPolls = 32

// Options are the reader's dependencies.
type Options struct {
	Store Store
	Poll  PollFunc // nil: no polling (tests, read-only use)
	// PollNow polls a feed whatever its schedule, for R: the reader asked.
	// nil: Poll is used.
	PollNow PollFunc
	// RoundFeeds lists the feeds a round polls: the due ones, or every
	// feed when force (R); main gives the poller's, the one list of a
	// round sitrep fetch uses too. nil: every feed of the store, and Poll
	// leaves alone those not due.
	RoundFeeds func(ctx context.Context, force bool) ([]model.Feed, error)
	Interval   time.Duration
	// Keys is the key map (KeyMapFrom applies config.toml's [keys]); nil
	// is DefaultKeyMap.
	Keys *KeyMap
	// Theme is "auto" (follow the terminal's background), "dark", "light"
	// or "mono" (no colour, as NO_COLOR); "" is auto.
	Theme string
	// Compact starts the queue with one-line rows.
	Compact bool
	// ReadAfter marks the story shown in the story pane read once it has
	// been shown this long; 0 leaves that to enter, n and N.
	ReadAfter time.Duration
	// OpenURL opens a story's link. Default: $BROWSER or xdg-open, without
	// a shell, for http/https links only.
	OpenURL func(url string) error
	// TerminalBrowser, when it gives a command for a link, is a browser
	// that runs in this terminal (w3m, lynx): the reader is suspended
	// while it runs and comes back when it exits. nil, or a nil command:
	// OpenURL, which starts a browser detached.
	TerminalBrowser func(url string) *exec.Cmd
	Now             func() time.Time
	Location        *time.Location // for showing times; default time.Local
	// Live tells the reader that others changed the shared store (a
	// team's PostgreSQL): new stories, tags, notes. nil: nothing to hear.
	Live <-chan LiveEvent
}

// Model is the root model.
type Model struct {
	opts   Options
	ctx    context.Context
	cancel context.CancelFunc
	c      *common
	keys   KeyMap
	// afterFirstWindow: the counts, tags, feeds and first polling round
	// wait for the queue's first window (Init).
	afterFirstWindow bool

	width, height int
	lay           screenLayout
	focus         focusID
	sourcesPref   sourcesPref // what f asked of the sources pane
	showHelp      bool
	showSubs      bool // the subscriptions pane (F) in place of the panes
	noColor       bool

	sources    *sourcesPane
	queue      *queuePane
	reader     *readerPane
	highlights *highlightsPane
	status     *statusBar
	help       *helpView
	search     *searchInput
	subs       *subsPane
	// across is the Speakers or Figures view (W, #) when open; jump is
	// a story to open at a quote or figure once it has loaded.
	across *acrossView
	jump   *jumpTarget

	storySeq int
	// previewID is the story the story pane shows or is loading: always
	// the one under the queue cursor (see followCursor).
	previewID int64
	undo      []undoEntry
	// noteArmed is the status line whose expiry timer runs.
	noteArmed int
	// state is the state filter v chose (all, unread, starred, archived),
	// applied to the feed or tag chosen in the sources pane.
	state model.View
	// clusterBefore is where the queue stood when z listed a cluster's
	// stories; undoToken ties a cluster's triage to its undo entry.
	clusterBefore *queuePlace
	undoToken     int
	// yanked is the last text y or Y copied.
	yanked string
	// confirm is a question waiting for y (or enter) in the bottom row.
	confirm *confirmation

	// feedsLoad and countsLoad keep one store read of each in flight: a
	// round of a thousand polls asks a thousand times, and the store is
	// read once per answer instead.
	feedsLoad, countsLoad, searchesLoad coalesced

	gen        int // of the armed poll tick
	polling    bool
	toPoll     []model.Feed
	forceRound bool // this round polls every feed, due or not (R)
	inFlight   int
	quitting   bool
	// pendingWrites counts triage, tags and note writes not yet
	// confirmed; quit waits for them. writes keeps them in key order.
	pendingWrites int
	writes        *writeOrder
	// unsaved are the triage changes shown but not yet written.
	unsaved unsaved
	// tick arms the periodic poll; tests replace it to avoid real timers.
	tick func(d time.Duration, gen int) tea.Cmd
}

// undoEntry is one action: for triage, the story as it was, and where it
// stood in the queue if the action took it out; for tags and notes, the
// story and what they were.
type undoEntry struct {
	kind      undoKind
	id        int64    // undoTags, undoNote
	tags      []string // undoTags: the tags before
	note      string   // undoNote: the note before
	noteAfter string   // undoNote: the note set

	before  model.StoryHeader
	after   model.Triage
	filter  model.Filter
	index   int
	removed bool

	bulk  bulkKind    // undoBulk: which action
	ids   []int64     // undoBulk: the stories it changed
	place *queuePlace // undoBulk: where the queue stood before it

	// cluster triage: the change reached every story of before.Cluster;
	// members are their states before it, once the write has said.
	cluster bool
	token   int
	members map[int64]model.Triage
}

// undoKind is what an undoEntry undoes.
type undoKind int

const (
	undoTriage undoKind = iota
	undoTags
	undoNote
	undoBulk
)

// New builds the root model.
func New(opts Options) *Model {
	if opts.Interval <= 0 {
		opts.Interval = DefaultInterval
	}
	if opts.OpenURL == nil {
		opts.OpenURL = defaultOpenURL
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Location == nil {
		opts.Location = time.Local
	}
	ctx, cancel := context.WithCancel(context.Background())
	m := &Model{opts: opts, ctx: ctx, cancel: cancel, keys: DefaultKeyMap(), focus: focusQueue, tick: tickCmd}
	if opts.Keys != nil {
		m.keys = *opts.Keys
	}
	m.noColor = os.Getenv("NO_COLOR") != "" || opts.Theme == "mono"
	st := NewStyles(opts.Theme != "light")
	if m.noColor {
		st = newNoColorStyles()
	}
	m.c = &common{st: st, sym: pickSymbols(), now: opts.Now, loc: opts.Location}
	m.sources = newSourcesPane(m.c)
	m.queue = newQueuePane(m.c)
	m.reader = newReaderPane(m.c)
	m.highlights = newHighlightsPane(m.c)
	m.status = newStatusBar(m.c)
	m.help = newHelpView(m.c)
	m.search = newSearchInput(m.c)
	m.subs = &subsPane{c: m.c}
	m.writes = newWriteOrder()
	m.queue.compact = opts.Compact
	m.setFocus(focusQueue)
	return m
}

// Init loads what the first frame shows and starts polling.
func (m *Model) Init() tea.Cmd {
	cmds := []tea.Cmd{
		tea.RequestBackgroundColor,
		m.reloadQueue(),
	}
	// The rest waits for the queue's first window: on two cores, listing a
	// thousand feeds and the feeds due beside it made the first frame
	// 100 ms later at a million stories, and each read at once opens a
	// database connection of its own.
	m.afterFirstWindow = true
	if m.opts.Live != nil {
		cmds = append(cmds, waitLive(m.opts.Live))
	}
	return tea.Batch(cmds...)
}

// Update routes a message to the pane or handler it concerns, and arms the
// expiry of a status line it put up.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	cmd := m.update(msg)
	if _, ok := msg.(queueLoadedMsg); ok && m.afterFirstWindow {
		m.afterFirstWindow = false
		cmd = tea.Batch(cmd, m.loadCounts(), loadTagsCmd(m.ctx, m.opts.Store), m.loadFeeds())
		if m.opts.Poll != nil {
			cmd = tea.Batch(cmd, m.pollNow(false))
		}
	}
	if exp := m.armNoteExpiry(); exp != nil {
		cmd = tea.Batch(cmd, exp)
	}
	if !m.quitting {
		if load := m.followCursor(); load != nil {
			cmd = tea.Batch(cmd, load)
		}
	}
	return m, cmd
}

// How long a status line stays up: a notice briefly, an error longer.
const (
	noticeTTL = 5 * time.Second
	errorTTL  = 20 * time.Second
)

// after delivers msg after d; tests replace it so no timer runs.
var after = func(d time.Duration, msg tea.Msg) tea.Cmd {
	return tea.Tick(d, func(time.Time) tea.Msg { return msg })
}

// noteExpiredMsg takes down status line seq, unless another replaced it.
type noteExpiredMsg struct{ seq int }

// armNoteExpiry starts the timer of a status line just put up.
func (m *Model) armNoteExpiry() tea.Cmd {
	st := m.status
	if st.note == "" || st.seq == m.noteArmed {
		return nil
	}
	m.noteArmed = st.seq
	ttl := noticeTTL
	if st.noteErr {
		ttl = errorTTL
	}
	return after(ttl, noteExpiredMsg{seq: st.seq})
}

func (m *Model) update(msg tea.Msg) tea.Cmd {
	_, cmd := m.route(msg)
	return cmd
}

// route is Update's switch.
func (m *Model) route(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case acrossLoadedMsg:
		return m, m.acrossLoaded(msg)
	case allSpeakersMsg:
		m.allSpeakersCounted(msg)
		return m, nil
	case keptCountedMsg:
		return m, m.keptCounted(msg)
	case feedWrittenMsg:
		return m, m.feedWritten(msg)
	case bulkCountedMsg:
		return m, m.bulkCounted(msg)
	case bulkDoneMsg:
		return m, m.bulkDone(msg)
	case dwellMsg:
		return m, m.dwelled(msg)
	case noteExpiredMsg:
		if msg.seq == m.status.seq && !m.quitting {
			m.status.note, m.status.noteErr = "", false
		}
		return m, nil
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		return m, m.relayout()
	case tea.BackgroundColorMsg:
		if !m.noColor && (m.opts.Theme == "" || m.opts.Theme == "auto") {
			m.c.st = NewStyles(msg.IsDark())
			m.restyle()
		}
		return m, nil
	case tea.KeyPressMsg:
		if m.quitting {
			return m, nil // saving the last decisions; nothing new starts
		}
		return m, m.handleKey(msg)
	case tea.PasteMsg:
		if m.search.active {
			return m, m.search.update(msg)
		}
		return m, nil
	case tea.MouseWheelMsg:
		return m, m.handleWheel(msg.Mouse())
	case tea.MouseClickMsg:
		return m, m.handleClick(msg.Mouse())
	case spinner.TickMsg:
		if !m.polling {
			return m, nil // let the spinner stop between rounds
		}
		var cmd tea.Cmd
		m.status.spin, cmd = m.status.spin.Update(msg)
		return m, cmd

	case countsLoadedMsg:
		again := m.countsLoad.done()
		if msg.err != nil {
			m.noteErr("counts: " + msg.err.Error())
			return m, again
		}
		m.sources.counts, m.status.counts = msg.counts, msg.counts
		return m, again
	case feedsLoadedMsg:
		again := m.feedsLoad.done()
		if msg.err != nil {
			m.noteErr("feeds: " + msg.err.Error())
			return m, again
		}
		m.sources.setFeeds(msg.feeds)
		m.status.failing = 0
		for _, f := range msg.feeds {
			if f.LastError != "" {
				m.status.failing++
			}
		}
		m.noteSelectedFeed()
		return m, again
	case tagsLoadedMsg:
		if msg.err != nil {
			m.noteErr("tags: " + msg.err.Error())
			return m, nil
		}
		m.sources.setTags(msg.tags)
		return m, nil
	case searchesLoadedMsg:
		again := m.searchesLoad.done()
		if msg.err != nil {
			m.noteErr("saved searches: " + msg.err.Error())
			return m, again
		}
		m.sources.setSaved(msg.saved)
		return m, again
	case searchSavedMsg:
		return m, m.searchSaved(msg)
	case clusterTriagedMsg:
		return m, m.clusterTriaged(msg)
	case claimsLoadedMsg:
		m.claimsLoaded(msg)
		return m, nil
	case noteLoadedMsg:
		return m, m.noteLoaded(msg)
	case annotationSavedMsg:
		return m, m.annotationSaved(msg)
	case queueLoadedMsg:
		m.unsaved.overlay(&msg)
		if !m.queue.apply(msg) {
			return m, nil
		}
		if id := m.queue.refind; id != 0 {
			m.queue.refind = 0
			return m, m.loadAround(id)
		}
		var count tea.Cmd
		if msg.counting != nil {
			count = waitCountCmd(msg.seq, msg.counting)
		}
		if m.queue.seek != 0 && msg.err == nil {
			return m, tea.Batch(count, m.seekLoaded())
		}
		return m, tea.Batch(count, m.fetchWindow())
	case queueCountedMsg:
		if !m.queue.counted(msg) {
			return m, nil
		}
		return m, m.fetchWindow()
	case storyLoadedMsg:
		if msg.seq != m.storySeq {
			return m, nil
		}
		if msg.err != nil {
			m.reader.err, m.reader.loading = msg.err, false
			return m, nil
		}
		m.unsaved.overlayStory(&msg.story)
		m.reader.setStory(msg.story)
		m.highlights.setStory(m.reader.story, m.reader.hls)
		return m, tea.Batch(m.landJump(), m.loadClaims(msg.story.ID))
	case triageSavedMsg:
		m.unsaved.landed(msg.id)
		if cmd, quitting := m.writeLanded(); quitting {
			return m, cmd
		}
		cmds := []tea.Cmd{m.loadCounts(), m.loadFeeds()}
		if msg.err != nil {
			// Show the truth again rather than the optimistic guess.
			m.noteErr("saving: " + msg.err.Error())
			cmds = append(cmds, m.reloadQueue())
		}
		return m, tea.Batch(cmds...)

	case pollTickMsg:
		if msg.gen != m.gen {
			return m, nil // armed before a manual poll re-armed the timer
		}
		return m, tea.Batch(m.startRound(false), m.tick(m.opts.Interval, m.gen))
	case pollRoundMsg:
		return m, m.beginRound(msg)
	case feedPolledMsg:
		return m, m.feedPolled(msg)
	case liveMsg:
		return m, m.liveArrived(msg)
	case linkOpenedMsg:
		if msg.err != nil {
			m.noteErr(msg.err.Error())
		}
		return m, nil
	}
	return m, nil
}

// View draws the whole screen. Only the root declares terminal modes.
func (m *Model) View() tea.View {
	v := tea.NewView(m.render())
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = WindowTitle
	return v
}

// loadFeeds and loadCounts read the feed list or the view counts again,
// coalesced with a read already in flight.
func (m *Model) loadFeeds() tea.Cmd {
	return tea.Batch(m.feedsLoad.start(func() tea.Cmd { return loadFeedsCmd(m.ctx, m.opts.Store) }),
		m.loadSearches())
}

// loadSearches reads the saved searches and their unread counts again,
// whenever the feeds' counts are: the same writes change both.
func (m *Model) loadSearches() tea.Cmd {
	return m.searchesLoad.start(func() tea.Cmd { return loadSearchesCmd(m.ctx, m.opts.Store) })
}

func (m *Model) loadCounts() tea.Cmd {
	return m.countsLoad.start(func() tea.Cmd { return loadCountsCmd(m.ctx, m.opts.Store) })
}

// coalesced runs one load at a time. Asked while one is out, it loads once
// more when that one answers, however often it was asked meanwhile, so the
// last answer is never older than the last request.
type coalesced struct {
	busy, again bool
	load        func() tea.Cmd // the read itself, kept for the follow-up
}

// start returns read's command, or nil when a read is out (which then
// asks for one more when it answers).
func (c *coalesced) start(read func() tea.Cmd) tea.Cmd {
	c.load = read
	if c.busy {
		c.again = true
		return nil
	}
	c.busy = true
	return read()
}

// done takes note that the answer arrived and returns the read asked for
// meanwhile, if any. It runs the read itself rather than going through
// start's callers, so the follow-up can never be coalesced away.
func (c *coalesced) done() tea.Cmd {
	c.busy = false
	if !c.again || c.load == nil {
		c.again = false
		return nil
	}
	c.again = false
	c.busy = true
	return c.load()
}

// relayout recomputes the rectangles and sizes every pane.
func (m *Model) relayout() tea.Cmd {
	m.lay = layout(m.width, m.height, m.focus, m.sourcesPref, m.queue.compact)
	body := rect{0, 1, m.width, max(0, m.height-2)}
	for f := focusSources; f < numPanes; f++ {
		r := m.lay.panes[f]
		if !r.visible() {
			r = body // hidden panes keep a sensible size for when they return
		}
		m.pane(f).SetSize(r.W, r.H)
	}
	m.status.SetSize(m.width)
	m.help.SetSize(m.width, body.H)
	m.subs.SetSize(m.width, body.H)
	m.relayoutAcross()
	m.search.SetSize(m.width)
	return m.fetchWindow()
}

// restyle makes panes drop what they drew with the old styles.
func (m *Model) restyle() {
	m.help.restyle()
	m.search.restyle()
	m.reader.redraw()
}

// setFocus moves focus and tells the panes.
func (m *Model) setFocus(f focusID) {
	m.focus = f
	for p := focusSources; p < numPanes; p++ {
		m.pane(p).setFocused(p == f)
	}
}

// cycleFocus moves focus to the next pane on screen; in the single layout
// every pane takes its turn.
func (m *Model) cycleFocus(d int) tea.Cmd {
	order := []focusID{focusSources, focusQueue, focusReader, focusHighlights}
	if m.lay.mode != modeSingle && !sourcesVisible(m.lay.mode, focusQueue, m.sourcesPref) {
		order = order[1:]
	}
	i := -1
	for j, f := range order {
		if f == m.focus {
			i = j
		}
	}
	if i < 0 {
		// Focus was on a pane that folded away: start from the queue.
		m.setFocus(focusQueue)
		return m.relayout()
	}
	m.setFocus(order[(i+d+len(order))%len(order)])
	return m.relayout()
}

// keyHelp is the key help for the screen as it is.
func (m *Model) keyHelp() focusHelp {
	return focusHelp{k: m.keys, focus: m.focus, searching: m.queue.filter.Search != ""}
}

// note, noteErr and noteWarn put up a status line; each expires (see
// armNoteExpiry), errors and warnings later than notices.
func (m *Model) noteErr(s string)  { m.status.set(s, true) }
func (m *Model) noteWarn(s string) { m.status.set(s, true) }
func (m *Model) note(s string)     { m.status.set(s, false) }

// feedRetry says how long a feed has been failing and when the poller
// tries again: " · failed 3 times · next try 21:30".
func feedRetry(f model.Feed, loc *time.Location) string {
	out := ""
	if f.ErrorCount > 1 {
		out += fmt.Sprintf(" · failed %d times", f.ErrorCount)
	}
	if !f.NextPoll.IsZero() {
		out += " · next try " + f.NextPoll.In(loc).Format("Mon 15:04")
	}
	return out
}

// noteSelectedFeed shows the error of the feed under the sources cursor:
// in full above its stories, and in the status line while the sources
// have focus.
func (m *Model) noteSelectedFeed() {
	defer m.queue.keepVisible() // the banner takes rows from the stories
	m.queue.banner = ""
	f := m.sources.selectedFeed()
	if f == nil || f.LastError == "" {
		return
	}
	m.queue.banner = f.Title + ": " + f.LastError + feedRetry(*f, m.c.loc)
	if m.focus == focusSources {
		m.noteErr(m.queue.banner)
	}
}
