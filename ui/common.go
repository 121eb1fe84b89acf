package ui

import (
	"time"
)

// common is what every pane shares with the root: styles, symbols, the
// clock and the time zone. The root owns it and rebuilds Styles in place
// when the background colour is known, so panes always draw with the
// current set.
type common struct {
	st  Styles
	sym Symbols
	now func() time.Time
	loc *time.Location
}
