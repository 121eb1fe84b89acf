package store

// One poller for a team (issue 11): whoever polls a feed on PostgreSQL
// first takes a lease on it (a row in feed_leases with its holder and
// expiry), so two pollers never fetch the same feed in the same round. A
// team poller (sitrep serve) also keeps a heartbeat row in pollers; a
// reader that sees a live one does not poll and asks it to instead
// (RequestPoll, a NOTIFY the poller LISTENs for).
//
// Notifications (LISTEN/NOTIFY) also tell open readers what changed:
// ChanStories when a poll saved new or changed stories, ChanNotes when
// someone tagged or noted a story (the payload is the story id), ChanFlags
// when a reader changed its user's flags (read, starred, archived).

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// pgCode is a PostgreSQL error's SQLSTATE, "" for other errors.
func pgCode(err error) string {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return pe.Code
	}
	return ""
}

// pgNotifyTx queues a notification, sent when tx commits.
func pgNotifyTx(ctx context.Context, tx pgTx, channel, payload string) error {
	_, err := tx.ExecContext(ctx, `SELECT pg_notify(?, ?)`, channel, payload)
	return err
}

// The notification channels.
const (
	ChanStories = "sitrep_stories" // payload: the feed id; 0 when a burst's stories became searchable
	ChanNotes   = "sitrep_notes"   // payload: the story id, then a space and the author
	ChanPoll    = "sitrep_poll"    // a reader asks the team poller to poll now
	// ChanFlags payload: the story id (-1 for many), the session, the user.
	// Flags are each user's own: only the same user's other readers care.
	ChanFlags = "sitrep_flags"
)

// newSession names one open store for ChanFlags: 8 random bytes in hex.
func newSession() string {
	var b [8]byte
	rand.Read(b[:]) // never fails (crypto/rand)
	return hex.EncodeToString(b[:])
}

// Session is what this store's ChanFlags notifications carry to tell them
// from those of the same user's other readers.
func (p *Postgres) Session() string { return p.session }

// notifyFlags tells the user's other readers that story id's flags (-1:
// many stories') changed, when tx commits.
func (p *Postgres) notifyFlags(ctx context.Context, tx pgTx, id int64) error {
	return pgNotifyTx(ctx, tx, ChanFlags, p.flagsPayload(id))
}

// flagsPayload is the ChanFlags payload of story id's flags changed by
// this session.
func (p *Postgres) flagsPayload(id int64) string {
	return strconv.FormatInt(id, 10) + " " + p.session + " " + p.user
}

// Flags reads a ChanFlags payload: the story id (-1 for many), the
// session that changed them and its user.
func (n Notification) Flags() (id int64, session, user string) {
	f := strings.SplitN(n.Payload, " ", 3)
	if len(f) < 3 {
		return 0, "", ""
	}
	id, _ = strconv.ParseInt(f[0], 10, 64)
	return id, f[1], f[2]
}

// pgLeaseSchema is PostgreSQL's migration 3.
var pgLeaseSchema = []string{
	`CREATE TABLE feed_leases (
		feed_id BIGINT PRIMARY KEY REFERENCES feeds (id) ON DELETE CASCADE,
		holder  TEXT   NOT NULL,
		until   BIGINT NOT NULL
	)`,
	`CREATE TABLE pollers (
		holder TEXT   PRIMARY KEY,
		until  BIGINT NOT NULL
	)`,
}

// TakeFeedLease leases feed id to holder for ttl: true when it was free,
// expired or already holder's; false when another holder has it.
func (p *Postgres) TakeFeedLease(ctx context.Context, id int64, holder string, ttl time.Duration) (bool, error) {
	now := time.Now()
	var got int64
	err := p.db.QueryRowContext(ctx, `INSERT INTO feed_leases AS l (feed_id, holder, until) VALUES (?, ?, ?)
		ON CONFLICT (feed_id) DO UPDATE SET holder = EXCLUDED.holder, until = EXCLUDED.until
		WHERE l.until < ? OR l.holder = EXCLUDED.holder
		RETURNING feed_id`, id, holder, now.Add(ttl).UnixMicro(), now.UnixMicro()).Scan(&got)
	if err == nil {
		return true, nil
	}
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	// A feed removed meanwhile (foreign key): nothing to poll.
	if pgCode(err) == "23503" {
		return false, nil
	}
	return false, fmt.Errorf("store: feed lease: %w", err)
}

// ReleaseFeedLeases gives up every lease holder has (a poller stopping).
func (p *Postgres) ReleaseFeedLeases(ctx context.Context, holder string) error {
	if _, err := p.db.ExecContext(ctx, `DELETE FROM feed_leases WHERE holder = ?`, holder); err != nil {
		return fmt.Errorf("store: feed leases: %w", err)
	}
	return nil
}

// Heartbeat says a team poller (holder) is alive for ttl more; stop
// (StopPoller) when it ends.
func (p *Postgres) Heartbeat(ctx context.Context, holder string, ttl time.Duration) error {
	_, err := p.db.ExecContext(ctx, `INSERT INTO pollers (holder, until) VALUES (?, ?)
		ON CONFLICT (holder) DO UPDATE SET until = EXCLUDED.until`, holder, time.Now().Add(ttl).UnixMicro())
	if err != nil {
		return fmt.Errorf("store: heartbeat: %w", err)
	}
	return nil
}

// StopPoller removes holder's heartbeat.
func (p *Postgres) StopPoller(ctx context.Context, holder string) error {
	_, err := p.db.ExecContext(ctx, `DELETE FROM pollers WHERE holder = ?`, holder)
	return err
}

// TeamPoller names a team poller with a live heartbeat, "" when there is
// none: readers then poll themselves.
func (p *Postgres) TeamPoller(ctx context.Context) (string, error) {
	var holder string
	err := p.db.QueryRowContext(ctx, `SELECT holder FROM pollers WHERE until >= ? ORDER BY holder LIMIT 1`,
		time.Now().UnixMicro()).Scan(&holder)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return holder, err
}

// Notify sends payload on a channel (ChanStories, ChanNotes, ChanPoll).
func (p *Postgres) Notify(ctx context.Context, channel, payload string) error {
	if _, err := p.db.ExecContext(ctx, `SELECT pg_notify(?, ?)`, channel, payload); err != nil {
		return fmt.Errorf("store: notify: %w", err)
	}
	return nil
}

// RequestPoll asks the team poller to poll every feed now (R).
func (p *Postgres) RequestPoll(ctx context.Context) error { return p.Notify(ctx, ChanPoll, p.user) }

// Notification is one NOTIFY received.
type Notification struct {
	Channel, Payload string
}

// StoryID reads a ChanNotes payload's story id and author.
func (n Notification) StoryID() (int64, string) {
	id, who := n.Payload, ""
	for i := 0; i < len(n.Payload); i++ {
		if n.Payload[i] == ' ' {
			id, who = n.Payload[:i], n.Payload[i+1:]
			break
		}
	}
	v, _ := strconv.ParseInt(id, 10, 64)
	return v, who
}

// Listen LISTENs on channels on a connection of its own and sends what
// arrives until ctx ends; the channel is then closed. A lost connection
// is opened again after a second (notifications meanwhile are lost: a
// reader reloads on the next one).
func (p *Postgres) Listen(ctx context.Context, channels ...string) (<-chan Notification, error) {
	conn, err := p.listenConn(ctx, channels)
	if err != nil {
		return nil, err
	}
	out := make(chan Notification, 64)
	go func() {
		defer close(out)
		for {
			n, err := conn.WaitForNotification(ctx)
			if err != nil {
				conn.Close(context.Background())
				if ctx.Err() != nil {
					return
				}
				for conn = nil; conn == nil; {
					select {
					case <-ctx.Done():
						return
					case <-time.After(time.Second):
					}
					conn, _ = p.listenConn(ctx, channels)
				}
				continue
			}
			select {
			case out <- Notification{Channel: n.Channel, Payload: n.Payload}:
			case <-ctx.Done():
				conn.Close(context.Background())
				return
			}
		}
	}()
	return out, nil
}

func (p *Postgres) listenConn(ctx context.Context, channels []string) (*pgx.Conn, error) {
	cfg, err := pgx.ParseConfig(p.dsn)
	if err != nil {
		return nil, fmt.Errorf("store: listen: %w", err)
	}
	cfg.RuntimeParams["sitrep.user"] = p.user
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("store: listen: %w", err)
	}
	for _, ch := range channels {
		if _, err := conn.Exec(ctx, "LISTEN "+pgx.Identifier{ch}.Sanitize()); err != nil {
			conn.Close(context.Background())
			return nil, fmt.Errorf("store: listen: %w", err)
		}
	}
	return conn, nil
}
