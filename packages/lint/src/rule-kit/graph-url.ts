/**
 * Reading the "SMTP Server" field of the Graph sections (Mail Settings, TM Exchange SMTP):
 * `https://graph.microsoft.com/v1.0/users/<mailbox>/sendMail`. Shared by smtp/graph-url,
 * smtp/address-placeholder and smtp/sender-mismatch so that they agree on what the mailbox is.
 * Hand-written splitting; the only patterns are linear and bounded.
 */
import { bool, present, str } from '../model/access.js';
import { CLOUDS, hostInfo, isMicrosoftHost, normalizeHost, serverHost, splitUrl, type Cloud } from '../model/microsoft.js';
import type { MailSection } from '../model/sections.js';
import { isEmail, isGuid, isSecretReference } from '../model/values.js';
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
  | 'mailbox';

export interface GraphUrl {
  /** The value without surrounding white space. */
  readonly text: string;
  readonly problem?: GraphUrlProblem;
  /** The host as written (lower case), when there is one. */
  readonly host?: string;
  /** The cloud of a Microsoft host, when known. */
  readonly cloud?: Cloud;
  /** The mailbox segment as written, when the path is `/<version>/users/<mailbox>...`. */
  readonly mailbox?: string;
  /** The mailbox segment holds a placeholder (`{0}`, `{email}`, `<mailbox>`, ...): smtp/address-placeholder's business. */
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
  return decodeMailbox(mailbox).toLowerCase() === GUIDE_EXAMPLE_MAILBOX;
}

/** The cloud of a Microsoft host that is not in the table, by its suffix. */
function cloudBySuffix(host: string): Cloud {
  if (host.endsWith('.us')) return 'usgov';
  if (host.endsWith('.cn')) return 'china';
  return 'global';
}

/** Reads the path `/<version>/users/<mailbox>/sendMail` of a URL on a Graph host. */
function analyzePath(segments: readonly string[], query: string): Omit<GraphUrl, 'text' | 'host' | 'cloud'> {
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
  if (placeholder) return withMailbox;
  const decoded = decodeMailbox(mailbox);
  if (!isEmail(decoded) && !isGuid(decoded)) return { ...withMailbox, problem: 'mailbox' };
  return withMailbox;
}

/** Reads an "SMTP Server" value as a Graph sendMail URL. */
/** Reads a Graph sendMail URL; memoized, as several rules read the same server field. */
export const analyzeGraphUrl = memoize(analyzeGraphUrlOnce);

function analyzeGraphUrlOnce(value: string): GraphUrl {
  const text = value.trim();
  if (text === '') return { text, problem: 'missing' };
  const url = splitUrl(text);
  if (!url) {
    const host = serverHost(text);
    const info = hostInfo(host);
    const cloud = info?.cloud ?? (host && isMicrosoftHost(host) ? cloudBySuffix(host) : undefined);
    const base = { text, ...(host ? { host } : {}), ...(cloud ? { cloud } : {}) };
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
  const cloud = info?.cloud ?? (isMicrosoftHost(host) ? cloudBySuffix(host) : undefined);
  const base = { text, host, ...(cloud ? { cloud } : {}) };
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

/** The Graph host of the cloud a Microsoft host belongs to; undefined where that is not certain (GCC High or DoD). */
export function graphHostFor(host: string | undefined, cloud: Cloud | undefined): string | undefined {
  if (host === undefined) return cloud === 'global' || cloud === 'china' ? CLOUDS[cloud].graph : undefined;
  const h = normalizeHost(host);
  const info = hostInfo(h);
  if (info?.role === 'graph') return h;
  const c = info?.cloud ?? cloud;
  if (c === undefined) return undefined;
  if (c !== 'usgov') return CLOUDS[c].graph;
  if (h === 'outlook.office365.us') return 'graph.microsoft.us';
  if (h === 'outlook-dod.office365.us') return 'dod-graph.microsoft.us';
  return undefined;
}

export function graphUrlFor(graphHost: string, mailbox: string): string {
  return `https://${graphHost}/v1.0/users/${mailbox}/sendMail`;
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
export function intendedMailbox(section: MailSection): string | undefined {
  if (section.id === 'mailSettings') {
    if (bool(section.oauth2, 'useAddressFromUser') === true) return '{0}';
    return ownAddress(section.tab('userName'));
  }
  const sender = ownAddress(str(section.raw, 'senderAddress'));
  const user = ownAddress(section.tab('userName'));
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
export function exampleUrl(section: MailSection, graphHost: string | undefined): string {
  const host = graphHost ?? CLOUDS.global.graph;
  const mailbox = intendedMailbox(section);
  if (mailbox) return graphUrlFor(host, mailbox);
  return graphUrlFor(host, section.id === 'mailSettings' ? '<sending mailbox>' : '<replication mailbox>');
}

/** The field's name on screen, e.g. `Mail Settings > SMTP Server`. */
export function serverLabel(section: MailSection): string {
  return `${section.label} > SMTP Server`;
}

/** The SMTP Server of a Graph section, read once for the smtp/* rules. */
export interface GraphServer {
  readonly section: MailSection;
  readonly pointer: string;
  /** As written; empty when the field is missing. */
  readonly server: string;
  readonly url: GraphUrl;
}

/**
 * The SMTP Server of each Graph section (Mail Settings, TM Exchange SMTP) where OAuth2 applies. A server
 * of the wrong type is the schema's to report, and a ${NAME} reference is not judged: both are left out.
 */
export function graphServers(sections: readonly MailSection[]): GraphServer[] {
  const out: GraphServer[] = [];
  for (const section of sections) {
    if (section.channel !== 'graph' || !section.oauthApplies) continue;
    if (present(section.raw, section.serverKey) && section.server === undefined) continue;
    const server = section.server ?? '';
    if (isSecretReference(server)) continue;
    out.push({ section, pointer: section.pointer(section.serverKey), server, url: analyzeGraphUrl(server) });
  }
  return out;
}
