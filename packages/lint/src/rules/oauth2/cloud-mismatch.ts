import { defineRule } from '../../engine/define-rule.js';
import { fieldName } from '../../engine/messages.js';
import { fieldInfo } from '@tmcheck/schemas';
import {
  CLOUD_IDS,
  CLOUDS,
  cloudParts,
  cloudsName,
  commonClouds,
  judgeClouds,
  perCloud,
  type Cloud,
  type CloudField,
  type CloudPart,
  type CloudParts,
} from '../../model/microsoft.js';
import type { MailSection } from '../../model/sections.js';
import { analyzeTokenUrl, tokenUrlFor, type TokenUrlInfo } from '../../model/token-url.js';
import { ours, showValue, type Shown } from '../../secrets/show.js';

const FIELDS: readonly CloudField[] = ['tokenUrl', 'scope', 'server'];

function pointerOf(section: MailSection, field: CloudField): string {
  return field === 'server' ? section.pointer(section.serverKey) : section.tabPointer(field);
}

/** Pieces of text that each passed the gate (or are tmcheck's own), joined into one. */
function joined(pieces: readonly Shown[], last = ' and '): Shown {
  if (pieces.length <= 1) return pieces[0] ?? ours('');
  return ours(`${pieces.slice(0, -1).join(', ')}${last}${pieces[pieces.length - 1] as string}`);
}

/** "TM Exchange POP3 > OAuth2 > Token URL (login.microsoftonline.us) is for the US Government GCC High or DoD cloud". */
function described(section: MailSection, part: CloudPart): Shown {
  return ours(`${fieldName(pointerOf(section, part.field))} (${part.host}) is for ${cloudsName(part.clouds)}`);
}

/** The server URL with its host replaced, when it is a URL whose authority is exactly the host. */
function withHost(server: string, host: string, replacement: string): string | undefined {
  const text = server.trim();
  const start = text.indexOf('://');
  if (start === -1) return undefined;
  const rest = text.slice(start + 3);
  const end = rest.search(/[/?#]/);
  const authority = end === -1 ? rest : rest.slice(0, end);
  if (authority.toLowerCase().replace(/\.$/, '') !== host) return undefined;
  return text.slice(0, start + 3) + replacement + (end === -1 ? '' : rest.slice(end));
}

/** What to type in a field for the section to be in one of `clouds`. */
function expectedFor(section: MailSection, field: CloudField, clouds: readonly Cloud[], token: TokenUrlInfo | undefined, part: CloudPart | undefined): Shown {
  const pointer = pointerOf(section, field);
  switch (field) {
    case 'tokenUrl': {
      const tenant = token?.tenantKey !== undefined ? token.tenant : undefined;
      if (tenant === undefined) return ours(perCloud(clouds, (c) => `https://${CLOUDS[c].authority}/<Directory (tenant) ID>/oauth2/v2.0/token`));
      return showValue(pointer, perCloud(clouds, (c) => tokenUrlFor(tenant, c)), { bare: true });
    }
    case 'scope':
      return ours(perCloud(clouds, (c) => `https://${section.channel === 'pop3' ? CLOUDS[c].exchange : CLOUDS[c].graph}/.default`));
    case 'server': {
      if (section.channel === 'pop3') return ours(perCloud(clouds, (c) => CLOUDS[c].exchange));
      const server = section.server;
      const written = server !== undefined && part !== undefined && part.role === 'graph' ? server : undefined;
      if (written !== undefined && clouds.every((c) => withHost(written, part?.host ?? '', CLOUDS[c].graph) !== undefined)) {
        return showValue(pointer, perCloud(clouds, (c) => withHost(written, part?.host ?? '', CLOUDS[c].graph) as string), { bare: true });
      }
      return ours(perCloud(clouds, (c) => `https://${CLOUDS[c].graph}/v1.0/users/<mailbox>/sendMail`));
    }
  }
}

interface Placed {
  readonly section: MailSection;
  readonly parts: CloudParts;
  readonly token: TokenUrlInfo | undefined;
  /** The clouds every known field of the section allows. */
  readonly clouds: readonly Cloud[];
  readonly tenant: string;
}

/**
 * Sections that use one tenant but no cloud in common: a tenant lives in exactly one cloud. The cloud
 * most sections allow wins (on a tie, that of the section first in the guide's order); the others are reported.
 */
function tenantSplits(placed: readonly Placed[]): Array<{ readonly odd: Placed; readonly target: readonly Cloud[]; readonly with: readonly Placed[] }> {
  const out: Array<{ odd: Placed; target: readonly Cloud[]; with: readonly Placed[] }> = [];
  const tenants = new Set(placed.map((p) => p.tenant));
  for (const tenant of tenants) {
    const group = placed.filter((p) => p.tenant === tenant);
    if (group.length < 2 || commonClouds(group.map((p) => p.clouds)).length > 0) continue;
    const order = [...new Set(group.flatMap((p) => CLOUD_IDS.filter((c) => p.clouds.includes(c))))];
    const count = (c: Cloud): number => group.filter((p) => p.clouds.includes(c)).length;
    const best = order.reduce((a, b) => (count(b) > count(a) ? b : a));
    const agreeing = group.filter((p) => p.clouds.includes(best));
    const target = commonClouds(agreeing.map((p) => p.clouds));
    for (const p of group) {
      if (commonClouds([p.clouds, target]).length === 0) out.push({ odd: p, target, with: agreeing });
    }
  }
  return out;
}

/** The Token URL, the Scope and the server of a section belong to one Microsoft cloud, and a tenant to one cloud. */
export default defineRule({
  id: 'oauth2/cloud-mismatch',
  severity: 'error',
  docs: {
    description:
      'The Token URL, the Scope and the server of each section belong to one Microsoft cloud (global, US Government GCC High, US Government DoD or China), and sections that use one tenant use one cloud',
  },
  fixable: false,
  messages: {
    oddOneOut:
      '{{field}} ({{host}}) is for {{cloud}}, but {{others}}: tokens do not cross clouds (AADSTS900432, or a token the server refuses); enter {{expected}}',
    noMajority:
      '{{field}} ({{host}}) is for {{cloud}}, but {{others}}: tokens do not cross clouds (AADSTS900432, or a token the server refuses); use the hosts of one cloud in {{fields}}',
    tenantCloud:
      '{{field}} ({{host}}) is for {{cloud}}, but the same tenant is used in {{target}} by {{others}}: a tenant lives in one cloud, so one side cannot get a token; if the tenant is in {{target}}, enter {{changes}}',
  },
  check(ctx) {
    const placed: Placed[] = [];
    for (const section of ctx.sections) {
      if (!section.oauthApplies) continue;
      const tokenUrl = section.oauth2?.tokenUrl;
      const token = tokenUrl === undefined ? undefined : analyzeTokenUrl(tokenUrl);
      const parts = cloudParts({ tokenUrl, scope: section.oauth2?.scope, serverHost: section.host });
      const verdict = judgeClouds(parts);
      if (verdict.odd === undefined) {
        const clouds = verdict.common ?? [];
        if (clouds.length > 0 && token?.tenantKey !== undefined) placed.push({ section, parts, token, clouds, tenant: token.tenantKey });
        continue;
      }
      const odd = parts[verdict.odd] as CloudPart;
      const others = FIELDS.filter((f) => f !== verdict.odd)
        .map((f) => parts[f])
        .filter((p): p is CloudPart => p !== undefined)
        .map((p) => described(section, p));
      const pointer = pointerOf(section, verdict.odd);
      const data = { host: ours(odd.host), cloud: ours(cloudsName(odd.clouds)), others: joined(others) };
      if (verdict.target === undefined) {
        ctx.report({ messageId: 'noMajority', pointer, data: { ...data, fields: joined(FIELDS.map((f) => fieldName(pointerOf(section, f)))) } });
      } else {
        ctx.report({ messageId: 'oddOneOut', pointer, data: { ...data, expected: expectedFor(section, verdict.odd, verdict.target, token, odd) } });
      }
    }
    for (const { odd, target, with: agreeing } of tenantSplits(placed)) {
      const wrong = FIELDS.map((f) => odd.parts[f]).filter((p): p is CloudPart => p !== undefined && commonClouds([p.clouds, target]).length === 0);
      const first = wrong[0];
      if (first === undefined) continue;
      const changes = wrong.map((p) => {
        const label = fieldInfo(pointerOf(odd.section, p.field))?.label ?? p.field;
        return ours(`${expectedFor(odd.section, p.field, target, odd.token, p)} as ${label}`);
      });
      ctx.report({
        messageId: 'tenantCloud',
        pointer: pointerOf(odd.section, first.field),
        data: {
          host: ours(first.host),
          cloud: ours(cloudsName(first.clouds)),
          target: ours(cloudsName(target)),
          others: joined(agreeing.map((p) => ours(p.section.label))),
          changes: joined(changes),
        },
      });
    }
  },
});
