// The one HTML policy of stored article bodies (the editors' console, the importer,
// the demo content): what a news article needs (paragraphs, headings, lists, links,
// images, figures, tables, embedded video from YouTube) and nothing that runs
// code: no scripts, no event handlers, no `javascript:` URLs, no inline styles.
// sanitize-html does the parsing and filtering; this file only states the policy.
import sanitizeHtml from "sanitize-html";

/** Hosts whose players may be embedded with <iframe>. */
export const EMBED_HOSTS = ["www.youtube.com", "youtube.com", "www.youtube-nocookie.com", "youtube-nocookie.com"];

export const ARTICLE_HTML_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    "p",
    "br",
    "hr",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "strong",
    "b",
    "em",
    "i",
    "u",
    "s",
    "sub",
    "sup",
    "blockquote",
    "ul",
    "ol",
    "li",
    "a",
    "img",
    "figure",
    "figcaption",
    "table",
    "caption",
    "colgroup",
    "col",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "th",
    "td",
    "iframe",
  ],
  allowedAttributes: {
    // `rel` is only ever set by the transform below, never taken from input.
    a: ["href", "title", "rel", { name: "target", multiple: false, values: ["_blank"] }],
    img: ["src", "alt", "title", "width", "height"],
    iframe: ["src", "width", "height", "title", "allowfullscreen", "allow", "frameborder"],
    ol: ["start"],
    th: ["colspan", "rowspan", "scope"],
    td: ["colspan", "rowspan"],
    col: ["span"],
  },
  allowedSchemes: ["http", "https", "mailto", "tel"],
  allowedSchemesByTag: { img: ["http", "https"], iframe: ["https"] },
  allowProtocolRelative: false,
  allowedIframeHostnames: EMBED_HOSTS,
  allowIframeRelativeUrls: false,
  disallowedTagsMode: "discard",
  transformTags: {
    // A link opening a new tab must not hand the opener to the linked page.
    a: (tagName, { rel: _ignored, ...attribs }) =>
      attribs.target === "_blank" ? { tagName, attribs: { ...attribs, rel: "noopener noreferrer" } } : { tagName, attribs },
  },
  // An iframe whose address was refused is an empty box: drop it.
  exclusiveFilter: (frame) => frame.tag === "iframe" && !frame.attribs.src,
};

/** The body as stored: sanitised with the article policy. */
export function sanitizeArticleBody(html: string): string {
  return sanitizeHtml(html, ARTICLE_HTML_OPTIONS).trim();
}

/** Images in a (sanitised) body, for the photo count of royalty reports. */
export function countBodyImages(html: string): number {
  return html.match(/<img\b/gi)?.length ?? 0;
}

/** An alternate URL must be an absolute http(s) address. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}
