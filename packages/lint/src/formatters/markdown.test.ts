import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { summarize, type DocumentResult, type Finding, type Severity } from '../finding.js';
import { RULES } from '../rules/index.js';
import { escapeControls } from '../text/escape.js';
import { markdown, markdownText } from './markdown.js';
import type { FormatterContext } from './types.js';

const context: FormatterContext = { color: false, toolName: 'tmcheck', toolVersion: '1.2.0', rules: RULES, cwd: '/srv/repo' };

let n = 0;
function finding(ruleId: string, severity: Severity, message: string, extra: Partial<Finding> = {}): Finding {
  n++;
  return { ruleId, messageId: 'm', severity, message, pointer: `/p${n}`, line: n, column: 1, endLine: n, endColumn: 2, ...extra };
}

/** Renders as GitHub does (GitHub Flavored Markdown) and reads back the tables: each row's cells, as text. */
function render(text: string): { html: string; tables: string[][][] } {
  const html = marked.parse(text, { gfm: true, async: false });
  const tables = [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map((t) =>
    [...(t[1] as string).matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) => [...(row[1] as string).matchAll(/<t[hd]>([\s\S]*?)<\/t[hd]>/g)].map((c) => c[1] as string)),
  );
  return { html, tables };
}

/** The text of rendered inline HTML: tags dropped, the entities a renderer writes decoded. */
function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

const HOSTILE = [
  'a | b || c',
  'line\nbreak\r\nand\u2028more',
  '`code` ``` fence',
  '<script>alert(1)</script><img src=x onerror=alert(2)>',
  '&lt; &amp; &#60; entity',
  '**bold** _em_ ~~strike~~ [link](https://evil.example) ![img](https://evil.example/x.png)',
  '\\| backslash pipe \\',
  '# heading ### $x^2$ {{value}}',
  '\u001b[31mred\u001b[0m \u202eevil',
];

describe('markdown', () => {
  it('is one line when every installation is clean', () => {
    const clean = [summarize({ filePath: 'a.yaml', document: 0, installation: 'MV Nordic Star' }, [])];
    expect(markdown(clean, context)).toBe('✅ **tmcheck**: no problems in 1 file (1 installation)\n');
    expect(markdown([], context)).toBe('✅ **tmcheck**: no problems in 0 files (0 installations)\n');
  });

  it('gives the totals, then a table per installation with findings: severity, line, dialog > field, message, rule linked to its doc', () => {
    const results: DocumentResult[] = [
      summarize({ filePath: '/srv/repo/fleet/star.yaml', document: 0, installation: 'MV Nordic Star' }, [
        finding('oauth2/scope', 'error', 'POP3 needs the scope https://outlook.office365.com/.default', { data: { field: 'TM Exchange POP3 > OAuth2 > Scope' }, fix: { pointer: '/x', value: 'y' } }),
        finding('exchange/timeout', 'warning', 'Timeout is 5 seconds'),
      ]),
      summarize({ filePath: 'fleet/clean.yaml', document: 0, installation: 'Bergen office' }, []),
      summarize({ filePath: 'fleet/two.yaml', document: 1, installation: null }, [finding('version/unknown-db', 'info', 'DB 699 is not in the table', { pointer: '/database/version' })]),
    ];
    const text = markdown(results, context);
    expect(text.split('\n').slice(0, 3)).toEqual([
      '## ❌ tmcheck: 1 error, 1 warning, 1 info',
      '',
      '3 problems in 3 files (3 installations); 2 installations with problems, 1 without; 1 with a safe fix (`tmcheck lint --fix`).',
    ]);
    const { html, tables } = render(text);
    expect(html).toContain('<h3>MV Nordic Star</h3>');
    expect(html).toContain('<h3>(no installation name)</h3>');
    expect(html).not.toContain('Bergen office');
    expect(tables).toHaveLength(2);
    expect(tables[0]?.[0]).toEqual(['Severity', 'Line', 'Field', 'Message', 'Rule']);
    expect(tables[0]?.[1]).toEqual([
      '❌ error',
      '1',
      'TM Exchange POP3 &gt; OAuth2 &gt; Scope',
      'POP3 needs the scope <a href="https://outlook.office365.com/.default">https://outlook.office365.com/.default</a>',
      '<a href="https://tmcheck.dev/docs/rules/oauth2/scope">oauth2/scope</a>',
    ]);
    expect(tables[0]?.[2]?.[0]).toBe('⚠️ warning');
    // no field title: the JSON Pointer
    expect(tables[1]?.[1]?.slice(0, 3)).toEqual(['ℹ️ info', '3', '/database/version']);
    expect(text).toContain('\nfleet/star.yaml\n');
    expect(text).toContain('\nfleet/two.yaml (document 2)\n');
  });

  it('escapes values so that none breaks the table or gets HTML or Markdown in', () => {
    const results = [
      summarize(
        { filePath: 'fleet/<b>|x`.yaml', document: 0, installation: HOSTILE.join(' ') },
        HOSTILE.map((h) => finding('oauth2/scope', 'error', h, { data: { field: h } })),
      ),
    ];
    const text = markdown(results, context);
    const { html, tables } = render(text);
    // only the tags tmcheck writes
    const tags = new Set([...html.matchAll(/<\/?([a-z0-9]+)/g)].map((m) => m[1]));
    expect([...tags].sort()).toEqual(['a', 'h2', 'h3', 'p', 'table', 'tbody', 'td', 'th', 'thead', 'tr']);
    // links: the rules' documentation; no link or image disguised by a text of the value's choosing (a bare
    // https URL is still made a link showing its own address, by GitHub as in any comment)
    for (const [, href, label] of html.matchAll(/<a href="([^"]*)">([\s\S]*?)<\/a>/g)) {
      if (href !== 'https://tmcheck.dev/docs/rules/oauth2/scope') expect(label).toBe(href);
    }
    expect(html).not.toContain('>link</a>');
    // one table, a row per finding, five cells each, each cell's text the value as given (control characters as \uXXXX)
    expect(tables).toHaveLength(1);
    const rows = tables[0]?.slice(1) ?? [];
    expect(rows).toHaveLength(HOSTILE.length);
    for (const [i, row] of rows.entries()) {
      expect(row).toHaveLength(5);
      const shown = escapeControls(HOSTILE[i] as string);
      expect(textOf(row[2] as string)).toBe(shown);
      expect(textOf(row[3] as string)).toBe(shown);
    }
    expect(textOf(html.match(/<h3>([\s\S]*?)<\/h3>/)?.[1] ?? '')).toBe(escapeControls(HOSTILE.join(' ')));
    expect(textOf(html)).toContain('fleet/<b>|x`.yaml');
    // the Markdown itself has no raw line break inside a row, and no raw <
    for (const line of text.split('\n').filter((l) => l.startsWith('| '))) expect(line.endsWith(' |')).toBe(true);
    expect(text).not.toMatch(/<(?!\/?details>|summary>|\/summary>)/);
  });

  it('lists findings silenced by tmcheck-disable comments apart, with the reason, and counts none of them', () => {
    const silenced = { suppressed: { kind: 'inline' as const, justification: 'test vessel | <rotated> weekly' } };
    const results = [
      summarize({ filePath: 'fleet/a.yaml', document: 0, installation: 'MV Nordic Star' }, [finding('oauth2/secret-plaintext', 'warning', 'plaintext', { ...silenced, data: { field: 'Mail Settings > Password' } })]),
    ];
    const text = markdown(results, context);
    expect(text.split('\n')[0]).toBe('✅ **tmcheck**: no problems in 1 file (1 installation); 1 finding silenced by tmcheck-disable comments');
    const { html, tables } = render(text);
    expect(html).toContain('<details><summary>1 finding silenced by tmcheck-disable comments</summary>');
    expect(tables[0]?.[0]).toEqual(['Installation', 'Line', 'Field', 'Rule', 'Reason']);
    expect(tables[0]?.[1]?.map(textOf)).toEqual(['MV Nordic Star, fleet/a.yaml', String(n), 'Mail Settings > Password', 'oauth2/secret-plaintext', 'test vessel | <rotated> weekly']);
    const failing = markdown([summarize({ filePath: 'fleet/a.yaml', document: 0, installation: 'X' }, [finding('parse', 'error', 'bad'), finding('schema', 'error', 'gone', silenced)])], context);
    expect(failing.split('\n')[0]).toBe('## ❌ tmcheck: 1 error, 0 warnings, 0 infos');
    expect(render(failing).tables.map((t) => t.length)).toEqual([2, 2]);
  });

  it('escapes text for a cell', () => {
    expect(markdownText('a|b')).toBe('a\\|b');
    expect(markdownText('<x> & `y`')).toBe('&lt;x&gt; &amp; \\`y\\`');
    expect(markdownText('1\n2')).toBe('1\\\\u000a2');
  });
});
