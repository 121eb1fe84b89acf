package content

import "testing"

// Item bodies shaped like those of real news feeds (structure and markup
// kept, wording shortened), each with what a reader should see.
func TestToTextRealFeeds(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"WordPress content:encoded with caption and footer",
			`<div class="wp-block-image"><figure class="aligncenter"><img loading="lazy" width="1024" height="683" src="https://example.org/wp-content/uploads/2016/02/aleppo.jpg" alt="Smoke rises over eastern Aleppo" srcset="a.jpg 1024w, b.jpg 300w"><figcaption>Smoke rises over eastern Aleppo, 11 February.</figcaption></figure></div>
<p>The offensive has displaced 51,000 people since 1 February, <a href="https://www.unocha.org/">OCHA</a> said.</p>
<p>&#8220;The situation is extremely worrying,&#8221; said a spokesperson.</p>
<p>The post <a rel="nofollow" href="https://example.org/aleppo/">Aleppo: 51,000 displaced</a> appeared first on <a rel="nofollow" href="https://example.org">Conflict Desk</a>.</p>`,
			"[image: Smoke rises over eastern Aleppo]\n\nSmoke rises over eastern Aleppo, 11 February.\n\nThe offensive has displaced 51,000 people since 1 February, OCHA said.\n\n“The situation is extremely worrying,” said a spokesperson.\n\nThe post Aleppo: 51,000 displaced appeared first on Conflict Desk."},
		{"quote continued over paragraphs",
			`<p>“We are not going to stop,” he said. “The shelling goes on every night, and the hospitals are full.</p><p>“Nobody is listening to us.”</p>`,
			"“We are not going to stop,” he said. “The shelling goes on every night, and the hospitals are full.\n\n“Nobody is listening to us.”"},
		{"Google News style list of sources",
			`<ol><li><a href="https://news.example/1" target="_blank">Syria ceasefire: 'Huge obstacles' remain</a>&nbsp;&nbsp;<font color="#6f6f6f">Business Insider</font></li><li><a href="https://news.example/2" target="_blank">Kerry and Lavrov agree truce</a>&nbsp;&nbsp;<font color="#6f6f6f">Reuters</font></li></ol>`,
			"• Syria ceasefire: 'Huge obstacles' remain Business Insider\n\n• Kerry and Lavrov agree truce Reuters"},
		{"br-separated wire copy",
			`GENEVA (Reuters) - Talks resumed on Monday.<br /><br />"We hope for progress," the envoy said.<br/>  <br/>More to follow.<br/>`,
			"GENEVA (Reuters) - Talks resumed on Monday.\n\n\"We hope for progress,\" the envoy said.\n\nMore to follow."},
		{"summary with tracking pixel and share links",
			`<table><tr><td><a href="https://news.example/a"><img src="https://news.example/thumb.jpg" border="0" width="80"></a></td><td>Aid convoy reaches Madaya after three months.<br clear="all"></td></tr></table><img width="1" height="1" src="https://pixel.example/t.gif"><div class="feedflare"><a href="http://feeds.example/~ff/x?a=1"><img src="http://feeds.example/~ff/x?d=1" border="0"></img></a></div>`,
			"Aid convoy reaches Madaya after three months."},
		{"Atom xhtml content with headings and blockquote",
			`<div xmlns="http://www.w3.org/1999/xhtml"><h3>Key points</h3><ul><li>44 trucks</li><li>42,000 people cut off</li></ul><blockquote><p>“Skin and bone.”</p><footer>— UNHCR</footer></blockquote></div>`,
			"Key points\n\n• 44 trucks\n\n• 42,000 people cut off\n\n“Skin and bone.”\n\n— UNHCR"},
		{"embedded tweet and video dropped, text kept",
			`<p>Footage showed the strike.</p><blockquote class="twitter-tweet"><p lang="ar" dir="rtl">قصف على حلب</p>&mdash; Reporter (@reporter) <a href="https://twitter.com/x/status/1">February 11, 2016</a></blockquote><script async src="https://platform.twitter.com/widgets.js"></script><iframe width="560" height="315" src="https://www.youtube.com/embed/x"></iframe><video src="v.mp4">Your browser does not support video.</video>`,
			"Footage showed the strike.\n\nقصف على حلب\n\n— Reporter (@reporter) February 11, 2016"},
		{"span soup with nbsp paragraphs",
			`<div><span style="font-weight:400">Over 250,000 people have been killed.</span></div><div>&nbsp;</div><div><span>More than 4.5&nbsp;million have fled the country.</span></div>`,
			"Over 250,000 people have been killed.\n\nMore than 4.5\u00a0million have fled the country."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := ToText(tc.in)
			if got != tc.want {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
			checkConvention(t, got)
		})
	}
}
