import { defineRule } from '../../engine/define-rule.js';
import { CLOUDS, hostInfo, isMicrosoftHost, normalizeHost, perCloud, splitUrl } from '../../model/microsoft.js';
import { microsoftClouds } from '../../rule-kit/graph-url.js';
import { ours, showValue } from '../../secrets/show.js';

/** The legacy name of Exchange Online's host; the table lists it as an Exchange host, but POP3 and its token want outlook.office365.com. */
const LEGACY = 'outlook.office.com';

type Problem = 'missing' | 'url' | 'port' | 'smtp' | 'graph' | 'legacy' | 'other';

function isExchangeHost(host: string): boolean {
  return hostInfo(host)?.role === 'exchange' && normalizeHost(host) !== LEGACY;
}

/**
 * The Exchange Online host for a Microsoft host, when certain: the host itself for an Exchange host, else
 * the Exchange host of its cloud (a Graph host's tenant downloads from its own cloud). None for a
 * customer's own host, nor where the cloud is not certain (smtp.office365.us serves GCC High and DoD).
 */
function exchangeHostFor(host: string | undefined): string | undefined {
  if (host === undefined || !isMicrosoftHost(host)) return undefined;
  const h = normalizeHost(host);
  if (h === LEGACY) return CLOUDS.global.exchange;
  if (hostInfo(h)?.role === 'exchange') return h;
  const clouds = microsoftClouds(h);
  const only = clouds.length === 1 ? clouds[0] : undefined;
  return only === undefined ? undefined : CLOUDS[only].exchange;
}

/** What to type, for a message: the certain host, else the Exchange host of each cloud the host may belong to. */
function expectedHost(host: string | undefined): string {
  const target = exchangeHostFor(host);
  if (target !== undefined) return target;
  if (host === undefined || !isMicrosoftHost(host)) return CLOUDS.global.exchange;
  return perCloud(microsoftClouds(host), (c) => CLOUDS[c].exchange);
}

interface Reading {
  readonly problem?: Problem;
  readonly host?: string;
  readonly port?: string;
}

function read(server: string): Reading {
  const t = server.trim();
  if (t === '') return { problem: 'missing' };
  if (t.includes('://')) {
    const url = splitUrl(t);
    return { problem: 'url', ...(url?.host ? { host: url.host } : {}), ...(url?.port ? { port: url.port } : {}) };
  }
  const cut = t.search(/[\s/]/);
  if (cut !== -1 && t[cut] === '/') return { problem: 'url', host: normalizeHost(t.slice(0, cut)) };
  const word = cut === -1 ? t : t.slice(0, cut);
  const colon = word.indexOf(':');
  if (colon !== -1) return { problem: 'port', host: normalizeHost(word.slice(0, colon)), port: word.slice(colon + 1) };
  const host = normalizeHost(word);
  if (cut !== -1) return { problem: 'other', host };
  if (isExchangeHost(host)) return { host };
  const info = hostInfo(host);
  if (info?.role === 'smtp' || (info === undefined && isMicrosoftHost(host) && host.startsWith('smtp'))) return { problem: 'smtp', host };
  if (info?.role === 'graph') return { problem: 'graph', host };
  if (host === LEGACY) return { problem: 'legacy', host };
  return { problem: 'other', host };
}

/** The message of each problem. */
const MESSAGE_OF = {
  missing: 'notFilledIn',
  url: 'url',
  port: 'hostWithPort',
  smtp: 'smtpHost',
  graph: 'graphHost',
  legacy: 'legacyHost',
} as const;

export default defineRule({
  id: 'pop3/server',
  severity: 'error',
  docs: { description: 'With OAuth2 the TM Exchange POP3 Server is outlook.office365.com (or its national-cloud twin), the host name alone' },
  fixable: true,
  messages: {
    notFilledIn: "{{field}} is not filled in while Use OAuth2 is ticked: type {{expected}}, Exchange Online's POP3 host",
    url: '{{field}} is {{value}}, a URL: type only the host name, {{expected}}',
    urlWithPort: '{{field}} is {{value}}, a URL: type only the host name, {{expected}}, and put 995 in Port',
    hostWithPort: '{{field}} is {{value}}, a host with a port: type only the host name, {{expected}}, and put 995 in Port',
    smtpHost:
      '{{field}} is {{value}}, the host for sending mail over SMTP: TM Exchange downloads replication mail over POP3 from {{expected}}',
    graphHost:
      '{{field}} is {{value}}, the Microsoft Graph host used for sending: TM Exchange downloads replication mail over POP3 from {{expected}}',
    legacyHost:
      "{{field}} is {{value}}, the legacy name: Exchange Online's documented POP3 host and token audience is outlook.office365.com (Scope https://outlook.office365.com/.default); type outlook.office365.com",
    otherMicrosoftHost: "{{field}} is {{value}}, which is not Exchange Online's POP3 host: type {{expected}}",
    notExchangeOnline:
      "{{field}} is {{value}}, which is not Exchange Online: with Use OAuth2 ticked TM Exchange downloads from {{expected}}, the guide's POP3 server (a site that downloads from its own mail server with a password unticks Use OAuth2)",
  },
  check(ctx) {
    for (const section of ctx.sections) {
      if (section.channel !== 'pop3' || !section.oauthApplies) continue;
      const pointer = section.pointer(section.serverKey);
      // a Server of the wrong type is the schema's to report
      if (ctx.written(pointer) === 'invalid') continue;
      const server = section.server ?? '';
      const r = read(server);
      if (r.problem === undefined) continue;
      const target = exchangeHostFor(r.host);
      const expected = ours(expectedHost(r.host));
      const value = showValue(pointer, server.trim());
      const messageId =
        r.problem === 'other'
          ? r.host !== undefined && isMicrosoftHost(r.host)
            ? 'otherMicrosoftHost'
            : 'notExchangeOnline'
          : r.problem === 'url' && r.port
            ? 'urlWithPort'
            : MESSAGE_OF[r.problem];
      ctx.report({
        messageId,
        pointer,
        data: messageId === 'notFilledIn' ? { expected } : { value, expected },
        ...(target !== undefined ? { fix: { pointer, value: target } } : {}),
      });
    }
  },
});
