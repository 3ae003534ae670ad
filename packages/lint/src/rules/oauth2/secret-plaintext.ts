import { defineRule } from '../../engine/define-rule.js';
import { joinPointer } from '../../load/pointer.js';
import type { MailSection, SectionId } from '../../model/sections.js';
import { isSecretReference } from '../../model/values.js';
import { CLIENT_SECRET_VARIABLE, isElided, isSecretPlaceholder, looksLikeReference, pipelineSyntax } from '../../model/secret-reference.js';
import { ours } from '../../secrets/show.js';

/** The environment variable suggested for each section's Basic Auth password. */
const PASSWORD_VARIABLE: Readonly<Record<SectionId, string>> = {
  mailSettings: '${TM_MAIL_PASSWORD}',
  exchangeSmtp: '${TM_EXCHANGE_SMTP_PASSWORD}',
  exchangePop3: '${TM_EXCHANGE_POP3_PASSWORD}',
};

interface Stored {
  readonly pointer: string;
  /** The `${NAME}` the messages suggest. */
  readonly variable: string;
  readonly value: string;
  readonly clientSecret: boolean;
}

/** The secret fields of a section that hold text: its Client Secret and its Basic Auth password. */
function storedSecrets(section: MailSection): Stored[] {
  const out: Stored[] = [];
  const clientSecret = section.oauth2?.clientSecret;
  if (clientSecret !== undefined) {
    out.push({ pointer: section.tabPointer('clientSecret'), variable: CLIENT_SECRET_VARIABLE, value: clientSecret, clientSecret: true });
  }
  const password = section.basicAuth?.password;
  if (password !== undefined) {
    out.push({ pointer: joinPointer(section.base, 'basicAuth', 'password'), variable: PASSWORD_VARIABLE[section.id], value: password, clientSecret: false });
  }
  return out;
}

/**
 * A value that stores no secret: left out (`...`, `***`, `<password>`), or, for a Client Secret,
 * a fill-in-later text (`changeme`, `your-client-secret`): an Entra secret Value never reads like one,
 * while a password may well be `changeme`.
 */
function storesNoSecret(s: Stored, value: string): boolean {
  return isElided(value) || (s.clientSecret && isSecretPlaceholder(value));
}

export default defineRule({
  id: 'oauth2/secret-plaintext',
  severity: 'warning',
  docs: {
    description:
      'Client secrets and Basic Auth passwords are not written in the manifest: each is a ${NAME} reference to an environment variable',
  },
  fixable: false,
  messages: {
    plaintext:
      '{{field}} is written in the manifest, where anyone who reads the file can use it: store it in an environment variable and write {{variable}} instead',
    wrongReference:
      "{{field}} looks like a reference to an environment variable, but tmcheck reads only the form ${NAME}, and the live probe would send this text as the secret: write the variable's name between ${ and }, with the dollar sign and both braces",
    pipelineExpression:
      "{{field}} holds {{syntax}}: not a secret written in the manifest, but not a reference tmcheck reads either. tmcheck reads only ${NAME}, from the environment, and the live probe cannot resolve a pipeline expression: in the pipeline, pass the secret to the step that runs tmcheck as an environment variable, and write that variable here as ${NAME}",
  },
  check(ctx) {
    for (const section of ctx.sections) {
      for (const s of storedSecrets(section)) {
        const value = s.value.trim();
        if (value === '' || isSecretReference(value)) continue;
        const pipeline = pipelineSyntax(value);
        if (pipeline !== undefined) {
          ctx.report({ messageId: 'pipelineExpression', pointer: s.pointer, data: { syntax: ours(pipeline.description) } });
        } else if (looksLikeReference(value)) {
          ctx.report({ messageId: 'wrongReference', pointer: s.pointer });
        } else if (!storesNoSecret(s, value)) {
          ctx.report({ messageId: 'plaintext', pointer: s.pointer, data: { variable: ours(s.variable) } });
        }
      }
    }
  },
});
