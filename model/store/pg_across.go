package store

// The views across stories (across.go) on PostgreSQL: the same reads of
// the same quotes and figures rows, over the user's own stories.

import (
	"context"

	"sitrep/model"
	"sitrep/model/extract"
)

func (p *Postgres) across() acrossReads {
	// Every view across stories reads the quote and figure rows, which
	// saved stories wait for (pg_rows_pending.go).
	return acrossReads{db: p.db, stories: "user_stories", pg: true,
		where: func(ctx context.Context, f model.Filter) (string, []any, error) {
			if _, err := p.pgRowsCaughtUp(ctx); err != nil {
				return "", nil, err
			}
			return p.where(ctx, f)
		}}
}

func (p *Postgres) Speakers(ctx context.Context, f model.Filter, newest int) ([]model.Speaker, error) {
	return p.across().speakers(ctx, f, newest)
}

func (p *Postgres) SpeakersCapped(ctx context.Context, f model.Filter, newest int) (bool, error) {
	return p.across().speakersCapped(ctx, f, newest)
}

func (p *Postgres) SpeakerQuotes(ctx context.Context, f model.Filter, names []string, offset, limit int) ([]model.SpeakerQuote, error) {
	return p.across().speakerQuotes(ctx, f, names, offset, limit)
}

func (p *Postgres) Figures(ctx context.Context, f model.Filter, category extract.Category, order model.FigureOrder, offset, limit int) ([]model.FigureRow, error) {
	return p.across().figures(ctx, f, category, order, offset, limit)
}
