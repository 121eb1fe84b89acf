package feeds

// Version is sitrep's version, named in the User-Agent so that feed
// operators can tell who is polling them. main.go (or -ldflags "-X
// sitrep/feeds.Version=...") sets it.
var Version = "dev"

// UserAgent is what sitrep sends: its name and version first, so that a
// feed's operator can count, contact or throttle it, then what it is.
func UserAgent() string {
	return "sitrep/" + Version + " (terminal news reader; feed poller)"
}
