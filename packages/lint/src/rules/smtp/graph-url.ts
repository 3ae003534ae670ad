import { defineRule } from '../../engine/define-rule.js';
import type { Fix } from '../../finding.js';
import { CLOUDS } from '../../model/microsoft.js';
import { analyzeTokenUrl } from '../../model/token-url.js';
import type { MailSection } from '../../model/sections.js';
import { quote } from '../../model/values.js';
import {
  analyzeGraphUrl,
  graphServers,
  exampleUrl,
  GUIDE_EXAMPLE_MAILBOX,
  graphHostFor,
  graphUrlFor,
  intendedMailbox,
  replaceMailbox,
  serverLabel,
  type GraphUrl,
} from '../../rule-kit/graph-url.js';

/** A candidate value, when smtp/graph-url has nothing more to say about it. */
function ifValid(candidate: string | undefined): string | undefined {
  return candidate !== undefined && analyzeGraphUrl(candidate).problem === undefined ? candidate : undefined;
}

/** The whole Graph URL for the section's mailbox, when the host's cloud and the mailbox are both certain. */
function rebuilt(section: MailSection, g: GraphUrl): string | undefined {
  const tokenCloud = analyzeTokenUrl(section.tab('tokenUrl') ?? '').cloud;
  const host = graphHostFor(g.host, g.cloud ?? tokenCloud);
  const mailbox = intendedMailbox(section);
  return host && mailbox ? ifValid(graphUrlFor(host, mailbox)) : undefined;
}

function candidate(section: MailSection, g: GraphUrl): string | undefined {
  const t = g.text;
  switch (g.problem) {
    case 'http':
      return ifValid(`https${t.slice(t.indexOf('://'))}`);
    case 'no-scheme':
      return ifValid(`https://${t}`);
    case 'beta': {
      const pathStart = t.indexOf('/', t.indexOf('://') + 3);
      return ifValid(`${t.slice(0, pathStart)}/v1.0${t.slice(pathStart + '/beta'.length)}`);
    }
    case 'no-sendmail':
      return ifValid(`${t.endsWith('/') ? t.slice(0, -1) : t}/sendMail`);
    case 'smtp-host':
    case 'me':
      return rebuilt(section, g);
    case 'example': {
      const mailbox = intendedMailbox(section);
      return mailbox ? ifValid(replaceMailbox(t, mailbox)) : undefined;
    }
    default:
      return undefined;
  }
}

function message(section: MailSection, g: GraphUrl, fixed: string | undefined): string {
  const label = serverLabel(section);
  const certain = graphHostFor(g.host, g.cloud);
  const host = certain ?? (g.cloud ? CLOUDS[g.cloud].graph : undefined);
  const dod = certain === undefined && g.cloud === 'usgov' ? ' (DoD tenants: dod-graph.microsoft.us)' : '';
  const example = (fixed ?? exampleUrl(section, host)) + dod;
  const value = quote(g.text);
  switch (g.problem) {
    case 'missing':
      return `${label} is empty while Use OAuth2 is ticked: type the Microsoft Graph sendMail URL, e.g. ${example}`;
    case 'smtp-host':
      return `${label} is ${value}, an SMTP host name: with OAuth2 TM Master does not talk SMTP, it sends through Microsoft Graph; type the sendMail URL ${example}`;
    case 'no-scheme':
      return `${label} ${value} has no https:// in front: type ${fixed ?? `https://${g.text}`}`;
    case 'scheme':
      return `${label} ${value} is not an https:// address: type the Microsoft Graph sendMail URL, e.g. ${example}`;
    case 'http':
      return `${label} ${value} starts with http:, and Microsoft Graph answers only https: type https:// instead`;
    case 'host':
      return `${label} ${value} names ${g.host ? `the host ${quote(g.host)}` : 'no host'}, which is not Microsoft Graph: with OAuth2 type the sendMail URL, e.g. ${example}`;
    case 'port':
      return `${label} ${value} has a port after the host: Microsoft Graph takes https on its default port only; remove the port, e.g. ${example}`;
    case 'me':
      return `${label} ${value} uses /me/sendMail, which works only for a signed-in user: TM Master signs in as an application, so Graph refuses it ("/me request is only valid with delegated authentication flow"); name the mailbox instead: ${example}`;
    case 'beta':
      return `${label} ${value} uses Graph's /beta/ endpoint, whose APIs Microsoft may change or withdraw without notice: use /v1.0/ as in the guide`;
    case 'version':
      return `${label} ${value} does not start its path with /v1.0/: type the URL of the guide, e.g. ${example}`;
    case 'no-mailbox':
      return `${label} ${value} has no mailbox after /users/: type the sending mailbox's e-mail address there, e.g. ${example}`;
    case 'no-sendmail':
      return `${label} ${value} ends at the mailbox: add /sendMail at the end (https://graph.microsoft.com/v1.0/users/<mailbox>/sendMail)`;
    case 'example':
      return section.id === 'mailSettings'
        ? `${label} still holds the guide's example address ${GUIDE_EXAMPLE_MAILBOX}: replace it with the e-mail address TM Master sends from, or with {0} to send with each user's own address`
        : `${label} still holds the guide's example address ${GUIDE_EXAMPLE_MAILBOX}: replace it with the e-mail address of this installation's replication mailbox`;
    case 'mailbox':
      return `the mailbox ${quote(g.mailbox ?? '')} in ${label} is neither an e-mail address nor a GUID (a user's object ID): type the sending mailbox's e-mail address, e.g. ${example}`;
    default:
      return `${label} ${value} is not a Microsoft Graph sendMail URL: the path must be /v1.0/users/<mailbox>/sendMail, e.g. ${example}`;
  }
}

export default defineRule({
  id: 'smtp/graph-url',
  severity: 'error',
  docs: {
    description:
      'With OAuth2 the SMTP Server is the Microsoft Graph sendMail URL https://graph.microsoft.com/v1.0/users/<mailbox>/sendMail',
  },
  fixable: true,
  check(ctx) {
    for (const { section, pointer, server, url: g } of graphServers(ctx.sections)) {
      if (g.problem === undefined) continue;
      const value = candidate(section, g);
      const fix: Fix | undefined = value !== undefined && value !== server ? { pointer, value } : undefined;
      ctx.report({ pointer, message: message(section, g, value), ...(fix ? { fix } : {}) });
    }
  },
});
