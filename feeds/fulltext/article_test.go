package fulltext

import (
	"errors"
	"net/url"
	"strings"
	"testing"
	"time"

	"sitrep/model/sanitize"
)

// newsPage is a small but realistic article page: navigation, a figure
// between paragraphs, a quote that runs over two paragraphs, related links
// and a footer around the story.
const newsPage = `<!DOCTYPE html>
<html lang="en"><head><meta charset="iso-8859-1">
<title>Aid reaches Madaya after three months | Relief Wire</title>
<meta property="og:title" content="Aid reaches Madaya after three months">
<style>body{font:serif}</style><script>var ads = "buy now";</script></head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/syria">Syria</a></li></ul></nav>
<header><h1>Aid reaches Madaya after three months</h1><p class="byline">By Relief Wire staff</p></header>
<article>
<p>A convoy of 44 trucks reached the besieged Syrian town of Madaya on Monday, the first aid to arrive since October, the United Nations said. Residents described weeks of hunger and cold.</p>
<figure><img src="/convoy.jpg" alt="Trucks wait at the checkpoint"><figcaption>Trucks wait at the checkpoint outside Madaya. Photo: Relief Wire</figcaption></figure>
<p>“We have seen people who are skin and bone, children who could not stand,” said Sajjad Malik, the UNHCR representative in Syria, who travelled with the convoy.</p>
<p>“The town needs a lasting solution, not a single delivery,” he said. “Another 42,000 people are still cut off from food and medicine, and winter is not over.</p>
<p>“We will come back as soon as we are allowed.”</p>
<p>The International Committee of the Red Cross said a second convoy was planned for Thursday, with fuel, blankets and medical supplies for the town's hospitals.</p>
<p>Local council members said at least 28 people had died of starvation since December, a figure that could not be independently verified by the agencies involved in the operation.</p>
</article>
<aside><h2>Related</h2><ul><li><a href="/a">Aleppo shelling resumes</a></li><li><a href="/b">Talks in Geneva stall</a></li></ul></aside>
<footer><p>© Relief Wire 2016. All rights reserved.</p></footer>
</body></html>`

func TestArticle(t *testing.T) {
	u, _ := url.Parse("https://relief.example/2016/01/madaya")
	title, text, err := Article([]byte(newsPage), u)
	if err != nil {
		t.Fatal(err)
	}
	if title != "Aid reaches Madaya after three months" {
		t.Errorf("title %q", title)
	}
	paras := strings.Split(text, "\n\n")
	want := []string{
		"A convoy of 44 trucks reached",
		"“We have seen people who are skin and bone",
		"“The town needs a lasting solution",
		"“We will come back as soon as we are allowed.”",
		"The International Committee of the Red Cross",
		"Local council members said at least 28 people",
	}
	if len(paras) != len(want) {
		t.Fatalf("%d paragraphs, want %d:\n%s", len(paras), len(want), text)
	}
	for i, w := range want {
		if !strings.HasPrefix(paras[i], w) {
			t.Errorf("paragraph %d = %q, want it to start %q", i, paras[i], w)
		}
	}
	for _, junk := range []string{"Home", "Related", "Aleppo shelling", "rights reserved", "buy now", "Photo:", "[image"} {
		if strings.Contains(text, junk) {
			t.Errorf("text keeps %q:\n%s", junk, text)
		}
	}
}

// TestArticleNoSecondDecode: the caller has decoded the page, so a stale
// <meta charset> must not make the extractor decode it again.
func TestArticleNoSecondDecode(t *testing.T) {
	page := strings.Replace(newsPage, "the besieged Syrian town", "the besieged Syrian town near Alép", 1)
	_, text, err := Article([]byte(page), nil)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text, "near Alép") {
		t.Errorf("UTF-8 damaged:\n%s", text)
	}
}

func TestArticleNFC(t *testing.T) {
	page := strings.Replace(newsPage, "the besieged Syrian town", "the besieged town of Ale\u0301p", 1)
	_, text, err := Article([]byte(page), nil)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text, "Al\u00e9p") {
		t.Errorf("not NFC:\n%s", text)
	}
}

func TestArticleNothingToExtract(t *testing.T) {
	for _, page := range []string{"", "<html></html>", "<html><body><nav><a href='/'>Home</a></nav></body></html>"} {
		_, text, err := Article([]byte(page), nil)
		if text != "" {
			t.Errorf("Article(%q) text %q", page, text)
		}
		if err == nil {
			t.Errorf("Article(%q): no error", page)
		}
	}
}

// TestArticleHostile: terminal controls in the page come out as text the
// sanitiser can clean; huge pages are refused quickly.
func TestArticleHostile(t *testing.T) {
	page := strings.Replace(newsPage, "Residents described", "Residents \x1b]0;pwned\x07 &#27;[2J described", 1)
	_, text, err := Article([]byte(page), nil)
	if err != nil {
		t.Fatal(err)
	}
	if clean := sanitize.Text(text); strings.ContainsAny(clean, "\x1b\x07") || !strings.Contains(clean, "Residents") {
		t.Errorf("after sanitising: %q", clean)
	}

	huge := "<html><body>" + strings.Repeat("<div><span>x</span></div>", maxElements) + "</body></html>"
	start := time.Now()
	_, _, err = Article([]byte(huge), nil)
	if err == nil || errors.Is(err, ErrNoArticle) {
		t.Errorf("huge page: err = %v, want a size error", err)
	}
	t.Logf("huge page refused in %v", time.Since(start))

	// Binary junk is not an article, but must not crash anything either.
	Article([]byte("\x00\xff\xfe<p\x00>\x1b garbage"), nil)
}
