package feeds

// Version is sitrep's version, named in the User-Agent so that feed
// operators can tell who is polling them. main.go (or -ldflags "-X
// sitrep/feeds.Version=...") sets it.
var Version = "dev"

// UserAgent is what sitrep sends: a name, a version and where to read about
// it, as polite crawlers do.
func UserAgent() string {
	return "sitrep/" + Version + " (terminal conflict-news reader; +https://github.com/sitrep)"
}
