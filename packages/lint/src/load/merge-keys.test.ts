import { describe, expect, it } from 'vitest';
import { positionOf } from '../test-utils/rule-tester.js';
import { expandedSize, parseDocuments } from './parse-documents.js';

/** The SMTP and POP3 tabs written once: the OAuth2 block anchored on SMTP, merged into POP3. */
const TABS = `exchange:
  smtp:
    server: https://graph.microsoft.com/v1.0/users/replication@example.com/sendMail
    oauth2: &exchange-oauth2
      useOAuth2: true
      tokenUrl: https://login.microsoftonline.com/example.onmicrosoft.com/oauth2/v2.0/token
      scope: https://graph.microsoft.com/.default
      clientSecret: \${TM_MAIL_SECRET}
  pop3:
    server: outlook.office365.com
    oauth2:
      <<: *exchange-oauth2
      scope: https://outlook.office365.com/.default
azure:
  clientSecrets:
    - &first { description: tmmaster, expires: 2027-06-30 }
    - *first
`;

/** Where a range starts, as line and column. */
function start(r: { line: number; column: number }): { line: number; column: number } {
  return { line: r.line, column: r.column };
}

describe('merge keys', () => {
  it('merges <<: *anchor, an explicit key winning, and keeps dates as text', () => {
    const [d] = parseDocuments(TABS);
    expect(d!.problem).toBeUndefined();
    const data = d!.data as { exchange: { pop3: { oauth2: Record<string, unknown> } }; azure: { clientSecrets: unknown[] } };
    expect(data.exchange.pop3.oauth2).toEqual({
      useOAuth2: true,
      tokenUrl: 'https://login.microsoftonline.com/example.onmicrosoft.com/oauth2/v2.0/token',
      scope: 'https://outlook.office365.com/.default',
      clientSecret: '${TM_MAIL_SECRET}',
    });
    expect(Object.keys(data.exchange.pop3.oauth2)).not.toContain('<<');
    expect(data.azure.clientSecrets[1]).toEqual({ description: 'tmmaster', expires: '2027-06-30' });
  });

  it('lets an explicit key win whether it is written before or after the merge key', () => {
    const text = 'base: &b { port: 110, useSsl: false }\nbefore:\n  port: 995\n  <<: *b\nafter:\n  <<: *b\n  port: 995\n';
    const [d] = parseDocuments(text);
    expect(d!.data).toMatchObject({ before: { port: 995, useSsl: false }, after: { port: 995, useSsl: false } });
    expect(start(d!.locate('/before/port'))).toEqual(positionOf(text, '995'));
    expect(start(d!.locate('/after/port'))).toEqual(positionOf(text, '995', 'after:'));
    expect(start(d!.locate('/after/useSsl'))).toEqual(positionOf(text, 'false'));
  });

  it('merges a list of mappings, the first listed winning, and chains of merges', () => {
    const text = [
      'smtp-defaults: &smtp { useSsl: true, timeoutSeconds: 100 }',
      'pop3-defaults: &pop3 { useSsl: false, port: 995 }',
      'both: &both',
      '  <<: [*smtp, *pop3]',
      'chained:',
      '  <<: *both',
      '  maxMessages: 20',
      'inline:',
      '  <<: { port: 110 }',
      '',
    ].join('\n');
    const [d] = parseDocuments(text);
    expect(d!.data).toMatchObject({
      both: { useSsl: true, timeoutSeconds: 100, port: 995 },
      chained: { useSsl: true, timeoutSeconds: 100, port: 995, maxMessages: 20 },
      inline: { port: 110 },
    });
    expect(start(d!.locate('/both/useSsl'))).toEqual(positionOf(text, 'true'));
    expect(start(d!.locate('/both/port'))).toEqual(positionOf(text, '995'));
    expect(start(d!.locate('/chained/timeoutSeconds'))).toEqual(positionOf(text, '100'));
    expect(start(d!.locate('/chained/maxMessages'))).toEqual(positionOf(text, '20'));
    expect(start(d!.locate('/inline/port'))).toEqual(positionOf(text, '110'));
  });

  it('reads a quoted "<<" as a key, not a merge', () => {
    const [d] = parseDocuments('a: &a { x: 1 }\nb:\n  "<<": *a\n');
    expect(d!.data).toEqual({ a: { x: 1 }, b: { '<<': { x: 1 } } });
    expect(d!.has('/b/<</x')).toBe(true);
  });
});

describe('positions through anchors, aliases and merges', () => {
  const [doc] = parseDocuments(TABS);

  it('points an explicit key where it is written', () => {
    expect(start(doc!.locate('/exchange/pop3/oauth2/scope'))).toEqual(positionOf(TABS, 'https://outlook.office365.com/.default'));
    expect(start(doc!.locate('/exchange/pop3/oauth2/scope', 'key'))).toEqual(positionOf(TABS, 'scope', 'pop3:'));
  });

  it('points a merged value, and its key, inside the anchored mapping it comes from', () => {
    const r = doc!.locate('/exchange/pop3/oauth2/tokenUrl');
    expect(start(r)).toEqual(positionOf(TABS, 'https://login.microsoftonline.com'));
    expect(r.endColumn - r.column + 1).toBe('https://login.microsoftonline.com/example.onmicrosoft.com/oauth2/v2.0/token'.length);
    expect(start(doc!.locate('/exchange/pop3/oauth2/useOAuth2', 'key'))).toEqual(positionOf(TABS, 'useOAuth2'));
    expect(doc!.has('/exchange/pop3/oauth2/clientSecret')).toBe(true);
  });

  it('points the merging mapping at its own key, and a missing field at the nearest one written', () => {
    expect(start(doc!.locate('/exchange/pop3/oauth2'))).toEqual(positionOf(TABS, 'oauth2:', 'pop3:'));
    expect(doc!.has('/exchange/pop3/oauth2/userName')).toBe(false);
    expect(start(doc!.locate('/exchange/pop3/oauth2/userName'))).toEqual(positionOf(TABS, 'oauth2:', 'pop3:'));
  });

  it('follows an alias to the anchored node, and points a value past its anchor', () => {
    expect(start(doc!.locate('/azure/clientSecrets/1/expires'))).toEqual(positionOf(TABS, '2027-06-30'));
    expect(start(doc!.locate('/azure/clientSecrets/0/description'))).toEqual(positionOf(TABS, 'tmmaster'));
    expect(doc!.has('/azure/clientSecrets/1/description')).toBe(true);
    const text = 'port: &p 995\nother: *p\n';
    const [d] = parseDocuments(text);
    expect(d!.locate('/port')).toMatchObject({ ...positionOf(text, '995'), endColumn: positionOf(text, '995').column + 2 });
    expect(start(d!.locate('/other'))).toEqual(positionOf(text, '995'));
    expect(start(d!.locate('/other', 'key'))).toEqual(positionOf(text, 'other'));
  });

  it('takes the latest definition of an anchor name', () => {
    const text = 'a: &x 1\nb: *x\nc: &x 2\nd: *x\n';
    const [d] = parseDocuments(text);
    expect(start(d!.locate('/b'))).toEqual(positionOf(text, '1'));
    expect(start(d!.locate('/d'))).toEqual(positionOf(text, '2'));
  });
});

describe('merge errors', () => {
  it.each([
    ['an alias of a single value', 'port: &p 995\npop3:\n  <<: *p\n'],
    ['a list holding a single value', 'port: &p 995\npop3:\n  <<: [*p]\n'],
    ['a plain value', 'pop3:\n  <<: 995\n'],
  ])('reports a merge of %s at its merge key', (_name, text) => {
    const [d] = parseDocuments(text);
    expect(d!.problem).toMatchObject({ messageId: 'mergeSource', data: {}, range: { ...positionOf(text, '<<') } });
  });

  it('reports a merge of more than 100 mappings', () => {
    const text = `a: &a { x: 1 }\nb:\n  <<: [${Array(101).fill('*a').join(', ')}]\n`;
    const [d] = parseDocuments(text);
    expect(d!.problem).toMatchObject({ messageId: 'mergeList', range: { line: 3, column: 3 } });
  });

  it('counts merged keys against the alias limit', () => {
    const keys = Array.from({ length: 30 }, (_, i) => `k${i}: ${i}`).join(', ');
    const lines = [`a0: &a0 { ${keys} }`];
    for (let i = 1; i < 10; i++) lines.push(`a${i}: &a${i}\n  <<: *a${i - 1}\n  x${i}: 1`);
    const [d] = parseDocuments(lines.join('\n') + '\n', { limits: { maxExpandedNodes: 100 } });
    expect(d!.problem).toMatchObject({ messageId: 'aliases', data: { limit: 100 } });
  });
});

describe('the alias expansion limit', () => {
  it('stops a chain of thousands of aliases, each referring to the previous one, without overflowing', () => {
    const lines = ['a0: &a0 [x]'];
    for (let i = 1; i < 5000; i++) lines.push(`a${i}: &a${i} [*a${i - 1}]`);
    const text = lines.join('\n') + '\n';
    const [d] = parseDocuments(text);
    expect(d!.problem).toMatchObject({ messageId: 'aliases', data: { limit: 20_000 }, range: { line: 1, column: 1 } });
    // counted in full under a limit it does not reach: still no recursion
    const [big] = parseDocuments(text, { limits: { maxExpandedNodes: 50_000_000 } });
    expect(big!.problem).toBeUndefined();
  });

  it('sizes a deep value iteratively, each shared node once', () => {
    let deep: unknown[] = ['x'];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(expandedSize(deep, 1e9)).toBe(100_002);
    const shared = { a: 1, b: 2 };
    expect(expandedSize({ one: shared, two: shared, three: [shared, shared] }, 100)).toBe(1 + 3 + 3 + (1 + 3 + 3));
    expect(expandedSize('text', 0)).toBe(1);
  });

  it('counts a cycle as over the limit', () => {
    const [d] = parseDocuments('a: &a [*a]\n');
    expect(d!.problem).toMatchObject({ messageId: 'aliases' });
  });
});
