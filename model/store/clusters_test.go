package store

import (
	"fmt"
	"math"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sitrep/model"
	"sitrep/model/extract"
)

// syntheticNews is a set of stories with known duplicates: events on one
// topic told in one shared vocabulary and stock phrases, some of them with
// background paragraphs copied from a common pool (as wire rewrites do),
// and reprints of some events with another byline, paragraphs cut, a new
// headline, or all three.
type syntheticNews struct {
	stories []model.Story
	event   []int // the event of each story
	feed    []int // the feed that carries it
}

func newSyntheticNews(r *rand.Rand, events, feeds int) syntheticNews {
	syll := []string{"ka", "lo", "mi", "ra", "su", "ten", "vo", "dar", "el", "is", "an", "ho", "bu", "zi", "qa", "mer", "sal", "tor"}
	vocab := make([]string, 400) // one topic: a small vocabulary
	for i := range vocab {
		w := ""
		for n := 1 + r.IntN(3); n > 0; n-- {
			w += syll[r.IntN(len(syll))]
		}
		vocab[i] = w
	}
	stock := []string{
		"the United Nations said on Tuesday", "according to the Syrian Observatory for Human Rights",
		"a spokesman for the ministry said", "humanitarian agencies have warned", "in a statement released late on",
		"the ceasefire agreed in Munich", "government forces backed by Russian air strikes", "it was not possible to verify the claims independently",
		"aid convoys have been unable to reach", "the International Committee of the Red Cross",
	}
	sentence := func() string {
		n := 10 + r.IntN(12)
		ws := make([]string, 0, n+8)
		for range n {
			ws = append(ws, vocab[r.IntN(len(vocab))])
		}
		if r.IntN(3) == 0 {
			at := r.IntN(len(ws))
			ws = append(ws[:at], append([]string{stock[r.IntN(len(stock))]}, ws[at:]...)...)
		}
		s := strings.Join(ws, " ")
		return strings.ToUpper(s[:1]) + s[1:] + "."
	}
	paragraph := func() string {
		var ss []string
		for n := 2 + r.IntN(3); n > 0; n-- {
			ss = append(ss, sentence())
		}
		return strings.Join(ss, " ")
	}
	title := func() string {
		var ws []string
		for n := 6 + r.IntN(5); n > 0; n-- {
			ws = append(ws, vocab[r.IntN(len(vocab))])
		}
		return strings.Join(ws, " ")
	}
	background := make([]string, 6) // paragraphs every outlet copies
	for i := range background {
		background[i] = paragraph()
	}
	names := []string{"Jane Roe", "John Doe", "Ali Hassan", "Maria Lopez", "Staff reporter", "Reuters", "AFP"}
	var out syntheticNews
	t0 := base
	for ev := range events {
		pub := t0.Add(time.Duration(r.IntN(72*60)) * time.Minute)
		paras := make([]string, 3+r.IntN(7))
		for i := range paras {
			paras[i] = paragraph()
		}
		if r.IntN(3) == 0 { // background copied from the pool
			paras = append(paras, background[r.IntN(len(background))])
		}
		head := title()
		body := func(byline string, ps []string) string {
			return "By " + byline + "\n\n" + strings.Join(ps, "\n\n") + "\n\n(Reporting by " + byline + "; editing by " + names[r.IntN(len(names))] + ")"
		}
		add := func(title, text string, at time.Time) {
			i := len(out.stories)
			out.stories = append(out.stories, model.Story{
				Key: fmt.Sprint("s", i), Title: title, Body: text, Published: at, FirstSeen: at,
			})
			out.event = append(out.event, ev)
			out.feed = append(out.feed, r.IntN(feeds))
		}
		add(head, body(names[r.IntN(len(names))], paras), pub)
		if r.IntN(5) >= 2 {
			continue // 60% of events are told once
		}
		for n := 1 + r.IntN(4); n > 0; n-- {
			h, ps := head, paras
			switch r.IntN(4) {
			case 0: // another byline only
			case 1: // paragraphs cut from the end, at least two kept
				ps = ps[:max(2, len(ps)-1-r.IntN(len(ps)/2+1))]
			case 2: // a new headline
				h = title()
			case 3: // all of it, and a paragraph from the middle cut
				h = title()
				ps = append(append([]string{}, ps[:len(ps)/2]...), ps[len(ps)/2+1:]...)
			}
			add(h, body(names[r.IntN(len(names))], ps), pub.Add(time.Duration(1+r.IntN(600))*time.Minute))
		}
	}
	return out
}

// pairScores is the precision and recall of the pairs a clustering puts
// together against the pairs of one event.
func pairScores(event []int, cluster []int64) (precision, recall float64, tp, fp, fn int) {
	for i := range event {
		for j := i + 1; j < len(event); j++ {
			same := event[i] == event[j]
			joined := cluster[i] != 0 && cluster[i] == cluster[j]
			switch {
			case same && joined:
				tp++
			case joined:
				fp++
			case same:
				fn++
			}
		}
	}
	return float64(tp) / float64(max(1, tp+fp)), float64(tp) / float64(max(1, tp+fn)), tp, fp, fn
}

// TestClustersOfSyntheticNews: saved through the poller's path, feed by
// feed, the reprints of an event join one cluster and stories of other
// events on the same topic stay out: pair precision and recall at least
// 0.95.
func TestClustersOfSyntheticNews(t *testing.T) {
	s, _ := openTemp(t)
	news := newSyntheticNews(rand.New(rand.NewPCG(9, 9)), 400, 12)
	feeds := make([]model.Feed, 12)
	for i := range feeds {
		feeds[i] = addFeed(t, s, fmt.Sprintf("https://f%d.example/feed", i))
	}
	// Saved a feed at a time, in the order a polling round might.
	for fi, f := range feeds {
		var batch []model.Story
		for i, st := range news.stories {
			if news.feed[i] == fi {
				batch = append(batch, st)
			}
		}
		upsert(t, s, f.ID, batch...)
	}
	// A burst of saves leaves the later stories' clusters to the indexer.
	if _, err := s.CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	clusters := make([]int64, len(news.stories))
	for i, st := range news.stories {
		var c *int64
		if err := s.db.QueryRowContext(ctx, `SELECT cluster_id FROM stories WHERE feed_id = ? AND key = ?`,
			feeds[news.feed[i]].ID, st.Key).Scan(&c); err != nil {
			t.Fatal(err)
		}
		if c != nil {
			clusters[i] = *c
		}
	}
	p, r, tp, fp, fn := pairScores(news.event, clusters)
	t.Logf("%d stories of 400 events: pair precision %.3f, recall %.3f (%d right, %d wrong, %d missed)",
		len(news.stories), p, r, tp, fp, fn)
	if p < 0.95 || r < 0.95 || tp < 200 {
		t.Errorf("pair precision %.3f and recall %.3f over %d pairs, want both ≥ 0.95", p, r, tp+fn)
	}
}

// wireStory is a long story whose reprints the test makes, with a killed
// figure of the given value written in it.
func wireStory(key, title string, at time.Time, killed string, paras int) model.Story {
	ps := []string{
		"Air strikes on the eastern districts of Aleppo killed " + killed + " people on Tuesday, residents and medical workers said, as government forces pressed an offensive north of the city.",
		"The strikes hit a market and two clinics in the morning, and rescue workers were still pulling survivors from the rubble after dark, a local council official told reporters by telephone.",
		"The offensive has cut the last supply road into the rebel-held part of the city, where aid agencies say some 300,000 people remain, and convoys waiting at the border have not been allowed through.",
		"Diplomats meeting in Geneva were due to discuss a cessation of hostilities later in the week, but opposition delegates said they would not attend while the bombardment continued.",
	}
	body := strings.Join(ps[:paras], "\n\n")
	at1 := strings.Index(body, killed+" people")
	return model.Story{Key: key, Title: title, Body: body, Published: at, FirstSeen: at,
		Stats: []extract.Stat{{Text: killed + " people", Value: atof(killed), Category: extract.Killed,
			Start: at1, End: at1 + len(killed+" people")}}}
}

func atof(s string) float64 {
	var v float64
	fmt.Sscan(s, &v)
	return v
}

// TestQueueShowsAClusterOnce: three sources of one event are one row, the
// earliest story, with the size of the cluster and ≠ when they disagree
// on the number killed; the cluster's own filter lists all three; the
// queue's length and positions count the row once; triage on the cluster
// reaches every story and reports their states before, for undo.
func TestQueueShowsAClusterOnce(t *testing.T) {
	s, _ := openTemp(t)
	wire, paper, blog := addFeed(t, s, "https://wire.example/feed"), addFeed(t, s, "https://paper.example/feed"), addFeed(t, s, "https://blog.example/feed")
	upsert(t, s, wire.ID, wireStory("w1", "Strikes kill 212 in Aleppo", base, "212", 4),
		story("other", "Madaya convoy", base.Add(30*time.Minute)))
	upsert(t, s, paper.ID, wireStory("p1", "Aleppo market hit as offensive presses on", base.Add(time.Hour), "212", 3))
	upsert(t, s, blog.ID, wireStory("b1", "Aleppo: 190 dead in strikes", base.Add(2*time.Hour), "190", 4))

	all := model.Filter{View: model.ViewAll}
	hs, err := s.Queue(ctx, all, 0, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(hs) != 2 || hs[0].Title != "Madaya convoy" || hs[1].Title != "Strikes kill 212 in Aleppo" {
		t.Fatalf("queue = %+v, want the convoy and the wire story standing for its cluster", hs)
	}
	c := hs[1]
	if c.ClusterSize != 3 || !c.ClaimsDiffer || hs[0].ClusterSize != 0 || hs[0].ClaimsDiffer {
		t.Errorf("cluster row: size %d, differ %v; alone: size %d, differ %v", c.ClusterSize, c.ClaimsDiffer, hs[0].ClusterSize, hs[0].ClaimsDiffer)
	}
	for _, f := range []model.Filter{all, {View: model.ViewUnread}, {View: model.ViewAll, Search: "aleppo"}} {
		if n, err := s.QueueLen(ctx, f); err != nil || n != len(queueIDs(t, s, f, 0, 10)) {
			t.Errorf("QueueLen(%+v) = %d, %v; the queue has %d rows", f, n, err, len(queueIDs(t, s, f, 0, 10)))
		}
	}
	if i, _ := s.QueueIndex(ctx, all, c.ID); i != 1 {
		t.Errorf("QueueIndex of the cluster row = %d, want 1", i)
	}
	members := model.Filter{View: model.ViewAll, Cluster: c.Cluster}
	if ids := queueIDs(t, s, members, 0, 10); len(ids) != 3 {
		t.Fatalf("the cluster's own filter lists %d stories, want 3", len(ids))
	}
	if n, _ := s.QueueLen(ctx, members); n != 3 {
		t.Errorf("QueueLen of the cluster = %d, want 3", n)
	}
	claims, err := s.ClusterClaims(ctx, c.ID)
	if err != nil || len(claims) != 3 || claims[0].Value != 212 || claims[2].Value != 190 || claims[0].Source != "https://wire.example/feed" || claims[2].Source != "https://blog.example/feed" {
		t.Errorf("ClusterClaims = %+v, %v; want 212, 212 and 190 with their sources", claims, err)
	}

	// Read and starred state: the paper's story was read before.
	pID := idByKey(t, s, "p1")
	s.SetTriage(ctx, pID, model.Triage{Read: true})
	yes := true
	before, err := s.ChangeClusterTriage(ctx, c.Cluster, model.TriageChange{Archived: &yes})
	if err != nil || len(before) != 3 || !before[pID].Read || before[c.ID].Read {
		t.Fatalf("ChangeClusterTriage = %v, %v", before, err)
	}
	if ids := queueIDs(t, s, all, 0, 10); len(ids) != 1 {
		t.Errorf("after archiving the cluster the queue holds %d rows, want the convoy alone", len(ids))
	}
	arch := model.Filter{View: model.ViewArchived}
	if ids := queueIDs(t, s, arch, 0, 10); len(ids) != 1 {
		t.Errorf("archived: %d rows, want the cluster once", len(ids))
	}
	checkCounters(t, s)
	// Reading the earliest story alone (within the cluster's own filter)
	// lets the next story stand for the cluster among the unread.
	no := false
	s.ChangeClusterTriage(ctx, c.Cluster, model.TriageChange{Archived: &no})
	s.SetTriage(ctx, c.ID, model.Triage{Read: true})
	hs, _ = s.Queue(ctx, model.Filter{View: model.ViewUnread}, 0, 10)
	if len(hs) != 2 || hs[0].Title != "Aleppo: 190 dead in strikes" {
		t.Errorf("unread: %+v, want the blog's story standing for the cluster", hs)
	}
}

// BenchmarkClusteringOverhead is a polling round's writes (see
// BenchmarkUpsertFeedsConcurrent) without and with clustering: the
// fingerprints, the look-ups and the sketch rows.
func BenchmarkClusteringOverhead(b *testing.B) {
	for _, on := range []bool{false, true} {
		b.Run(fmt.Sprintf("clusters=%v", on), func(b *testing.B) {
			defer func(old bool) { clusterStories = old }(clusterStories)
			clusterStories = on
			BenchmarkUpsertFeedsConcurrent(b)
		})
	}
}

// TestClusterSizeIsBounded: sixty copies of one story (a briefing in one
// template) make clusters of at most maxClusterSize stories, not one.
func TestClusterSizeIsBounded(t *testing.T) {
	s, _ := openTemp(t)
	f := addFeed(t, s, "https://briefing.example/feed")
	var sts []model.Story
	for i := range 60 {
		st := wireStory(fmt.Sprint("k", i), "Daily briefing", base.Add(time.Duration(i)*time.Minute), "212", 4)
		sts = append(sts, st)
	}
	upsert(t, s, f.ID, sts[:30]...)
	upsert(t, s, f.ID, sts[30:]...)
	var biggest int
	if err := s.db.QueryRow(`SELECT MAX(n) FROM (SELECT COUNT(*) n FROM stories WHERE cluster_id IS NOT NULL GROUP BY cluster_id)`).Scan(&biggest); err != nil {
		t.Fatal(err)
	}
	if biggest != maxClusterSize {
		t.Errorf("largest cluster %d stories, want %d", biggest, maxClusterSize)
	}
}

// BenchmarkQueueClustered is the queue on 100,000 stories (see
// benchStories) of which a third are in clusters of three: the page, the
// length and a story's place, each showing a cluster once.
func BenchmarkQueueClustered(b *testing.B) {
	s, err := Open(filepath.Join(b.TempDir(), "clustered.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	if err := Populate(ctx, s, benchFeeds, benchStories()); err != nil {
		b.Fatal(err)
	}
	if _, err := s.db.Exec(`UPDATE stories SET cluster_id = (id / 3) * 3 + 1 WHERE (id / 3) % 3 = 0`); err != nil {
		b.Fatal(err)
	}
	mid := int64(benchStories() / 2)
	for _, f := range []struct {
		name string
		f    model.Filter
	}{{"all", model.Filter{View: model.ViewAll}}, {"unread", model.Filter{View: model.ViewUnread}}, {"feed", model.Filter{View: model.ViewFeed, FeedID: 7}}} {
		b.Run("Queue/"+f.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := s.Queue(ctx, f.f, 0, 200); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("QueueLen/"+f.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := s.QueueLen(ctx, f.f); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("QueueIndex/"+f.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := s.QueueIndex(ctx, f.f, mid); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestUpgradeFillsInSketches: stories saved before clustering (a database
// from before migration 8) are fingerprinted by the next process's first
// save, cluster with each other, and a new reprint joins them.
func TestUpgradeFillsInSketches(t *testing.T) {
	s, path := openTemp(t)
	a, b := addFeed(t, s, "https://a.example/feed"), addFeed(t, s, "https://b.example/feed")
	now := time.Now().Add(-time.Hour)
	clusterStories = false
	defer func() { clusterStories = true }()
	upsert(t, s, a.ID, wireStory("a1", "Strikes kill 212 in Aleppo", now, "212", 4))
	upsert(t, s, b.ID, wireStory("b1", "Aleppo market hit", now.Add(time.Minute), "212", 3))
	clusterStories = true
	s.Close()
	s2, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	upsert(t, s2, b.ID, wireStory("b2", "Aleppo: 190 dead", now.Add(2*time.Minute), "190", 4))
	hs, err := s2.Queue(ctx, model.Filter{View: model.ViewAll}, 0, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(hs) != 1 || hs[0].ClusterSize != 3 || !hs[0].ClaimsDiffer {
		t.Fatalf("after the upgrade: %+v, want one row of three sources that differ", hs)
	}
}

// TestClusteringIsRepeatable: the same stories saved the same way cluster
// the same way, and the same whether the saves cluster them or leave them
// to the indexer (clusters_pending.go). Stories from one template (a daily
// briefing in sixty outlets) fill clusters and turn keys into stop keys,
// where the order in which stories enter the index decides which story a
// key files.
func TestClusteringIsRepeatable(t *testing.T) {
	places := []string{"Aleppo", "Idlib", "Goma", "El Fasher", "Kharkiv", "Rafah"}
	clusters := func(deferFrom int64) (got map[string]string, waited int) {
		defer func(old int64) { clusterDeferBacklog = old }(clusterDeferBacklog)
		clusterDeferBacklog = deferFrom
		s, _ := openTemp(t)
		s.ix.close() // the test catches up itself, at a known moment
		rng := rand.New(rand.NewPCG(7, 7))
		for f := range 60 {
			feed := addFeed(t, s, fmt.Sprintf("https://outlet%d.example/feed", f))
			var sts []model.Story
			for i := range 50 {
				place := places[rng.IntN(len(places))]
				body := fmt.Sprintf("At least %d people were killed and %d injured in %s overnight, officials said, as more than %d,000 residents fled their homes.\n\n"+
					"Aid agencies say $%d million is needed to support about %d,000 people at risk of hunger in the coming three months, while %d tonnes of food remain blocked at the border.",
					5+rng.IntN(200), 10+rng.IntN(400), place, 2+rng.IntN(80), 5+rng.IntN(300), 50+rng.IntN(900), 100+rng.IntN(5000))
				at := base.Add(-time.Duration(i) * time.Hour)
				sts = append(sts, model.Story{Key: fmt.Sprintf("%d-%d", f, i), Title: place + ": fighting spreads", Body: body, Published: at, FirstSeen: at})
			}
			upsert(t, s, feed.ID, sts...)
		}
		if err := s.db.QueryRow(`SELECT COUNT(*) FROM cluster_pending`).Scan(&waited); err != nil {
			t.Fatal(err)
		}
		if _, err := s.CatchUp(ctx); err != nil {
			t.Fatal(err)
		}
		got = map[string]string{}
		rows, err := s.db.Query(`SELECT s.key, COALESCE(c.key, '') FROM stories s LEFT JOIN stories c ON c.id = s.cluster_id`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		for rows.Next() {
			var k, c string
			rows.Scan(&k, &c)
			got[k] = c
		}
		return got, waited
	}
	never := int64(math.MaxInt64)
	first, waited := clusters(never)
	if waited != 0 {
		t.Fatalf("%d stories waited for their clusters with deferring off", waited)
	}
	for _, run := range []struct {
		name      string
		deferFrom int64
	}{{"saved the same way", never}, {"all left to the indexer", 0}, {"left to the indexer from the 500th", 500}} {
		second, waited := clusters(run.deferFrom)
		if run.deferFrom != never && waited < len(first)-int(run.deferFrom)-50 {
			t.Errorf("%s: only %d stories of %d waited for the indexer", run.name, waited, len(first))
		}
		differ := 0
		for k, c := range first {
			if second[k] != c {
				differ++
			}
		}
		if differ > 0 {
			t.Errorf("%s: %d of %d stories clustered otherwise", run.name, differ, len(first))
		}
	}
}

// TestBurstClustersAfterTheIndexer: stories saved in a burst show alone
// until the background indexer clusters them; then the queue shows their
// cluster once and Clustered tells the reader to read it again. Between
// bursts a reprint joins its cluster as it is saved.
func TestBurstClustersAfterTheIndexer(t *testing.T) {
	defer func(old int64) { clusterDeferBacklog = old }(clusterDeferBacklog)
	clusterDeferBacklog = 0 // every save is part of a burst
	s, _ := openTemp(t)
	wire, paper := addFeed(t, s, "https://wire.example/feed"), addFeed(t, s, "https://paper.example/feed")
	upsert(t, s, wire.ID, wireStory("w1", "Strikes kill 212 in Aleppo", base, "212", 4))
	upsert(t, s, paper.ID, wireStory("p1", "Aleppo market hit as offensive presses on", base.Add(time.Hour), "212", 3))
	all := model.Filter{View: model.ViewAll}
	// Two stories and no cluster until the indexer runs: the write lock,
	// held here, keeps it waiting while the queue is read.
	if err := s.lockWrite(ctx); err != nil {
		t.Fatal(err)
	}
	hs, err := s.Queue(ctx, all, 0, 10)
	s.unlockWrite()
	if err != nil || len(hs) != 2 || hs[0].ClusterSize != 0 {
		t.Fatalf("queue right after the burst = %+v, %v; want both stories alone", hs, err)
	}
	select {
	case <-s.Clustered():
	case <-time.After(10 * time.Second):
		t.Fatal("the indexer did not say it clustered the burst's stories")
	}
	hs, err = s.Queue(ctx, all, 0, 10)
	if err != nil || len(hs) != 1 || hs[0].ClusterSize != 2 {
		t.Fatalf("queue after the indexer = %+v, %v; want one row standing for a cluster of two", hs, err)
	}

	clusterDeferBacklog = math.MaxInt64 // the burst is over
	blog := addFeed(t, s, "https://blog.example/feed")
	upsert(t, s, blog.ID, wireStory("b1", "Aleppo: 190 dead in strikes", base.Add(2*time.Hour), "190", 4))
	if hs, err := s.Queue(ctx, all, 0, 10); err != nil || len(hs) != 1 || hs[0].ClusterSize != 3 {
		t.Fatalf("queue right after a save between bursts = %+v, %v; want the reprint in the cluster at once", hs, err)
	}
}

// TestBurstLeftWaitingByAnotherProcess: stories a process left waiting
// for their clusters (it stopped before its indexer got to them) are
// clustered by the next process's indexer, not also by the backfill of its
// first save, which once filed them twice and made every later indexing
// batch fail on their sketch rows.
func TestBurstLeftWaitingByAnotherProcess(t *testing.T) {
	defer func(old int64) { clusterDeferBacklog = old }(clusterDeferBacklog)
	clusterDeferBacklog = 0
	// Recent, as the backfill only looks at the last days' stories.
	at := time.Now().Truncate(time.Minute).Add(-3 * time.Hour)
	s, path := openTemp(t)
	wire, paper := addFeed(t, s, "https://wire.example/feed"), addFeed(t, s, "https://paper.example/feed")
	s.ix.close() // it stops before its indexer runs
	upsert(t, s, wire.ID, wireStory("w1", "Strikes kill 212 in Aleppo", at, "212", 4))
	upsert(t, s, paper.ID, wireStory("p1", "Aleppo market hit as offensive presses on", at.Add(time.Hour), "212", 3))
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	clusterDeferBacklog = math.MaxInt64
	next, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer next.Close()
	next.ix.close() // the test catches up itself
	blog := addFeed(t, next, "https://blog.example/feed")
	upsert(t, next, blog.ID, story("b1", "Madaya convoy", at)) // the first save runs the backfill
	if _, err := next.CatchUp(ctx); err != nil {
		t.Fatalf("catching up the stories left waiting: %v", err)
	}
	hs, err := next.Queue(ctx, model.Filter{View: model.ViewAll}, 0, 10)
	if err != nil || len(hs) != 2 {
		t.Fatalf("queue = %+v, %v; want the convoy and one row for the two reprints", hs, err)
	}
	for _, h := range hs {
		if h.Title == "Strikes kill 212 in Aleppo" && h.ClusterSize != 2 {
			t.Errorf("the reprints' row stands for %d stories, want 2", h.ClusterSize)
		}
	}
}
