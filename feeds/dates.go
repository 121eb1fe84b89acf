package feeds

import (
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
)

// zoneOffsets are the zone abbreviations of the regions in the news, in
// seconds east of UTC. gofeed knows the North American and European ones
// and silently reads every other abbreviation as UTC, which puts a story
// from Islamabad five hours in the future. Where an abbreviation is
// ambiguous we take the reading a conflict desk meets most: IST is India
// (not Israel or Ireland), AST is Arabia (not Atlantic), GST the Gulf.
var zoneOffsets = map[string]int{
	"IST":  5*3600 + 1800, // India
	"PKT":  5 * 3600,      // Pakistan
	"EAT":  3 * 3600,      // East Africa
	"CAT":  2 * 3600,      // Central Africa
	"WAT":  1 * 3600,      // West Africa
	"SAST": 2 * 3600,      // South Africa
	"AST":  3 * 3600,      // Arabia
	"GST":  4 * 3600,      // Gulf
	"IRST": 3*3600 + 1800, // Iran
	"IRDT": 4*3600 + 1800,
	"MSK":  3 * 3600, // Moscow
	"EET":  2 * 3600,
	"EEST": 3 * 3600,
	"AFT":  4*3600 + 1800, // Afghanistan
	"IDT":  3 * 3600,      // Israel, daylight
	"TRT":  3 * 3600,      // Türkiye
	"NPT":  5*3600 + 2700, // Nepal
	"MMT":  6*3600 + 1800, // Myanmar
	"ICT":  7 * 3600,      // Indochina
	"WIB":  7 * 3600,      // Western Indonesia
	"PHT":  8 * 3600,      // Philippines
	"HKT":  8 * 3600,
	"SGT":  8 * 3600,
	"JST":  9 * 3600,
	"KST":  9 * 3600,
	"AEST": 10 * 3600,
	"AEDT": 11 * 3600,
}

// numericLayouts are the shapes of feed dates seen in the wild, with the
// zone written as a number: parseZoned swaps the abbreviation for its
// offset and tries these.
var numericLayouts = []string{
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04 -0700",
	"Mon, 2 January 2006 15:04:05 -0700",
	"Monday, 2 Jan 2006 15:04:05 -0700",
	"Monday, 2 January 2006 15:04:05 -0700",
	"Mon, 2 Jan 06 15:04:05 -0700",
	"2 Jan 2006 15:04:05 -0700",
	"2 Jan 2006 15:04 -0700",
	"2 January 2006 15:04:05 -0700",
	"2 January 2006 15:04 -0700",
	"Jan 2, 2006 15:04:05 -0700",
	"Jan 2, 2006 15:04 -0700",
	"Jan 2, 2006 3:04:05 PM -0700",
	"Jan 2, 2006 3:04 PM -0700",
	"January 2, 2006 15:04:05 -0700",
	"January 2, 2006 15:04 -0700",
	"January 2, 2006 3:04 PM -0700",
	"Mon Jan 2 15:04:05 -0700 2006",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04 -0700",
	"2006-01-02T15:04:05 -0700",
	"2006/01/02 15:04:05 -0700",
	"02/01/2006 15:04:05 -0700",
	"02/01/2006 15:04 -0700",
}

// parseZoned parses a date string that carries one of zoneOffsets'
// abbreviations. ok is false when there is none or the shape is unknown.
func parseZoned(raw string) (t time.Time, ok bool) {
	fields := strings.Fields(raw)
	zi := -1
	var off int
	for i, f := range fields {
		// The keys are upper case, so only an upper-case field matches.
		if o, known := zoneOffsets[strings.Trim(f, "(),.")]; known {
			zi, off = i, o
			break
		}
	}
	if zi < 0 {
		return time.Time{}, false
	}
	sign := '+'
	a := off
	if a < 0 {
		sign, a = '-', -a
	}
	num := string(sign) + twoDigits(a/3600) + twoDigits(a%3600/60)
	fields[zi] = num
	s := strings.Join(fields, " ")
	for _, layout := range numericLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

func twoDigits(n int) string {
	return string([]byte{byte('0' + n/10), byte('0' + n%10)})
}

// itemDate is when the item was published: its published date, else its
// updated one, with abbreviated zones read right. ok is false when the item
// has no date sitrep can read.
func itemDate(it *gofeed.Item) (time.Time, bool) {
	for _, c := range []struct {
		raw    string
		parsed *time.Time
	}{{it.Published, it.PublishedParsed}, {it.Updated, it.UpdatedParsed}} {
		if t, ok := parseZoned(c.raw); ok {
			return t, true
		}
		if c.parsed != nil && !c.parsed.IsZero() {
			return *c.parsed, true
		}
	}
	return time.Time{}, false
}

// storyDate is the date a story is shown with: the item's date, but never
// later than when sitrep first saw it (a far-future date would pin a story
// to the top of the queue for ever) and the first-seen time when it had
// none.
func storyDate(t time.Time, ok bool, firstSeen time.Time) time.Time {
	if !ok || t.IsZero() || t.After(firstSeen) {
		return firstSeen
	}
	return t
}
