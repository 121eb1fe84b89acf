package feeds

import (
	"time"
)

// logf writes one event to the debug log (Options.Log, sitrep --log
// FILE), if there is one: a line per event, for bug reports.
func (p *Poller) logf(msg string, args ...any) {
	if p.opts.Log != nil {
		p.opts.Log.Info(msg, args...)
	}
}

// logPoll records one poll: the feed, what came of it and how long it
// took; a failed poll is a warning with its error.
func (p *Poller) logPoll(res Result, took time.Duration) {
	if p.opts.Log == nil {
		return
	}
	args := []any{"feed", res.URL, "status", res.Status, "new", res.New, "updated", res.Updated,
		"not_modified", res.NotModified, "took", took.Round(time.Millisecond), "next", res.NextPoll.Format(time.RFC3339)}
	if res.Warning != "" {
		args = append(args, "warning", res.Warning)
	}
	if res.Err != nil {
		args = append(args, "err", res.Err.Error(), "errors_in_a_row", res.ErrorCount)
		p.opts.Log.Warn("poll failed", args...)
		return
	}
	p.opts.Log.Info("poll", args...)
}
