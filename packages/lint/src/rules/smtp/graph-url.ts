import { defineRule, type MessageData } from '../../engine/define-rule.js';
import type { Fix } from '../../finding.js';
import { CLOUDS, perCloud } from '../../model/microsoft.js';
import { analyzeTokenUrl } from '../../model/token-url.js';
import { ours, showValue, type Shown } from '../../secrets/show.js';
import {
  analyzeGraphUrl,
  exampleUrl,
  graphHostFor,
  graphServers,
  graphUrlFor,
  intendedMailbox,
  replaceMailbox,
  textRepair,
  type GraphServer,
  type GraphUrlProblem,
} from '../../rule-kit/graph-url.js';

/** A candidate value, when smtp/graph-url has nothing more to say about it. */
function ifValid(candidate: string | undefined): string | undefined {
  return candidate !== undefined && analyzeGraphUrl(candidate).problem === undefined ? candidate : undefined;
}

/** The whole Graph URL for the section's mailbox, when the host's cloud and the mailbox are both certain. */
function rebuilt(s: GraphServer): string | undefined {
  const tokenClouds = analyzeTokenUrl(s.section.oauth2?.tokenUrl ?? '').clouds;
  const host = graphHostFor(s.url.host, s.url.clouds ?? tokenClouds);
  const mailbox = intendedMailbox(s);
  return host && mailbox ? ifValid(graphUrlFor(host, mailbox)) : undefined;
}

/** The value the fix writes, where it is certain to be right. */
function candidate(s: GraphServer): string | undefined {
  switch (s.problem) {
    case 'http':
    case 'no-scheme':
    case 'beta':
    case 'no-sendmail':
      return ifValid(textRepair(s.url));
    case 'smtp-host':
    case 'me':
      return rebuilt(s);
    case 'example': {
      const mailbox = intendedMailbox(s);
      return mailbox ? ifValid(replaceMailbox(s.url.text, mailbox)) : undefined;
    }
    default:
      return undefined;
  }
}

type MessageId =
  | 'notFilledIn'
  | 'smtpHost'
  | 'noScheme'
  | 'scheme'
  | 'http'
  | 'host'
  | 'port'
  | 'me'
  | 'beta'
  | 'version'
  | 'noMailbox'
  | 'noSendMail'
  | 'exampleInMailSettings'
  | 'exampleInExchange'
  | 'mailbox'
  | 'placeholder'
  | 'path';

const MESSAGE_OF: Readonly<Record<Exclude<GraphUrlProblem, 'example'>, MessageId>> = {
  missing: 'notFilledIn',
  'smtp-host': 'smtpHost',
  'no-scheme': 'noScheme',
  scheme: 'scheme',
  http: 'http',
  host: 'host',
  port: 'port',
  me: 'me',
  beta: 'beta',
  version: 'version',
  'no-mailbox': 'noMailbox',
  'no-sendmail': 'noSendMail',
  mailbox: 'mailbox',
  placeholder: 'placeholder',
  path: 'path',
};

/** What belongs where the mailbox goes, for a placeholder that the section does not fill in. */
const WANTED: Readonly<Record<GraphServer['section']['id'], string>> = {
  mailSettings: "the sending mailbox's e-mail address, or {0} to send with each user's own address",
  exchangeSmtp: "the replication mailbox's e-mail address",
  exchangePop3: "the replication mailbox's e-mail address",
};

/**
 * The example URL of a message: the fix where there is one, else the guide's URL on the section's Graph
 * host, or on each Graph host of its clouds where the cloud is not certain (GCC High or DoD).
 */
function example(s: GraphServer, fixed: string | undefined): Shown {
  if (fixed !== undefined) return showValue(s.pointer, fixed, { bare: true });
  const certain = graphHostFor(s.url.host, s.url.clouds);
  if (certain !== undefined || s.url.clouds === undefined) return showValue(s.pointer, exampleUrl(s, certain), { bare: true });
  return ours(perCloud(s.url.clouds, (c) => showValue(s.pointer, exampleUrl(s, CLOUDS[c].graph), { bare: true })));
}

function report(s: GraphServer, fixed: string | undefined): { messageId: MessageId; data: MessageData } {
  const g = s.url;
  const value = showValue(s.pointer, g.text);
  const problem = s.problem as GraphUrlProblem;
  switch (problem) {
    case 'missing':
    case 'smtp-host':
    case 'scheme':
    case 'port':
    case 'me':
    case 'version':
    case 'no-mailbox':
    case 'path':
      return { messageId: MESSAGE_OF[problem], data: { value, example: example(s, fixed) } };
    case 'no-scheme':
      return { messageId: 'noScheme', data: { value, example: showValue(s.pointer, fixed ?? `https://${g.text}`, { bare: true }) } };
    case 'http':
    case 'beta':
    case 'no-sendmail':
      return { messageId: MESSAGE_OF[problem], data: { value } };
    case 'host':
      return {
        messageId: 'host',
        data: { value, host: g.host ? ours(`the host ${showValue(s.pointer, g.host)}`) : ours('no host'), example: example(s, fixed) },
      };
    case 'example':
      return { messageId: s.section.id === 'mailSettings' ? 'exampleInMailSettings' : 'exampleInExchange', data: { value } };
    case 'mailbox':
      return { messageId: 'mailbox', data: { value, mailbox: showValue(s.pointer, g.mailbox ?? ''), example: example(s, fixed) } };
    case 'placeholder':
      return {
        messageId: 'placeholder',
        data: { value, mailbox: showValue(s.pointer, g.mailbox ?? ''), wanted: ours(WANTED[s.section.id]), example: example(s, fixed) },
      };
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
  messages: {
    notFilledIn: '{{field}} is not filled in while Use OAuth2 is ticked: type the Microsoft Graph sendMail URL, e.g. {{example}}',
    smtpHost:
      '{{field}} is {{value}}, an SMTP host name: with OAuth2 TM Master does not talk SMTP, it sends through Microsoft Graph; type the sendMail URL {{example}}',
    noScheme: '{{field}} {{value}} has no https:// in front: type {{example}}',
    scheme: '{{field}} {{value}} is not an https:// address: type the Microsoft Graph sendMail URL, e.g. {{example}}',
    http: '{{field}} {{value}} starts with http:, and Microsoft Graph answers only https: type https:// instead',
    host: '{{field}} {{value}} names {{host}}, which is not Microsoft Graph: with OAuth2 type the sendMail URL, e.g. {{example}}',
    port: '{{field}} {{value}} has a port after the host: Microsoft Graph takes https on its default port only; remove the port, e.g. {{example}}',
    me: '{{field}} {{value}} uses /me/sendMail, which works only for a signed-in user: TM Master signs in as an application, so Graph refuses it ("/me request is only valid with delegated authentication flow"); name the mailbox instead: {{example}}',
    beta: "{{field}} {{value}} uses Graph's /beta/ endpoint, whose APIs Microsoft may change or withdraw without notice: use /v1.0/ as in the guide",
    version: '{{field}} {{value}} does not start its path with /v1.0/: type the URL of the guide, e.g. {{example}}',
    noMailbox: "{{field}} {{value}} has no mailbox after /users/: type the sending mailbox's e-mail address there, e.g. {{example}}",
    noSendMail: '{{field}} {{value}} ends at the mailbox: add /sendMail at the end (https://graph.microsoft.com/v1.0/users/<mailbox>/sendMail)',
    exampleInMailSettings:
      "{{field}} still holds the guide's example address example@email.com: replace it with the e-mail address TM Master sends from, or with {0} to send with each user's own address",
    exampleInExchange:
      "{{field}} still holds the guide's example address example@email.com: replace it with the e-mail address of this installation's replication mailbox",
    mailbox:
      "the mailbox {{mailbox}} in {{field}} is neither an e-mail address nor a GUID (a user's object ID): type the sending mailbox's e-mail address, e.g. {{example}}",
    placeholder: '{{field}} has the placeholder {{mailbox}} where the mailbox goes, and nothing fills it in: type {{wanted}}, e.g. {{example}}',
    path: '{{field}} {{value}} is not a Microsoft Graph sendMail URL: the path must be /v1.0/users/<mailbox>/sendMail, e.g. {{example}}',
  },
  // a finding about the URL itself comes first: the mailbox in a wrong URL is compared once it is right
  supersedes: ['smtp/sender-mismatch'],
  check(ctx) {
    for (const s of graphServers(ctx)) {
      if (s.problem === undefined) continue;
      const value = candidate(s);
      const fix: Fix | undefined = value !== undefined && value !== s.server ? { pointer: s.pointer, value } : undefined;
      ctx.report({ pointer: s.pointer, ...report(s, value), ...(fix ? { fix } : {}) });
    }
  },
});
