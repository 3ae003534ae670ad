import { describe, expect, it } from 'vitest';
import { summarize, type Finding, type Severity } from '../finding.js';
import { RULES } from '../rules/index.js';
import { escapeControls } from '../text/escape.js';
import { escapeData, escapeProperty, github } from './github.js';
import type { FormatterContext } from './types.js';

const context: FormatterContext = { color: false, toolName: 'tmcheck', toolVersion: '1.2.0', rules: RULES, cwd: '/srv/repo' };

function finding(severity: Severity, message: string, extra: Partial<Finding> = {}): Finding {
  return { ruleId: 'oauth2/scope', messageId: 'm', severity, message, pointer: '/p', line: 41, column: 14, endLine: 41, endColumn: 51, ...extra };
}

interface Command {
  readonly command: string;
  readonly properties: Record<string, string>;
  readonly message: string;
}

/** Reads a workflow command back as the Actions runner does: `::name k=v,k=v::data`, then unescapes. */
function readCommand(line: string): Command {
  const m = /^::([a-z]+)(?: ([^:]*))?::(.*)$/.exec(line);
  if (!m) throw new Error(`not a workflow command: ${line}`);
  const unescapeProperty = (s: string): string =>
    s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
  const properties: Record<string, string> = {};
  for (const pair of (m[2] ?? '').split(',').filter((p) => p !== '')) {
    const i = pair.indexOf('=');
    properties[pair.slice(0, i)] = unescapeProperty(pair.slice(i + 1));
  }
  return { command: m[1] as string, properties, message: (m[3] as string).replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%') };
}

describe('github', () => {
  it('writes one workflow command per finding, error, warning or notice, with the position and the rule as title', () => {
    const text = github(
      [
        summarize({ filePath: '/srv/repo/fleet/nordic-star.yaml', document: 0, installation: 'MV Nordic Star' }, [
          finding('error', 'POP3 needs the scope https://outlook.office365.com/.default'),
          finding('warning', 'Timeout is 5 seconds', { ruleId: 'exchange/timeout', line: 30, column: 5, endLine: 32, endColumn: 2 }),
          finding('info', 'DB 699 is not in the table', { ruleId: 'version/unknown-db' }),
          finding('warning', 'silenced', { suppressed: { kind: 'inline', justification: '' } }),
        ]),
      ],
      context,
    );
    expect(text).toBe(
      [
        '::error file=fleet/nordic-star.yaml,line=41,col=14,endLine=41,endColumn=51,title=oauth2/scope::POP3 needs the scope https://outlook.office365.com/.default',
        // a range over several lines: no columns (GitHub takes them only within one line)
        '::warning file=fleet/nordic-star.yaml,line=30,endLine=32,title=exchange/timeout::Timeout is 5 seconds',
        '::notice file=fleet/nordic-star.yaml,line=41,col=14,endLine=41,endColumn=51,title=version/unknown-db::DB 699 is not in the table',
        '',
      ].join('\n'),
    );
    expect(github([], context)).toBe('');
  });

  it('escapes as GitHub documents: % CR LF in the message; also : and , in properties', () => {
    expect(escapeData('100% done\r\nnext: a, b')).toBe('100%25 done%0D%0Anext: a, b');
    expect(escapeProperty('C:\\a,b%\n')).toBe('C%3A\\a%2Cb%25%0A');
  });

  it('keeps every value in its place: a hostile file name and message read back as they were, one command per line', () => {
    const message = '50% of "it", a::b, ::error file=x::forged\r\n::warning::second line %0A not a break';
    const file = 'fleet/a,b:c%20d\r\n::error::x.yaml';
    const text = github([summarize({ filePath: file, document: 0, installation: null }, [finding('error', message)])], { ...context, cwd: undefined });
    const lines = text.split('\n').filter((l) => l !== '');
    expect(lines).toHaveLength(1);
    const command = readCommand(lines[0] as string);
    expect(command.command).toBe('error');
    expect(command.properties).toEqual({ file: escapeControls(file), line: '41', col: '14', endLine: '41', endColumn: '51', title: 'oauth2/scope' });
    // line breaks and other control characters are written as \uXXXX before GitHub's escaping: no command can start on a line of its own
    expect(command.message).toBe(escapeControls(message));
  });

  it('names no file for standard input', () => {
    const text = github([summarize({ filePath: '<stdin>', document: 0, installation: null }, [finding('error', 'bad')])], context);
    expect(text).toBe('::error title=oauth2/scope::bad\n');
  });
});
