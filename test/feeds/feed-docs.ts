// Feed documents for the tests: RSS 2.0, Atom and RDF, with items that carry the article or only link to it.
export interface TestItem {
  id: string;
  title: string;
  link: string;
  /** The article's HTML when the feed carries it. */
  content?: string;
}

export const storyHtml = (sentence: string) =>
  `<p>${sentence}</p><p>${'Officials in the capital confirmed the plan on Monday evening after long talks. '.repeat(3)}</p>`;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** One RSS 2.0 item; the whole article in content:encoded when the feed carries it. */
const rssItem = (i: TestItem) =>
  `<item><title>${esc(i.title)}</title><link>${esc(i.link)}</link><guid isPermaLink="false">${i.id}</guid>` +
  '<pubDate>Tue, 03 Jun 2025 10:00:00 GMT</pubDate><description>summary only</description>' +
  (i.content ? `<content:encoded><![CDATA[${i.content}]]></content:encoded>` : '') +
  '</item>';

export const rss = (items: TestItem[]) =>
  '<?xml version="1.0" encoding="UTF-8"?>\n' +
  '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">' +
  '<channel><title>Wire</title><link>http://wire.example/</link><description>news</description>\n' +
  `${items.map(rssItem).join('\n')}\n</channel></rss>`;

const atomEntry = (i: TestItem) =>
  `<entry><title>${esc(i.title)}</title><id>${i.id}</id><link href="${esc(i.link)}"/>` +
  '<published>2025-06-03T10:00:00Z</published><updated>2025-06-03T10:00:00Z</updated>' +
  (i.content ? `<content type="html">${esc(i.content)}</content>` : '') +
  '</entry>';

export const atom = (items: TestItem[]) => `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title><id>urn:wire</id><updated>2025-06-03T10:00:00Z</updated>
${items.map(atomEntry).join('\n')}
</feed>`;

const rdfItem = (i: TestItem) =>
  `<item rdf:about="${esc(i.link)}"><title>${esc(i.title)}</title><link>${esc(i.link)}</link><dc:date>2025-06-03T10:00:00Z</dc:date></item>`;

export const rdf = (items: TestItem[]) => `<?xml version="1.0" encoding="UTF-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="http://wire.example/"><title>Wire</title><link>http://wire.example/</link><description>news</description></channel>
${items.map(rdfItem).join('\n')}
</rdf:RDF>`;
