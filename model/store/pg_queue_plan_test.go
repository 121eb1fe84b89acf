package store

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"sitrep/model"
	"sitrep/model/store/pgtest"
)

// TestPGQueuePageGenericPlan: a queue page without a search, or with a
// search for common words, keeps the plan its connection made once
// (pageWhere), so that plan, made without
// knowing the offset, must still walk the published index for a page and
// look up the page's stories one by one: never sort or hash the table.
// The statements are prepared by hand and planned generic, as PostgreSQL
// does after a prepared statement's fifth run.
func TestPGQueuePageGenericPlan(t *testing.T) {
	dsn := pgtest.Scratch(t, "sitrep_test", "PostgreSQL only: set "+pgEnv)
	p, err := OpenPostgresAs(dsn, "ana")
	if err != nil {
		t.Fatalf("OpenPostgres: %v", err)
	}
	defer p.Close()
	// Enough stories for the planner to tell a walk of the index from a
	// sort of the table.
	const n = 60000
	feed := storiesForPlans(t, p, n)
	if _, err := p.db.ExecContext(ctx, `INSERT INTO triage (user_name, story_id, feed_id, read, archived)
		SELECT 'ana', id, feed_id, 1, CASE WHEN id % 10 = 0 THEN 1 ELSE 0 END FROM stories WHERE id % 3 = 0`); err != nil {
		t.Fatal(err)
	}
	// A tag on one story in seven, a cluster of one story in a thousand.
	if _, err := p.db.ExecContext(ctx, `INSERT INTO story_tags (story_id, tag) SELECT id, 'plan' FROM stories WHERE id % 7 = 0`); err != nil {
		t.Fatal(err)
	}
	if _, err := p.db.ExecContext(ctx, `UPDATE stories SET cluster_id = 500 WHERE id % 1000 = 500`); err != nil {
		t.Fatal(err)
	}
	// Search vectors: "story" in every story, "paired" in one in two,
	// "tenth" in one in ten, "thousandth" in one in a thousand.
	if _, err := p.db.ExecContext(ctx, `INSERT INTO story_search (story_id, search) SELECT id, to_tsvector('sitrep', title
		|| CASE WHEN id % 2 = 0 THEN ' paired' ELSE '' END || CASE WHEN id % 10 = 0 THEN ' tenth' ELSE '' END || CASE WHEN id % 1000 = 0 THEN ' thousandth' ELSE '' END) FROM stories`); err != nil {
		t.Fatal(err)
	}
	conn := analyzedConn(t, p)
	filters := []model.Filter{
		{View: model.ViewAll}, {View: model.ViewUnread}, {View: model.ViewStarred},
		{View: model.ViewArchived}, {View: model.ViewFeed, FeedID: feed.ID},
		{View: model.ViewUnread, FeedID: feed.ID}, {View: model.ViewAll, Tag: "plan"},
		{View: model.ViewAll, Cluster: 500},
		// A word in every story, and one in every other: their pages
		// keep a plan that walks the stories newest first.
		{View: model.ViewAll, Search: "story"}, {View: model.ViewUnread, Search: "paired"},
	}
	for i, f := range filters {
		cond, args, keep, err := p.pageWhere(ctx, f, 1000+200)
		if err != nil {
			t.Fatal(err)
		}
		if !keep {
			t.Errorf("filter %+v is planned each run", f)
			continue
		}
		kept := rebind(pgQueuePage(cond, true, 200))
		offset := fmt.Sprintf("(SELECT $%d::bigint)", len(args)+1)
		forOne := strings.Replace(kept, offset, "1000", 1)
		if forOne == kept {
			t.Fatalf("no offset %s in %s", offset, kept)
		}
		name := fmt.Sprintf("page%d", i)
		prepareStmt(t, conn, name, kept)
		prepareStmt(t, conn, name+"_for_one", forOne)
		// PostgreSQL itself keeps the generic plan after a few runs.
		for range 8 {
			explainExecute(t, conn, "", name, append(args, 1000))
		}
		var generic int
		if err := conn.QueryRowContext(ctx, `SELECT generic_plans FROM pg_prepared_statements WHERE name = $1`, name).Scan(&generic); err != nil {
			t.Fatal(err)
		}
		if generic == 0 {
			t.Errorf("%+v: the page is planned at every run", f)
		}
		// That plan reads no more stories than one made for offset 1,000.
		read := explainExecute(t, conn, "force_generic_plan", name, append(args, 1000)).rowsOf("stories")
		want := explainExecute(t, conn, "force_custom_plan", name+"_for_one", args).rowsOf("stories")
		if read > 2*want+200 {
			t.Errorf("%+v: the kept plan read %.0f of %d stories, one planned for the offset %.0f", f, read, n, want)
		}
	}
	// A search's page is planned for its offset at each run when the walk
	// would be long: a rare word (one story in a thousand, which is read
	// from the index first), or a page 1,200 stories down a word in one
	// story in ten (12,000 stories walked, over pgWalkKept). Not
	// knowing the offset, the planner read every story with a common word
	// and sorted them (1 s a page at 1 M stories).
	for _, c := range []struct {
		f     model.Filter
		reach int
	}{
		{model.Filter{View: model.ViewAll, Search: "thousandth"}, 50},
		{model.Filter{View: model.ViewAll, Search: "tenth"}, 1200},
	} {
		if _, _, keep, err := p.pageWhere(ctx, c.f, c.reach); err != nil || keep {
			t.Errorf("%q %d stories deep: the page keeps a plan made without its offset (%v)", c.f.Search, c.reach, err)
		}
	}
	// And the store's page is the right one: ViewAll leaves out ana's
	// archived stories (ids divisible by 30), newest first.
	hs, err := p.Queue(ctx, model.Filter{View: model.ViewAll}, 1000, 3)
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for id, skipped := n, 0; len(want) < 3; id-- {
		if id%30 == 0 {
			continue
		}
		if skipped < 1000 {
			skipped++
			continue
		}
		want = append(want, fmt.Sprintf("story %d", id))
	}
	for i := range want {
		if i >= len(hs) || hs[i].Title != want[i] {
			t.Fatalf("page at 1000: %+v, want titles %v", hs, want)
		}
	}
	// A search for a common word through the walk its page keeps: the
	// stories with "tenth", newest first, less ana's archived ones.
	hs, err = p.Queue(ctx, model.Filter{View: model.ViewAll, Search: "tenth"}, 0, 3)
	if err != nil {
		t.Fatal(err)
	}
	want = []string{"story 59990", "story 59980", "story 59960"}
	for i := range want {
		if i >= len(hs) || hs[i].Title != want[i] {
			t.Fatalf("search for tenth: %+v, want titles %v", hs, want)
		}
	}
}

// TestPGPageAfterManyFeeds: a reader's queue page looks up each story's
// feed title in a plan its connection made when the team had one feed.
// After a thousand feeds are added (an OPML import, the first subscription
// of a team) that plan must not read every feed for each story of a page:
// adding feeds refreshes the planner's statistics (analyzeGrownFeeds), and
// the connection plans its page again.
func TestPGPageAfterManyFeeds(t *testing.T) {
	_, p := openPGWithoutWriter(t)
	storiesForPlans(t, p, 2000)
	conn := analyzedConn(t, p)
	f := model.Filter{View: model.ViewAll}
	cond, args, err := p.where(ctx, f)
	if err != nil {
		t.Fatal(err)
	}
	const perPage = 50
	prepareStmt(t, conn, "page", rebind(pgQueuePage(cond, true, perPage)))
	args = append(args, 100)
	for range 8 { // until PostgreSQL keeps the generic plan, as a reader's connection does
		explainExecute(t, conn, "", "page", args)
	}
	feedsRead := func() float64 {
		return explainExecute(t, conn, "", "page", args).readOf("feeds")
	}
	if n := feedsRead(); n > 2*perPage {
		t.Fatalf("with one feed, a page of %d stories read %.0f feeds", perPage, n)
	}
	// Nine hundred and ninety-nine feeds added behind the planner's back, as
	// by an older sitrep, and the thousandth by the store.
	if _, err := p.db.ExecContext(ctx, `INSERT INTO feeds (url) SELECT 'https://many.example/' || g FROM generate_series(1, 999) g`); err != nil {
		t.Fatal(err)
	}
	if _, _, err := p.AddFeed(ctx, "https://many.example/last"); err != nil {
		t.Fatal(err)
	}
	if n := feedsRead(); n > 2*perPage {
		t.Errorf("after 1,000 feeds were added, a page of %d stories read %.0f feeds: the plan made for one feed scans the table per story", perPage, n)
	}
}

// storiesForPlans adds a feed of n stories titled "story 1" to "story n",
// oldest first, written directly: saving them one by one would take a
// plan test a minute.
func storiesForPlans(t *testing.T, p *Postgres, n int) model.Feed {
	t.Helper()
	feed, _, err := p.AddFeed(ctx, "https://plan.example/feed.xml")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.db.ExecContext(ctx, `INSERT INTO stories (feed_id, published, key, first_seen, title)
		SELECT ?, 1700000000 + g, 'k' || g, 1700000000 + g, 'story ' || g FROM generate_series(1, ?) g`, feed.ID, n); err != nil {
		t.Fatal(err)
	}
	return feed
}

// analyzedConn refreshes the planner's statistics of p's tables and gives
// a connection of its own to prepare statements on.
func analyzedConn(t *testing.T, p *Postgres) *sql.Conn {
	t.Helper()
	if _, err := p.db.ExecContext(ctx, `ANALYZE`); err != nil {
		t.Fatal(err)
	}
	conn, err := p.db.DB.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	return conn
}

// planNode is a node of EXPLAIN (ANALYZE, FORMAT JSON).
type planNode struct {
	Relation string     `json:"Relation Name"`
	Rows     float64    `json:"Actual Rows"`
	Filtered float64    `json:"Rows Removed by Filter"`
	Loops    float64    `json:"Actual Loops"`
	Plans    []planNode `json:"Plans"`
}

// readOf is how many rows the plan read from table rel, those its filters
// then dropped included.
func (n planNode) readOf(rel string) float64 {
	var sum float64
	if n.Relation == rel {
		sum = (n.Rows + n.Filtered) * n.Loops
	}
	for _, c := range n.Plans {
		sum += c.readOf(rel)
	}
	return sum
}

// rowsOf is how many rows the plan read from table rel.
func (n planNode) rowsOf(rel string) float64 {
	var sum float64
	if n.Relation == rel {
		sum = n.Rows * n.Loops
	}
	for _, c := range n.Plans {
		sum += c.rowsOf(rel)
	}
	return sum
}

// prepareStmt makes statement name of text, letting PostgreSQL infer the
// types of its parameters.
func prepareStmt(t *testing.T, conn *sql.Conn, name, text string) {
	t.Helper()
	if _, err := conn.ExecContext(ctx, `PREPARE `+name+` AS `+text); err != nil {
		t.Fatalf("PREPARE %s: %v", name, err)
	}
}

// explainExecute runs statement name with args under plan_cache_mode mode (""
// for PostgreSQL's own choice) and returns the plan it ran.
func explainExecute(t *testing.T, conn *sql.Conn, mode, name string, args []any) planNode {
	t.Helper()
	if mode == "" {
		mode = "auto"
	}
	if _, err := conn.ExecContext(ctx, `SET plan_cache_mode = `+mode); err != nil {
		t.Fatal(err)
	}
	params := make([]string, len(args))
	for i, a := range args {
		params[i] = fmt.Sprint(a)
		if str, ok := a.(string); ok {
			params[i] = "'" + strings.ReplaceAll(str, "'", "''") + "'"
		}
	}
	list := ""
	if len(params) > 0 {
		list = "(" + strings.Join(params, ", ") + ")"
	}
	var js string
	if err := conn.QueryRowContext(ctx, `EXPLAIN (ANALYZE, FORMAT JSON) EXECUTE `+name+list).Scan(&js); err != nil {
		t.Fatalf("EXECUTE %s: %v", name, err)
	}
	var plan []struct{ Plan planNode }
	if err := json.Unmarshal([]byte(js), &plan); err != nil || len(plan) != 1 {
		t.Fatalf("plan of %s: %s: %v", name, js, err)
	}
	return plan[0].Plan
}
