import { defineRule } from '../../engine/define-rule.js';
import { obj, str } from '../../model/access.js';
import type { MailSection, SectionId } from '../../model/sections.js';
import { joinPointer } from '../../load/pointer.js';
import { isSecretReference } from '../../model/values.js';
import { CLIENT_SECRET_VARIABLE, isSecretPlaceholder, looksLikeReference } from '../../rule-kit/secret-reference.js';

/** The environment variable suggested for each section's Basic Auth password. */
const PASSWORD_VARIABLE: Readonly<Record<SectionId, string>> = {
  mailSettings: '${TM_MAIL_PASSWORD}',
  exchangeSmtp: '${TM_EXCHANGE_SMTP_PASSWORD}',
  exchangePop3: '${TM_EXCHANGE_POP3_PASSWORD}',
};

interface Stored {
  readonly pointer: string;
  /** The field as the dialog names it: "Mail Settings > OAuth2 > Client Secret". */
  readonly field: string;
  readonly variable: string;
  readonly value: string;
  /** A malformed reference here is oauth2/client-secret's finding, not this rule's. */
  readonly referenceReportedElsewhere: boolean;
}

/**
 * A value left out rather than written: `...`, `***`, `xxx`, `<password>`, `[password]`, `{password}`.
 * The spec's own example writes `password: ...`; such a value stores no secret. Words (`changeme`,
 * `password`) are not in this list: they may well be the real, weak password.
 */
function isElided(value: string): boolean {
  return /^(?:x+|\*+|\.+|\u2026+|\?+|-+|_+)$/i.test(value) || /^<[^<>]*>$/.test(value) || /^\[[^[\]]*\]$/.test(value) || /^\{[^{}$]*\}$/.test(value);
}

function storedSecrets(section: MailSection): Stored[] {
  const out: Stored[] = [];
  const clientSecret = section.tab('clientSecret');
  if (clientSecret !== undefined) {
    out.push({
      pointer: section.tabPointer('clientSecret'),
      field: `${section.label} > OAuth2 > Client Secret`,
      variable: CLIENT_SECRET_VARIABLE,
      value: clientSecret,
      referenceReportedElsewhere: section.oauthApplies,
    });
  }
  const password = str(obj(section.raw, 'basicAuth'), 'password');
  if (password !== undefined) {
    out.push({
      pointer: joinPointer(section.base, 'basicAuth', 'password'),
      field: `${section.label} > Basic Auth > Password`,
      variable: PASSWORD_VARIABLE[section.id],
      value: password,
      referenceReportedElsewhere: false,
    });
  }
  return out;
}

export default defineRule({
  id: 'oauth2/secret-plaintext',
  severity: 'warning',
  docs: {
    description:
      'Client secrets and Basic Auth passwords are not written in the manifest: each is a ${NAME} reference to an environment variable',
  },
  fixable: false,
  check(ctx) {
    for (const section of ctx.sections) {
      for (const s of storedSecrets(section)) {
        const value = s.value.trim();
        if (value === '' || isSecretReference(value)) continue;
        if (looksLikeReference(value)) {
          if (s.referenceReportedElsewhere) continue;
          ctx.report({
            pointer: s.pointer,
            message: `${s.field} is not a reference tmcheck reads, so it counts as a secret written in the manifest: write the environment variable in the form ${s.variable}, with the dollar sign and both braces`,
          });
          continue;
        }
        if (isElided(value)) continue;
        // a Client Secret nobody filled in stores no secret (oauth2/client-secret reports it)
        if (s.pointer.endsWith('/clientSecret') && isSecretPlaceholder(value)) continue;
        ctx.report({
          pointer: s.pointer,
          message: `${s.field} is written in the manifest, where anyone who reads the file can use it: store it in an environment variable and write ${s.variable} instead`,
        });
      }
    }
  },
});
