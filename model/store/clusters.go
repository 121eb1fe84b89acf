package store

// Clusters (issue 9): the same event told by several sources, once. Each
// story is fingerprinted when it is saved (cluster.Fingerprint), or by the
// indexer after a burst of saves (clusters_pending.go), and compared with
// the recent stories that share one of its look-up keys; a near-duplicate
// joins the other's cluster. stories.cluster_id is the cluster (the id of
// its first story), NULL for a story alone, so stories that match nothing
// cost one more row (their sketch) and no update. The look-up keys live in
// memory, loaded once from story_sketches and brought up to date at every
// write group with the rows other processes added; the queue shows a
// cluster once (queueWhere).

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	"sitrep/model"
	"sitrep/model/cluster"
	"sitrep/model/extract"
)

// clusterSchema is migration 8.
var clusterSchema = []string{
	`ALTER TABLE stories ADD COLUMN cluster_id INTEGER`,
	`CREATE INDEX stories_cluster ON stories (cluster_id, published, id) WHERE cluster_id IS NOT NULL`,
	`CREATE TABLE story_sketches (
		story_id  INTEGER PRIMARY KEY REFERENCES stories (id) ON DELETE CASCADE,
		published BIGINT NOT NULL,
		sketch    BLOB   NOT NULL -- cluster.Sketch.Marshal
	)`,
}

// clusterStories turns fingerprinting off, for the benchmark that
// measures what clustering costs a polling round.
var clusterStories = true

// clusterIndexSchema is migration 9: stories_cluster holds the columns a
// queue filter without a search reads (feed, flags), so counting the
// stories clusters hide and finding a story's earlier sources read the
// index alone, not a table row per clustered story (at 100,000 stories
// nearly all clustered, QueueLen took 50 ms).
var clusterIndexSchema = []string{
	`DROP INDEX stories_cluster`,
	`CREATE INDEX stories_cluster ON stories (cluster_id, published, id, feed_id, read, starred, archived)
		WHERE cluster_id IS NOT NULL`,
}

// clusterWindow: stories further apart than this are not one event, and
// the index forgets stories older than twice this.
const clusterWindow = 4 * 24 * time.Hour

// clusterIndex finds the recent stories that may be near-duplicates of a
// new one.
type clusterIndex struct {
	mu      sync.Mutex
	warm    sync.Once // the first load, outside the write lock (warmClusters)
	loaded  bool
	maxID   int64
	entries map[int64]*clusterEntry
	byKey   map[uint32][]posting
	// stop are keys too common to tell stories apart (a stock phrase
	// whose hash happens to be small): like stop words, they are not
	// filed or looked up, so a look-up reads a few short lists.
	stop map[uint32]bool
	// sizes counts the stories of each cluster the index holds.
	sizes map[int64]int
	// backfilled: the recent stories saved without a sketch (before
	// migration 8) have been fingerprinted, by this process, once.
	backfilled bool
	swept      int // entries after the last sweep
}

// maxClusterSize bounds a cluster: one event told by more sources than
// this is rare, and a chain of stories each like the next (a daily
// briefing in one template) must not swallow a feed.
const maxClusterSize = 50

// maxPosting is how many stories a key may file before it is a stop key.
const maxPosting = 16

// posting is a story filed under a key, with what a look-up checks before
// it reads the story's entry: its date and its cluster as filed. Of the
// stories a look-up meets in a first polling round, two in three were
// turned away for the date or a full cluster, and reading each one's entry
// (a map look-up and a pointer to follow, out of cache) was most of the
// look-up's time. A cluster, once set, never changes, so a posting's
// cluster is the story's unless the story was alone when filed and has
// since become the first of a cluster, whose id is its own.
type posting struct {
	id, cluster, published int64
}

// keysOf are the look-up keys of a sketch: its smallest hashes that are
// not stop keys, in buf.
func (x *clusterIndex) keysOf(sk cluster.Sketch, buf *[cluster.Keys]uint32) []uint32 {
	return keysBut(sk, buf, x.stop, nil)
}

// keysBut are the smallest hashes of sk in neither stop set, in buf.
func keysBut(sk cluster.Sketch, buf *[cluster.Keys]uint32, stop, more map[uint32]bool) []uint32 {
	out := buf[:0]
	for _, h := range sk.Hashes {
		if len(out) == cluster.Keys {
			break
		}
		if !stop[h] && !more[h] {
			out = append(out, h)
		}
	}
	return out
}

// file adds id under key k, making k a stop key when it grows too common.
// A story whose cluster is filed under k already is not filed again: one
// event in forty outlets is one entry, and a key grows common only with
// stories that are not alike.
func (x *clusterIndex) file(k uint32, p posting) {
	if x.stop[k] {
		return
	}
	switch filing(p, x.byKey[k]) {
	case fileStop:
		x.stop[k] = true
		delete(x.byKey, k)
	case fileAdd:
		x.byKey[k] = append(x.byKey[k], p)
	}
}

// fileOutcome is what filing a story under a key does.
type fileOutcome int

const (
	fileNone fileOutcome = iota // its cluster is filed there already
	fileAdd                     // it joins the key's postings
	fileStop                    // the key grew too common: a stop key
)

// filing is the one rule of the index and of a group's staging (file):
// what filing p does under a key whose postings are lists, together.
func filing(p posting, lists ...[]posting) fileOutcome {
	n := 0
	for _, ps := range lists {
		if p.cluster != 0 && filed(ps, p.cluster) {
			return fileNone
		}
		n += len(ps)
	}
	if n >= maxPosting {
		return fileStop
	}
	return fileAdd
}

type clusterEntry struct {
	sketch    cluster.Sketch
	published int64 // unix microseconds
	cluster   int64 // 0: alone
}

func (x *clusterIndex) add(id int64, e *clusterEntry) {
	if old, ok := x.entries[id]; ok {
		if old.cluster == 0 && e.cluster != 0 {
			x.sizes[e.cluster]++
		}
		old.cluster = e.cluster
		return
	}
	if e.cluster != 0 {
		x.sizes[e.cluster]++
	}
	x.entries[id] = e
	var keys [cluster.Keys]uint32
	for _, k := range x.keysOf(e.sketch, &keys) {
		x.file(k, posting{id: id, cluster: e.cluster, published: e.published})
	}
	x.maxID = max(x.maxID, id)
}

// sweep forgets the stories too old to join a new one, now and then.
func (x *clusterIndex) sweep(now time.Time) {
	if len(x.entries) < 2*x.swept+10000 {
		return
	}
	cut := now.Add(-2 * clusterWindow).UnixMicro()
	for id, e := range x.entries {
		if e.published < cut {
			delete(x.entries, id)
		}
	}
	for k, ps := range x.byKey {
		keep := ps[:0]
		for _, p := range ps {
			if x.entries[p.id] != nil {
				keep = append(keep, p)
			}
		}
		if len(keep) == 0 {
			delete(x.byKey, k)
		} else {
			x.byKey[k] = keep
		}
	}
	x.swept = len(x.entries)
}

// clusterTx is a write group's view of the index: the stories it added
// are staged until it commits, and seen by its later stories (two
// reprints can arrive in one group).
type clusterTx struct {
	x         *clusterIndex
	staged    map[int64]*clusterEntry
	stagedKey map[uint32][]posting
	// stop are the keys this group's stories made stop keys. Staged
	// filing follows the index's own rules (file), so a story's keys and
	// its cluster do not depend on where one group ends and the next
	// begins: a first round's groups, or the indexer's batches of stories
	// that waited (clusters_pending.go), cluster as stories saved one by
	// one would.
	stop     map[uint32]bool
	grown    map[int64]int // stories this group added to each cluster
	backfill bool          // this group fingerprints the stories saved without a sketch
	g        *groupTx
	// sketches are the sketch rows of the stories saved since the last
	// flush, three arguments a row, written many rows a statement.
	sketches []any
	setClust *sql.Stmt
	// tried is match's set of the stories it compared, kept from one
	// story to the next: made anew, it was a tenth of match's time.
	tried map[int64]bool
}

// clusterEntries reads the sketches of the stories after story id after
// that are recent enough to join a new story, calling add for each.
func clusterEntries(ctx context.Context, q interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}, after int64, add func(id int64, e *clusterEntry)) error {
	since := time.Now().Add(-2 * clusterWindow).UnixMicro()
	rows, err := q.QueryContext(ctx, `SELECT k.story_id, k.published, COALESCE(s.cluster_id, 0), k.sketch
		FROM story_sketches k JOIN stories s ON s.id = k.story_id
		WHERE k.story_id > ? AND k.published > ? ORDER BY k.story_id`, after, since)
	if err != nil {
		return fmt.Errorf("clusters: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var blob []byte
		e := &clusterEntry{}
		if err := rows.Scan(&id, &e.published, &e.cluster, &blob); err != nil {
			return fmt.Errorf("clusters: %w", err)
		}
		if e.sketch, err = cluster.Unmarshal(blob); err != nil {
			continue
		}
		add(id, e)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("clusters: %w", err)
	}
	return nil
}

// init empties the index, before its first load.
func (x *clusterIndex) init() {
	x.entries, x.byKey, x.stop = map[int64]*clusterEntry{}, map[uint32][]posting{}, map[uint32]bool{}
	x.sizes = map[int64]int{}
}

// warmClusters loads the index the first time this store saves stories,
// before the write lock: with a million stories, half of them recent,
// the load took seconds, and a star or a tag waited for it behind the
// lock. What is saved after the load is caught up in the lock (clusters).
// Callers meanwhile wait for it, as they would for the lock.
func (s *SQLite) warmClusters(ctx context.Context) {
	x := &s.clusterIdx
	x.warm.Do(func() {
		var fresh clusterIndex
		fresh.init()
		if err := clusterEntries(ctx, s.db, 0, fresh.add); err != nil {
			return // the first group loads the index itself
		}
		x.mu.Lock()
		defer x.mu.Unlock()
		if x.loaded {
			return
		}
		x.entries, x.byKey, x.stop, x.sizes, x.maxID = fresh.entries, fresh.byKey, fresh.stop, fresh.sizes, fresh.maxID
		x.loaded = true
	})
}

// clusters readies the index for a write group: loaded on first use
// (unless warmClusters has), then caught up with the stories saved since,
// by other processes too.
func (s *SQLite) clusters(ctx context.Context, g *groupTx) (*clusterTx, error) {
	x := &s.clusterIdx
	x.mu.Lock()
	defer x.mu.Unlock()
	if !x.loaded {
		x.init()
	}
	if err := clusterEntries(ctx, g.tx, x.maxID, x.add); err != nil {
		return nil, err
	}
	x.loaded = true
	var err error
	ct := &clusterTx{x: x, g: g, staged: map[int64]*clusterEntry{}, stagedKey: map[uint32][]posting{}, stop: map[uint32]bool{},
		grown: map[int64]int{}, tried: map[int64]bool{}, backfill: !x.backfilled && clusterStories}
	if ct.setClust, err = g.stmt(ctx, `UPDATE stories SET cluster_id = ? WHERE id = ? AND cluster_id IS NULL`); err != nil {
		return nil, err
	}
	return ct, nil
}

// entry is story id as this group sees it.
func (c *clusterTx) entry(id int64) *clusterEntry {
	if e := c.staged[id]; e != nil {
		return e
	}
	return c.x.entries[id]
}

// match finds the cluster a new story joins: that of the most similar
// recent story it is a near-duplicate of. 0 and no match: alone.
func (c *clusterTx) match(sk cluster.Sketch, published int64) (matchID, clusterID int64) {
	if !sk.Usable() {
		return 0, 0
	}
	c.x.mu.Lock()
	defer c.x.mu.Unlock()
	best, bestSim := int64(0), 0.0
	tried := c.tried
	clear(tried)
	window := clusterWindow.Microseconds()
	full := func(cl int64) bool { return cl != 0 && c.x.sizes[cl]+c.grown[cl] >= maxClusterSize }
	var keys [cluster.Keys]uint32
	for _, k := range c.keysOf(sk, &keys) {
		for _, ps := range [2][]posting{c.x.byKey[k], c.stagedKey[k]} {
			for _, p := range ps {
				// What the posting tells turns most stories away
				// before their entry is read (see posting).
				if abs64(p.published-published) > window || full(p.cluster) || tried[p.id] {
					continue
				}
				tried[p.id] = true
				e := c.entry(p.id)
				if e == nil || !e.sketch.Usable() || full(e.cluster) {
					continue
				}
				j, cont := cluster.Similarity(sk, e.sketch)
				if cluster.SameScores(j, cont) && (j > bestSim || best == 0) {
					best, bestSim = p.id, j
				}
			}
		}
	}
	if best == 0 {
		return 0, 0
	}
	e := c.entry(best)
	if e.cluster != 0 {
		return best, e.cluster
	}
	return best, best
}

func abs64(v int64) int64 {
	if v < 0 {
		return -v
	}
	return v
}

// saved files a new story: its sketch row, its look-up keys (staged), and
// the story it matched made the first of the cluster when it was alone.
func (c *clusterTx) saved(ctx context.Context, id int64, e *encodedStory, matchID, clusterID int64) error {
	if !e.sketch.Usable() {
		return nil
	}
	c.sketches = append(c.sketches, id, e.published, e.sketch.Marshal())
	c.x.mu.Lock()
	defer c.x.mu.Unlock()
	if matchID != 0 {
		if m := c.entry(matchID); m.cluster == 0 {
			if _, err := c.setClust.ExecContext(ctx, clusterID, matchID); err != nil {
				return fmt.Errorf("cluster: %w", err)
			}
			cp := *m
			cp.cluster = clusterID
			c.staged[matchID] = &cp
			c.grown[clusterID]++
		}
	}
	if clusterID != 0 {
		c.grown[clusterID]++
	}
	c.staged[id] = &clusterEntry{sketch: e.sketch, published: e.published, cluster: clusterID}
	var keys [cluster.Keys]uint32
	for _, k := range c.keysOf(e.sketch, &keys) {
		c.file(k, posting{id: id, cluster: clusterID, published: e.published})
	}
	return nil
}

// keysOf is clusterIndex.keysOf with this group's stop keys too.
func (c *clusterTx) keysOf(sk cluster.Sketch, buf *[cluster.Keys]uint32) []uint32 {
	return keysBut(sk, buf, c.x.stop, c.stop)
}

// file stages p under key k by clusterIndex.file's rules, counting what the
// index holds under k and what this group filed: commit files the group's
// stories into the index in story order, and comes to the same keys.
func (c *clusterTx) file(k uint32, p posting) {
	switch filing(p, c.x.byKey[k], c.stagedKey[k]) {
	case fileStop:
		c.stop[k] = true
	case fileAdd:
		c.stagedKey[k] = append(c.stagedKey[k], p)
	}
}

// filed says whether one of ps is of cluster: filed with it, or the story
// that became its first after it was filed (see posting).
func filed(ps []posting, cluster int64) bool {
	for _, p := range ps {
		if p.cluster == cluster || p.id == cluster {
			return true
		}
	}
	return false
}

// maxBackfill bounds the stories fingerprinted after an upgrade.
const maxBackfill = 5000

// fillIn fingerprints the recent stories saved without a sketch (by a
// sitrep before migration 8), oldest first, and clusters them as if they
// had just arrived, so an upgrade does not leave the last days' stories
// out of the clusters. It runs in the first write group of a process.
func (c *clusterTx) fillIn(ctx context.Context) error {
	since := time.Now().Add(-2 * clusterWindow).UnixMicro()
	_, _, _, err := c.clusterSaved(ctx, `SELECT s.id, s.published, s.title, COALESCE(t.body, '')
		FROM stories s LEFT JOIN story_texts t ON t.story_id = s.id
		WHERE s.published > ? AND s.cluster_id IS NULL
		AND NOT EXISTS (SELECT 1 FROM story_sketches k WHERE k.story_id = s.id)
		AND NOT EXISTS (SELECT 1 FROM cluster_pending p WHERE p.story_id = s.id)
		ORDER BY s.published, s.id LIMIT ?`, since, maxBackfill)
	return err
}

// clusterSaved fingerprints and clusters stories already saved alone, as
// if they had just arrived, in the order query (id, published, title,
// body) gives them. It reports how many it read, how many joined a
// cluster, and the last one's id.
func (c *clusterTx) clusterSaved(ctx context.Context, query string, args ...any) (n, joined int, last int64, err error) {
	rows, err := c.g.tx.QueryContext(ctx, query, args...)
	if err != nil {
		return 0, 0, 0, fmt.Errorf("clusters: %w", err)
	}
	type saved struct {
		id int64
		e  encodedStory
	}
	var ss []saved
	for rows.Next() {
		var o saved
		var title, body string
		if err := rows.Scan(&o.id, &o.e.published, &title, &body); err != nil {
			rows.Close()
			return 0, 0, 0, fmt.Errorf("clusters: %w", err)
		}
		o.e.sketch = cluster.Fingerprint(title, body)
		ss = append(ss, o)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, 0, 0, fmt.Errorf("clusters: %w", err)
	}
	if len(ss) == 0 {
		return 0, 0, 0, nil
	}
	set, err := c.g.stmt(ctx, `UPDATE stories SET cluster_id = ? WHERE id = ?`)
	if err != nil {
		return 0, 0, 0, fmt.Errorf("clusters: %w", err)
	}
	for i := range ss {
		o := &ss[i]
		matchID, clusterID := c.match(o.e.sketch, o.e.published)
		if clusterID != 0 {
			if _, err := set.ExecContext(ctx, clusterID, o.id); err != nil {
				return 0, 0, 0, fmt.Errorf("clusters: %w", err)
			}
			joined++
		}
		if err := c.saved(ctx, o.id, &o.e, matchID, clusterID); err != nil {
			return 0, 0, 0, err
		}
	}
	return len(ss), joined, ss[len(ss)-1].id, c.flush(ctx)
}

// flush writes the sketch rows of the stories saved since the last flush.
func (c *clusterTx) flush(ctx context.Context) error {
	err := c.g.insertMany(ctx, `INSERT INTO story_sketches (story_id, published, sketch) VALUES (?, ?, ?)`, 3, c.sketches)
	c.sketches = c.sketches[:0]
	if err != nil {
		return fmt.Errorf("sketches: %w", err)
	}
	return nil
}

// commit makes the group's stories part of the index, once it committed.
func (c *clusterTx) commit() {
	c.x.mu.Lock()
	defer c.x.mu.Unlock()
	// In story order, so that which story of a cluster a key files (and
	// when a key turns into a stop key) does not depend on a map's order:
	// the same stories saved the same way cluster the same way.
	for _, id := range slices.Sorted(maps.Keys(c.staged)) {
		c.x.add(id, c.staged[id])
	}
	if c.backfill {
		c.x.backfilled = true
	}
	c.x.sweep(time.Now())
}

// sAlias finds the story alias of a where() condition.
var sAlias = regexp.MustCompile(`\bs\.`)

// queueWhere is where(f) showing each cluster once (the earlier stories
// found by the cluster index, which the planner would otherwise trade for
// a feed's or a view's index and walk them whole): a clustered story is
// left out when an earlier story of its cluster (by date, then id) is
// shown by the same filter. A filter of one cluster (z) shows it whole.
func queueWhere(f model.Filter) (string, []any, error) { return queueWhereWith(ftsWords, f) }

// queueWhereWith is queueWhere with the search's words found the way
// words says (ftsWalkWords: story by story as the queue is walked).
func queueWhereWith(words textSearch, f model.Filter) (string, []any, error) {
	cond, args, err := whereWith(words, f)
	if err != nil || f.Cluster != 0 {
		return cond, args, err
	}
	inner := sAlias.ReplaceAllString(cond, "c.")
	cond = cond + ` AND (s.cluster_id IS NULL OR NOT EXISTS (SELECT 1 FROM stories c INDEXED BY stories_cluster
		WHERE c.cluster_id = s.cluster_id AND (c.published < s.published OR (c.published = s.published AND c.id < s.id))
		AND ` + inner + `))`
	return cond, append(args, args...), nil
}

// ChangeClusterTriage writes change c to every story of a cluster and
// returns each story's state before it, for undo.
func (s *SQLite) ChangeClusterTriage(ctx context.Context, clusterID int64, c model.TriageChange) (map[int64]model.Triage, error) {
	before := map[int64]model.Triage{}
	if c.Empty() || clusterID == 0 {
		return before, nil
	}
	err := s.write(ctx, func(tx *sql.Tx) error {
		clear(before)
		rows, err := tx.QueryContext(ctx, `SELECT id, feed_id, read, starred, archived FROM stories WHERE cluster_id = ?`, clusterID)
		if err != nil {
			return err
		}
		type member struct {
			id, feed int64
			t        model.Triage
		}
		var ms []member
		for rows.Next() {
			var m member
			var r, st, a int
			if err := rows.Scan(&m.id, &m.feed, &r, &st, &a); err != nil {
				rows.Close()
				return err
			}
			m.t = goTriage(r, st, a)
			ms = append(ms, m)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for _, m := range ms {
			before[m.id] = m.t
			t := c.Apply(m.t)
			if t == m.t {
				continue
			}
			if _, err := tx.ExecContext(ctx, `UPDATE stories SET read = ?, starred = ?, archived = ? WHERE id = ?`,
				dbBool(t.Read), dbBool(t.Starred), dbBool(t.Archived), m.id); err != nil {
				return err
			}
			var n tally
			n.add(m.t, -1)
			n.add(t, +1)
			if err := n.apply(ctx, tx, m.feed); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store: cluster triage: %w", err)
	}
	return before, nil
}

// nullID is id for the database, NULL for 0.
func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// hiddenInClusters counts the stories of a filter that the queue leaves
// out because an earlier story of their cluster stands for them: what
// QueueLen takes from the counters. Each cluster with k stories in the
// filter shows one and hides k-1, so it is the clustered stories less the
// clusters, in one walk of the cluster index.
func (s *SQLite) hiddenInClusters(ctx context.Context, f model.Filter) (int, error) {
	cond, args, err := s.whereIndexed(ctx, f)
	if err != nil {
		return 0, err
	}
	var n int
	err = s.db.QueryRowContext(ctx, `SELECT COUNT(*) - COUNT(DISTINCT s.cluster_id) FROM stories s INDEXED BY stories_cluster
		WHERE s.cluster_id IS NOT NULL AND `+cond, args...).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("store: clusters: %w", err)
	}
	return n, nil
}

// claimsSQL selects the human-cost figures of the stories of some
// clusters, with their sources. The stories lead (CROSS JOIN keeps the
// order): without statistics SQLite would rather walk a million figures
// by category. model.IsClaimCategory says the same in Go for the stories
// that wait for their rows (waitingClaimsSQL).
const claimsSQL = `SELECT s.cluster_id, f.story_id, s.published, ` + feedTitleCol + `,
	f.category, f.value, f.text, f.start
	FROM stories s INDEXED BY stories_cluster CROSS JOIN figures f ON f.story_id = s.id
	WHERE f.vague = 0 AND f.category IN ('killed', 'injured', 'displaced', 'refugees', 'detained', 'missing', 'at_risk')
	AND s.cluster_id IN `

// waitingClaimsSQL selects the packed highlights of the stories of some
// clusters that wait for the indexer (index_pending.go).
const waitingClaimsSQL = `SELECT s.cluster_id, s.id, s.published, ` + feedTitleCol + `,
	p.highlights, COALESCE(t.body, '')
	FROM stories s INDEXED BY stories_cluster CROSS JOIN index_pending p ON p.story_id = s.id
	LEFT JOIN story_texts t ON t.story_id = s.id
	WHERE s.cluster_id IN `

// clusterClaim is a claim with where it stands: its cluster, then its
// story's date and id, then its offset order the claims.
type clusterClaim struct {
	cluster, published int64
	model.Claim
}

// clusterClaims reads the claims of the clusters, by cluster.
func clusterClaims(ctx context.Context, db *sql.DB, clusters []int64) (map[int64][]model.Claim, error) {
	out := map[int64][]model.Claim{}
	if len(clusters) == 0 {
		return out, nil
	}
	args := make([]any, len(clusters))
	for i, c := range clusters {
		args[i] = c
	}
	in := `(?` + strings.Repeat(", ?", len(clusters)-1) + `)`
	all, err := indexedClaims(ctx, db, claimsSQL+in, args)
	if err != nil {
		return nil, err
	}
	if all, err = waitingClaims(ctx, db, waitingClaimsSQL+in, args, all); err != nil {
		return nil, err
	}
	slices.SortStableFunc(all, func(a, b clusterClaim) int {
		return cmp.Or(cmp.Compare(a.cluster, b.cluster), cmp.Compare(a.published, b.published),
			cmp.Compare(a.StoryID, b.StoryID), cmp.Compare(a.Start, b.Start))
	})
	for _, c := range all {
		out[c.cluster] = append(out[c.cluster], c.Claim)
	}
	return out, nil
}

func indexedClaims(ctx context.Context, db *sql.DB, q string, args []any) ([]clusterClaim, error) {
	rows, err := db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var all []clusterClaim
	for rows.Next() {
		var c clusterClaim
		var cat string
		if err := rows.Scan(&c.cluster, &c.StoryID, &c.published, &c.Source, &cat, &c.Value, &c.Text, &c.Start); err != nil {
			return nil, err
		}
		c.Category = extract.Category(cat)
		all = append(all, c)
	}
	return all, rows.Err()
}

// waitingClaims adds to all the claims of the stories that wait for their
// rows, read from their packed highlights.
func waitingClaims(ctx context.Context, db *sql.DB, q string, args []any, all []clusterClaim) ([]clusterClaim, error) {
	rows, err := db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var c clusterClaim
		var packed []byte
		var body string
		if err := rows.Scan(&c.cluster, &c.StoryID, &c.published, &c.Source, &packed, &body); err != nil {
			return nil, err
		}
		_, stats, err := unpackHighlights(packed, body)
		if err != nil {
			continue // a damaged record has no claims, as it has no rows
		}
		for _, f := range stats {
			if !f.Vague && model.IsClaimCategory(f.Category) {
				c.Category, c.Value, c.Text, c.Start = f.Category, f.Value, f.Text, f.Start
				all = append(all, c)
			}
		}
	}
	return all, rows.Err()
}

// markClaims sets ClaimsDiffer on the clustered headers of a page.
func markClaims(ctx context.Context, db *sql.DB, hs []model.StoryHeader) error {
	var cls []int64
	for _, h := range hs {
		if h.ClusterSize > 1 && !slices.Contains(cls, h.Cluster) {
			cls = append(cls, h.Cluster)
		}
	}
	claims, err := clusterClaims(ctx, db, cls)
	if err != nil {
		return err
	}
	for i := range hs {
		if cs := claims[hs[i].Cluster]; hs[i].ClusterSize > 1 && len(cs) > 1 {
			hs[i].ClaimsDiffer = len(model.DifferingCategories(cs)) > 0
		}
	}
	return nil
}

// ClusterClaims lists, for the story's cluster, each story's lead figure
// of the categories its stories disagree on, with its source, by category
// in the order of their stories: empty when the story is alone or its
// cluster agrees.
func (s *SQLite) ClusterClaims(ctx context.Context, storyID int64) ([]model.Claim, error) {
	var cl sql.NullInt64
	err := s.db.QueryRowContext(ctx, `SELECT cluster_id FROM stories WHERE id = ?`, storyID).Scan(&cl)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("store: story %d: %w", storyID, ErrNotFound)
	}
	if err != nil || !cl.Valid {
		return nil, err
	}
	claims, err := clusterClaims(ctx, s.db, []int64{cl.Int64})
	if err != nil {
		return nil, fmt.Errorf("store: cluster claims: %w", err)
	}
	differ := model.DifferingCategories(claims[cl.Int64])
	var out []model.Claim
	for _, cat := range differ {
		for _, c := range model.LeadClaims(claims[cl.Int64]) {
			if c.Category == cat {
				out = append(out, c)
			}
		}
	}
	return out, nil
}
