/**
 * Reading the "SMTP Server" field of the Graph sections (Mail Settings, TM Exchange SMTP):
 * `https://graph.microsoft.com/v1.0/users/<mailbox>/sendMail`. Shared by smtp/graph-url,
 * smtp/address-placeholder and smtp/sender-mismatch so that they agree on what the mailbox is.
 * Hand-written splitting; the only patterns are linear and bounded.
 */
import type { RuleContext } from '../engine/define-rule.js';
import { isGuid } from '../model/guid.js';
import { CLOUDS, hostInfo, isMicrosoftHost, normalizeHost, serverHost, splitUrl, type Cloud } from '../model/microsoft.js';
import type { MailSection } from '../model/sections.js';
import { isEmail } from '../model/values.js';
import { memoize } from '../model/memo.js';

/** What is wrong with a Graph sendMail URL; each has its own message in smtp/graph-url. */
export type GraphUrlProblem =
  | 'missing'
  | 'smtp-host'
  | 'no-scheme'
  | 'scheme'
  | 'http'
  | 'host'
  | 'port'
  | 'me'
  | 'beta'
  | 'version'
  | 'no-mailbox'
  | 'no-sendmail'
  | 'path'
  | 'example'
  | 'mailbox'
  /** A placeholder where the section takes none: only Mail Settings takes `{0}` (never from analyzeGraphUrl, which does not know the section). */
  | 'placeholder';

export interface GraphUrl {
  /** The value without surrounding white space. */
  readonly text: string;
  readonly problem?: GraphUrlProblem;
  /** The host as written (lower case), when there is one. */
  readonly host?: string;
  /** The clouds of a Microsoft host, when known: one, or GCC High and DoD for the hosts they share. */
  readonly clouds?: readonly Cloud[];
  /** The mailbox segment as written, when the path is `/<version>/users/<mailbox>...`. */
  readonly mailbox?: string;
  /** The mailbox segment holds a placeholder (`{0}`, `{email}`, `<mailbox>`, ...). */
  readonly placeholder?: boolean;
}

/** The e-mail address of the guide's example URL, which the customer must replace. */
export const GUIDE_EXAMPLE_MAILBOX = 'example@email.com';

const SEND_MAIL = new Set(['sendmail', 'microsoft.graph.sendmail']);

/** `{email}`, `{0}`, `<mailbox>`, `[user]`, `%USERNAME%` inside a text (a braced GUID is not one). */
export function placeholdersIn(text: string): string[] {
  const out: string[] = [];
  const pairs: ReadonlyArray<readonly [string, string]> = [['{', '}'], ['<', '>'], ['[', ']']];
  for (const [open, close] of pairs) {
    let from = 0;
    for (;;) {
      const a = text.indexOf(open, from);
      if (a === -1) break;
      const b = text.indexOf(close, a + 1);
      if (b === -1) break;
      const token = text.slice(a, b + 1);
      const inner = token.slice(1, -1);
      if (!(open === '{' && isGuid(inner)) && !inner.includes(open)) out.push(token);
      from = b + 1;
    }
  }
  const percent = /%[A-Za-z_][A-Za-z0-9_]{0,63}%/g;
  for (const m of text.matchAll(percent)) out.push(m[0]);
  return out;
}

/** The mailbox segment, percent-decoding undone where it decodes. */
export function decodeMailbox(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export function isGuideExample(mailbox: string): boolean {
  return decodeMailbox(mailbox).trim().toLowerCase() === GUIDE_EXAMPLE_MAILBOX;
}

/** The clouds of a Microsoft host: the table's, or by its suffix for a host that is not in it. */
export function microsoftClouds(host: string): readonly Cloud[] {
  const info = hostInfo(host);
  if (info) return info.clouds;
  const h = normalizeHost(host);
  if (h.endsWith('.us')) return ['usgov', 'dod'];
  if (h.endsWith('.cn')) return ['china'];
  return ['global'];
}

/** Reads the path `/<version>/users/<mailbox>/sendMail` of a URL on a Graph host. */
function analyzePath(segments: readonly string[], query: string): Omit<GraphUrl, 'text' | 'host' | 'clouds'> {
  const segs = [...segments];
  if (segs.length > 1 && segs[segs.length - 1] === '') segs.pop();
  const version = segs[0]?.toLowerCase();
  const collection = segs[1]?.toLowerCase();
  if (collection === 'me') return { problem: 'me' };
  if (collection !== 'users') return { problem: 'path' };
  const mailbox = segs[2];
  if (mailbox === undefined || mailbox.trim() === '') return { problem: 'no-mailbox' };
  const placeholder = placeholdersIn(mailbox).length > 0;
  const withMailbox = { mailbox, ...(placeholder ? { placeholder } : {}) };
  if (version === 'beta') return { ...withMailbox, problem: 'beta' };
  if (version !== 'v1.0') return { ...withMailbox, problem: 'version' };
  const rest = segs.slice(3);
  if (rest.length === 0 && query === '') return { ...withMailbox, problem: 'no-sendmail' };
  if (rest.length !== 1 || !SEND_MAIL.has((rest[0] as string).toLowerCase()) || query !== '') {
    return { ...withMailbox, problem: 'path' };
  }
  if (isGuideExample(mailbox)) return { ...withMailbox, problem: 'example' };
  // a placeholder is judged per section (graphServers): Mail Settings takes {0}
  if (placeholder) return withMailbox;
  const decoded = decodeMailbox(mailbox);
  if (!isEmail(decoded) && !isGuid(decoded)) return { ...withMailbox, problem: 'mailbox' };
  return withMailbox;
}

/** Reads a Graph sendMail URL; memoized, as several rules read the same server field. */
export const analyzeGraphUrl = memoize(analyzeGraphUrlOnce);

function analyzeGraphUrlOnce(value: string): GraphUrl {
  const text = value.trim();
  if (text === '') return { text, problem: 'missing' };
  const url = splitUrl(text);
  if (!url) {
    const host = serverHost(text);
    const info = hostInfo(host);
    const clouds = host && isMicrosoftHost(host) ? microsoftClouds(host) : undefined;
    const base = { text, ...(host ? { host } : {}), ...(clouds ? { clouds } : {}) };
    if (info?.role === 'graph') {
      const inner = analyzeGraphUrl(`https://${text}`);
      return { ...inner, text, problem: 'no-scheme' };
    }
    if (info?.role === 'smtp' || info?.role === 'exchange') return { ...base, problem: 'smtp-host' };
    if (host && isMicrosoftHost(host) && host.startsWith('smtp')) return { ...base, problem: 'smtp-host' };
    return { ...base, problem: 'host' };
  }
  const host = url.host;
  const info = hostInfo(host);
  const clouds = isMicrosoftHost(host) ? microsoftClouds(host) : undefined;
  const base = { text, host, ...(clouds ? { clouds } : {}) };
  const bare = url.segments.every((s) => s === '') && url.query === '';
  if (info?.role === 'smtp' || (info?.role === 'exchange' && bare)) return { ...base, problem: 'smtp-host' };
  if (!info && isMicrosoftHost(host) && host.startsWith('smtp') && bare) return { ...base, problem: 'smtp-host' };
  if (info?.role !== 'graph') return { ...base, problem: url.scheme === 'http' || url.scheme === 'https' ? 'host' : 'scheme' };
  const path = analyzePath(url.segments, url.query);
  const full = { ...base, ...path };
  if (path.problem === 'me') return full;
  if (url.scheme === 'http') return { ...full, problem: 'http' };
  if (url.scheme !== 'https') return { ...full, problem: 'scheme' };
  if (url.port !== undefined && url.port !== '443') return { ...full, problem: 'port' };
  return full;
}

/**
 * The one certain repair of a URL's text for its problem, if it has one: `http:` becomes `https:`,
 * `https://` is added in front of a Graph host, `/beta/` becomes `/v1.0/`, `/sendMail` is added to a
 * URL that ends at the mailbox. The result may still have another problem.
 */
export function textRepair(g: GraphUrl): string | undefined {
  const t = g.text;
  switch (g.problem) {
    case 'http':
      return `https${t.slice(t.indexOf('://'))}`;
    case 'no-scheme':
      return `https://${t}`;
    case 'beta': {
      const sep = t.indexOf('://');
      const pathStart = t.indexOf('/', sep === -1 ? 0 : sep + 3);
      return pathStart === -1 ? undefined : `${t.slice(0, pathStart)}/v1.0${t.slice(pathStart + '/beta'.length)}`;
    }
    case 'no-sendmail':
      return `${t.endsWith('/') ? t.slice(0, -1) : t}/sendMail`;
    default:
      return undefined;
  }
}

/** A URL with the certain repairs applied until nothing is wrong; undefined when they do not make it right. */
export function repairedUrl(text: string): string | undefined {
  let t = text;
  for (let step = 0; step < 5; step++) {
    const g = analyzeGraphUrl(t);
    if (g.problem === undefined) return t;
    const next = textRepair(g);
    if (next === undefined || next === t) return undefined;
    t = next;
  }
  return undefined;
}

/**
 * The Graph host for a section whose server names `host`: the host itself when it is a Graph host,
 * else the Graph host of its cloud, or of `clouds` (from elsewhere, such as the Token URL) when the
 * host tells none; undefined where the cloud is not certain (smtp.office365.us serves GCC High and DoD).
 */
export function graphHostFor(host: string | undefined, clouds: readonly Cloud[] | undefined): string | undefined {
  const info = hostInfo(host);
  if (host !== undefined && info?.role === 'graph') return normalizeHost(host);
  const candidates = host !== undefined && isMicrosoftHost(host) ? microsoftClouds(host) : clouds;
  const only = candidates?.length === 1 ? candidates[0] : undefined;
  return only === undefined ? undefined : CLOUDS[only].graph;
}

export function graphUrlFor(graphHost: string, mailbox: string): string {
  return `https://${graphHost}/v1.0/users/${mailbox}/sendMail`;
}

/** The SMTP Server of a Graph section, read once for the smtp/* rules. */
export interface GraphServer {
  readonly section: MailSection;
  readonly pointer: string;
  /** As written; empty when the field is missing. */
  readonly server: string;
  readonly url: GraphUrl;
  /** What is wrong with the URL in this section: the URL's problem, or a placeholder where the section takes none. */
  readonly problem: GraphUrlProblem | undefined;
  /** TM Exchange SMTP > Sender Address as written (TM Exchange SMTP only). */
  readonly senderAddress: string | undefined;
}

/** An address of the section's own fields, when it is an e-mail and not the guide's example. */
function ownAddress(value: string | undefined): string | undefined {
  const v = value?.trim();
  return v !== undefined && isEmail(v) && !isGuideExample(v) ? v : undefined;
}

/**
 * The mailbox the section's own fields say the URL should name, when certain:
 * Mail Settings: `{0}` with Use Address from User ticked, else OAuth2 > User Name;
 * TM Exchange SMTP: Sender Address or OAuth2 > User Name (when both are written they must agree).
 */
export function intendedMailbox(s: Pick<GraphServer, 'section' | 'senderAddress'>): string | undefined {
  const { section } = s;
  if (section.id === 'mailSettings') {
    if (section.oauth2?.useAddressFromUser === true) return '{0}';
    return ownAddress(section.oauth2?.userName);
  }
  const sender = ownAddress(s.senderAddress);
  const user = ownAddress(section.oauth2?.userName);
  if (sender && user && sender.toLowerCase() !== user.toLowerCase()) return undefined;
  return sender ?? user;
}

/** The URL text with its mailbox segment replaced; for a URL whose path was read as `/<version>/users/<mailbox>...`. */
export function replaceMailbox(text: string, mailbox: string): string | undefined {
  const sep = text.indexOf('://');
  const pathStart = text.indexOf('/', sep === -1 ? 0 : sep + 3);
  if (pathStart === -1) return undefined;
  const marker = text.toLowerCase().indexOf('/users/', pathStart);
  if (marker === -1) return undefined;
  const start = marker + '/users/'.length;
  let end = text.indexOf('/', start);
  if (end === -1) end = text.length;
  return text.slice(0, start) + mailbox + text.slice(end);
}

/** `https://graph.microsoft.com/v1.0/users/<mailbox>/sendMail` for the section, for messages. */
export function exampleUrl(s: Pick<GraphServer, 'section' | 'senderAddress'>, graphHost: string | undefined): string {
  const host = graphHost ?? CLOUDS.global.graph;
  const mailbox = intendedMailbox(s);
  if (mailbox) return graphUrlFor(host, mailbox);
  return graphUrlFor(host, s.section.id === 'mailSettings' ? '<sending mailbox>' : '<replication mailbox>');
}

/** The URL's problem in a section: a placeholder mailbox is one, except `{0}` in Mail Settings. */
function problemIn(section: MailSection, g: GraphUrl): GraphUrlProblem | undefined {
  if (g.problem !== undefined) return g.problem;
  if (g.placeholder && !(section.id === 'mailSettings' && g.mailbox === '{0}')) return 'placeholder';
  return undefined;
}

/**
 * The SMTP Server of each Graph section (Mail Settings, TM Exchange SMTP) where OAuth2 applies. A server
 * of the wrong type is the schema's to report: it is left out. A `${NAME}` reference is read as written
 * (env-reference's finding replaces what the smtp/* rules say about it).
 */
export function graphServers(ctx: Pick<RuleContext, 'sections' | 'manifest' | 'written'>): GraphServer[] {
  const out: GraphServer[] = [];
  for (const section of ctx.sections) {
    if (section.channel !== 'graph' || !section.oauthApplies) continue;
    const pointer = section.pointer(section.serverKey);
    if (ctx.written(pointer) === 'invalid') continue;
    const server = section.server ?? '';
    const url = analyzeGraphUrl(server);
    const senderAddress = section.id === 'exchangeSmtp' ? ctx.manifest.exchange?.smtp?.senderAddress : undefined;
    out.push({ section, pointer, server, url, problem: problemIn(section, url), senderAddress });
  }
  return out;
}
