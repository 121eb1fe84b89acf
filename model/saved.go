package model

// SavedSearch is a query of the search language saved under a name (S),
// listed in the sources pane with how many unread stories it finds.
type SavedSearch struct {
	Name   string
	Query  string
	Unread int // filled by the store when listing
}
