import { defineRule } from '../../engine/define-rule.js';
import { CLOUDS, hostInfo, splitUrl, type Cloud, type HostRole } from '../../model/microsoft.js';
import type { MailSection } from '../../model/sections.js';
import { analyzeTokenUrl, tokenUrlFor } from '../../model/token-url.js';

type Field = 'tokenUrl' | 'scope' | 'server';

interface Part {
  readonly field: Field;
  readonly cloud: Cloud;
  readonly host: string;
  readonly role: HostRole;
}

/** The host role a section's server and scope have: Graph for sending, Exchange Online for POP3. */
function resourceRole(section: MailSection): HostRole {
  return section.channel === 'pop3' ? 'exchange' : 'graph';
}

function serverWords(section: MailSection): string {
  return section.channel === 'pop3' ? 'the POP3 server' : 'the SMTP Server';
}

function describe(section: MailSection, part: Part): string {
  const cloud = CLOUDS[part.cloud].name;
  switch (part.field) {
    case 'tokenUrl':
      return `the Token URL (${part.host}) is for ${cloud}`;
    case 'scope':
      return `the Scope (${part.host}) is for ${cloud}`;
    case 'server':
      return `${serverWords(section)} ${part.host} is in ${cloud}`;
  }
}

/** The resource host of `cloud` for this section: the other field's host when it has the right role (DoD keeps DoD), else the cloud's default. */
function resourceHost(section: MailSection, cloud: Cloud, other: Part | undefined): string {
  const role = resourceRole(section);
  if (other && other.cloud === cloud && other.role === role) return other.host;
  return role === 'exchange' ? CLOUDS[cloud].exchange : CLOUDS[cloud].graph;
}

function advice(section: MailSection, odd: Field, cloud: Cloud | undefined, parts: Partial<Record<Field, Part>>, tenant: string | undefined): string {
  if (cloud === undefined) return 'use the hosts of one cloud in the Token URL, the Scope and the server';
  switch (odd) {
    case 'scope':
      return `write the Scope https://${resourceHost(section, cloud, parts.server)}/.default`;
    case 'tokenUrl':
      return tenant !== undefined
        ? `write the Token URL ${tokenUrlFor(tenant, cloud)}`
        : `use the authority ${CLOUDS[cloud].authority} in the Token URL`;
    case 'server': {
      const host = resourceHost(section, cloud, parts.scope);
      return section.channel === 'pop3'
        ? `enter ${host} as the POP3 server`
        : `send through https://${host}/v1.0/users/<mailbox>/sendMail`;
    }
  }
}

export default defineRule({
  id: 'oauth2/cloud-mismatch',
  severity: 'error',
  docs: {
    description:
      'The Token URL, the Scope and the server of each section belong to one Microsoft cloud (global, US Government or China)',
  },
  fixable: false,
  check(ctx) {
    for (const section of ctx.sections) {
      if (!section.oauthApplies) continue;
      const parts: Partial<Record<Field, Part>> = {};
      const tokenUrl = section.tab('tokenUrl');
      const token = tokenUrl === undefined ? undefined : analyzeTokenUrl(tokenUrl);
      if (token?.cloud !== undefined && token.host !== undefined) {
        parts.tokenUrl = { field: 'tokenUrl', cloud: token.cloud, host: token.host, role: 'authority' };
      }
      const scope = section.tab('scope');
      const scopeHost = scope === undefined ? undefined : splitUrl(scope)?.host;
      const scopeInfo = hostInfo(scopeHost);
      if (scopeHost !== undefined && scopeInfo) parts.scope = { field: 'scope', host: scopeHost, ...scopeInfo };
      const serverInfo = hostInfo(section.host);
      if (section.host !== undefined && serverInfo) parts.server = { field: 'server', host: section.host, ...serverInfo };

      const a = parts.tokenUrl?.cloud;
      const s = parts.scope?.cloud;
      const v = parts.server?.cloud;
      const known = new Set([a, s, v].filter((c): c is Cloud => c !== undefined));
      if (known.size < 2) continue;
      // The odd one out, and the cloud the other two agree on.
      let odd: Field;
      let cloud: Cloud | undefined;
      if (a !== undefined && a === v) [odd, cloud] = ['scope', a];
      else if (s !== undefined && s === v) [odd, cloud] = ['tokenUrl', s];
      else if (a !== undefined && a === s) [odd, cloud] = ['server', a];
      else if (v === undefined) [odd, cloud] = ['scope', undefined]; // Token URL and Scope differ, no Microsoft server to side with
      else [odd, cloud] = ['server', undefined];
      const oddPart = parts[odd];
      if (!oddPart) continue;
      const others = (['tokenUrl', 'scope', 'server'] as const)
        .filter((f) => f !== odd)
        .map((f) => parts[f])
        .filter((p): p is Part => p !== undefined)
        .map((p) => describe(section, p));
      const pointer = odd === 'server' ? section.pointer(section.serverKey) : section.tabPointer(odd);
      ctx.report({
        pointer,
        message: `${section.label}: ${describe(section, oddPart)} but ${others.join(' and ')}: tokens do not cross clouds (AADSTS900432, or a token the server refuses); ${advice(section, odd, cloud, parts, token?.tenantKind !== undefined ? token.tenant : undefined)}`,
      });
    }
  },
});
