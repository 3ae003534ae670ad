import { defineRule } from '../../engine/define-rule.js';
import { present } from '../../model/access.js';
import { CLOUDS, hostInfo, isMicrosoftHost, normalizeHost, splitUrl, type Cloud } from '../../model/microsoft.js';
import { isSecretReference, quote } from '../../model/values.js';

/** Where a Graph host's tenant downloads POP3 mail: the Exchange Online host of the same cloud. */
const EXCHANGE_OF_GRAPH: Readonly<Record<string, string>> = {
  'graph.microsoft.com': 'outlook.office365.com',
  'graph.microsoft.us': 'outlook.office365.us',
  'dod-graph.microsoft.us': 'outlook-dod.office365.us',
  'microsoftgraph.chinacloudapi.cn': 'partner.outlook.cn',
};

/** The legacy name of Exchange Online's host; the table lists it as an Exchange host, but POP3 and its token want outlook.office365.com. */
const LEGACY = 'outlook.office.com';

type Problem = 'missing' | 'url' | 'port' | 'smtp' | 'graph' | 'legacy' | 'other';

function isExchangeHost(host: string): boolean {
  return hostInfo(host)?.role === 'exchange' && normalizeHost(host) !== LEGACY;
}

function cloudOf(host: string): Cloud {
  const info = hostInfo(host);
  if (info) return info.cloud;
  if (host.endsWith('.us')) return 'usgov';
  if (host.endsWith('.cn')) return 'china';
  return 'global';
}

/** The Exchange Online host for a Microsoft host, when certain (a customer's own host: none; GCC High or DoD unknown: none). */
function exchangeHostFor(host: string | undefined): string | undefined {
  if (host === undefined || !isMicrosoftHost(host)) return undefined;
  const h = normalizeHost(host);
  if (h === LEGACY) return CLOUDS.global.exchange;
  const info = hostInfo(h);
  if (info?.role === 'exchange') return h;
  if (info?.role === 'graph') return EXCHANGE_OF_GRAPH[h];
  const cloud = cloudOf(h);
  return cloud === 'usgov' ? undefined : CLOUDS[cloud].exchange;
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

export default defineRule({
  id: 'pop3/server',
  severity: 'error',
  docs: { description: 'With OAuth2 the TM Exchange POP3 Server is outlook.office365.com (or its national-cloud twin), the host name alone' },
  fixable: true,
  check(ctx) {
    for (const section of ctx.sections) {
      if (section.channel !== 'pop3' || !section.oauthApplies) continue;
      if (present(section.raw, 'server') && section.server === undefined) continue;
      const server = section.server ?? '';
      if (isSecretReference(server)) continue;
      const r = read(server);
      if (r.problem === undefined) continue;
      const target = exchangeHostFor(r.host);
      const expected = target ?? (r.host && isMicrosoftHost(r.host) ? CLOUDS[cloudOf(r.host)].exchange : CLOUDS.global.exchange);
      const value = quote(server.trim());
      const label = 'TM Exchange POP3 > Server';
      let message: string;
      switch (r.problem) {
        case 'missing':
          message = `${label} is empty while Use OAuth2 is ticked: type ${expected}, Exchange Online's POP3 host`;
          break;
        case 'url':
          message = `${label} is ${value}, a URL: type only the host name, ${expected}${r.port ? ', and put 995 in Port' : ''}`;
          break;
        case 'port':
          message = `${label} is ${value}, a host with a port: type only the host name, ${expected}, and put 995 in Port`;
          break;
        case 'smtp':
          message = `${label} is ${value}, the host for sending mail over SMTP: TM Exchange downloads replication mail over POP3 from ${expected}`;
          break;
        case 'graph':
          message = `${label} is ${value}, the Microsoft Graph host used for sending: TM Exchange downloads replication mail over POP3 from ${expected}`;
          break;
        case 'legacy':
          message = `${label} is ${value}, the legacy name: Exchange Online's documented POP3 host and token audience is outlook.office365.com (Scope https://outlook.office365.com/.default); type outlook.office365.com`;
          break;
        default:
          message =
            r.host !== undefined && isMicrosoftHost(r.host)
              ? `${label} is ${value}, which is not Exchange Online's POP3 host: type ${expected}`
              : `${label} is ${value}, which is not Exchange Online: with Use OAuth2 ticked TM Exchange downloads from ${expected}, the guide's POP3 server (a site that downloads from its own mail server with a password unticks Use OAuth2)`;
      }
      const pointer = section.pointer('server');
      ctx.report({ pointer, message, ...(target !== undefined ? { fix: { pointer, value: target } } : {}) });
    }
  },
});
