import { DomUtils, parseDocument } from 'htmlparser2';
import sanitizeHtml from 'sanitize-html';

/** A message body after sanitizing: the text always, the HTML when there is any left. */
export interface MessageBody {
  readonly text: string;
  readonly html: string | null;
}

// A relative URL means nothing in a message and would resolve against the helpdesk client's own
// origin, so only absolute URLs of the allowed schemes survive (the schemes are checked again
// by the sanitizer itself).
const LINK_URL = /^(https?:|mailto:|tel:)/i;
const IMAGE_URL = /^(cid:|data:image\/)/i;

function withAbsolute(attribs: sanitizeHtml.Attributes, name: string, allowed: RegExp): sanitizeHtml.Attributes {
  return Object.fromEntries(Object.entries(attribs).filter(([key, value]) => key !== name || allowed.test(value.trim())));
}

// The safe subset: structure and inline formatting as mail clients and editors write them; no
// scripts, styles, forms, frames or event handlers. Images only from the message itself (cid:
// parts, data: URIs): a remote image is a tracking pixel when an agent or customer opens it.
const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    ...['p', 'div', 'span', 'br', 'hr', 'blockquote', 'pre', 'code', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
    ...['b', 'strong', 'i', 'em', 'u', 's', 'strike', 'del', 'ins', 'sub', 'sup', 'small', 'mark', 'abbr', 'cite', 'q', 'kbd', 'samp'],
    ...['ul', 'ol', 'li', 'dl', 'dt', 'dd'],
    ...['table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'colgroup', 'col'],
    ...['a', 'img'],
  ],
  allowedAttributes: {
    a: ['href', 'title', 'target', 'rel'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    td: ['colspan', 'rowspan'],
    th: ['colspan', 'rowspan', 'scope'],
    ol: ['start'],
  },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['cid', 'data'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    // Links open outside the helpdesk client and tell the target nothing about where they came
    // from; these values replace whatever the sender wrote.
    a: (tagName, attribs) => ({ tagName, attribs: { ...withAbsolute(attribs, 'href', LINK_URL), target: '_blank', rel: 'noopener noreferrer nofollow' } }),
    img: (tagName, attribs) => ({ tagName, attribs: withAbsolute(attribs, 'src', IMAGE_URL) }),
  },
};

/** HTML reduced to the safe subset; null when nothing visible is left (or none was given). */
export function sanitizeMessageHtml(html: string | null): string | null {
  if (html === null || html.trim() === '') return null;
  const clean = sanitizeHtml(html, SANITIZE_OPTIONS).trim();
  return clean === '' ? null : clean;
}

/**
 * The body to store: the HTML sanitized, and the text as given — or, when only HTML was given,
 * derived from the sanitized HTML. Blank text counts as not given.
 */
export function messageBody(text: string, html: string | null): MessageBody {
  const safeHtml = sanitizeMessageHtml(html);
  if (text.trim() !== '') return { text, html: safeHtml };
  return { text: safeHtml === null ? '' : htmlToText(safeHtml), html: safeHtml };
}

type Node = ReturnType<typeof parseDocument>['children'][number];

/** Text plus line breaks: `soft` ones merge (a paragraph after a div), `hard` ones (<br>) add up. */
type Piece = { readonly text: string; readonly pre: boolean } | { readonly soft: number; readonly hard: number };

const PARAGRAPHS = new Set(['p', 'blockquote', 'pre', 'ul', 'ol', 'dl', 'table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr']);
const LINES = new Set(['div', 'li', 'tr', 'dt', 'dd', 'caption']);
const SKIPPED = new Set(['script', 'style', 'head', 'title']);

/**
 * Readable plain text of an HTML fragment: paragraphs separated by a blank line, divs, list
 * items and table rows on lines of their own, `<br>` as a line break, list items as `- `, link
 * targets in brackets after the link text, image alt texts; whitespace collapsed outside `<pre>`
 * and entities decoded.
 */
export function htmlToText(html: string): string {
  const pieces: Piece[] = [];
  for (const node of parseDocument(html).children) collect(node, pieces, false);
  return assemble(pieces);
}

function collect(node: Node, pieces: Piece[], pre: boolean): void {
  if (DomUtils.isText(node)) {
    pieces.push({ text: pre ? node.data : node.data.replace(/\s+/g, ' '), pre });
    return;
  }
  if (!DomUtils.isTag(node) || SKIPPED.has(node.name)) return;
  const name = node.name;
  if (name === 'br' || name === 'img') {
    const alt = node.attribs['alt'];
    if (name === 'br') pieces.push({ soft: 0, hard: 1 });
    else if (alt) pieces.push({ text: alt, pre: false });
    return;
  }
  const separator = PARAGRAPHS.has(name) ? 2 : LINES.has(name) ? 1 : 0;
  if (separator) pieces.push({ soft: separator, hard: 0 });
  if (name === 'li') pieces.push({ text: '- ', pre: true });
  for (const child of node.children) collect(child, pieces, pre || name === 'pre');
  if (name === 'a') pushLinkTarget(node.attribs['href'], DomUtils.textContent(node), pieces);
  if (name === 'td' || name === 'th') pieces.push({ text: ' ', pre: false });
  if (separator) pieces.push({ soft: separator, hard: 0 });
}

function pushLinkTarget(href: string | undefined, label: string, pieces: Piece[]): void {
  if (!href) return;
  const target = href.startsWith('mailto:') ? href.slice('mailto:'.length) : href;
  if (target !== label.trim()) pieces.push({ text: ` (${target})`, pre: false });
}

function assemble(pieces: readonly Piece[]): string {
  let out = '';
  let soft = 0;
  let hard = 0;
  const flushBreaks = () => {
    if (out !== '' && (soft || hard)) out = out.replace(/ +$/, '') + '\n'.repeat(Math.max(soft, hard));
    soft = 0;
    hard = 0;
  };
  for (const piece of pieces) {
    if ('soft' in piece) {
      soft = Math.max(soft, piece.soft);
      hard += piece.hard;
      continue;
    }
    flushBreaks();
    const atLineStart = out === '' || out.endsWith('\n') || out.endsWith(' ');
    out += piece.pre || !atLineStart ? piece.text : piece.text.replace(/^ +/, '');
  }
  // Leading spaces of a <pre> block are content; blank lines around the whole text are not.
  return out.replace(/ +$/gm, '').replace(/^\n+|\s+$/g, '');
}
