import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../engine/config.js';
import { lintBytes, lintText } from '../engine/lint-document.js';
import { OFFICE } from '../test-utils/fixtures.js';
import parse from './parse.js';
import schema from './schema.js';

const RULES = [parse, schema];
const options = { config: resolveConfig(RULES), today: '2026-11-29', rules: RULES };

describe('parse', () => {
  it('reports a YAML syntax error with its line and column, as the only finding of that document', () => {
    const text = OFFICE.replace('  kind: office', '  kind: "office');
    const [r] = lintText(text, { filePath: 'broken.yaml' }, options);
    expect(r!.messages).toHaveLength(1);
    expect(r!.messages[0]).toMatchObject({ ruleId: 'parse', severity: 'error', pointer: '' });
    expect(r!.messages[0]!.message).toMatch(/^YAML syntax error: /);
    expect(r!.messages[0]!.line).toBeGreaterThanOrEqual(4);
  });

  it('reports a JSON syntax error in a .json file as JSON', () => {
    const [r] = lintText('{\n  "schemaVersion": 1,\n  "installation": {\n}', { filePath: 'x.json', json: true }, options);
    expect(r!.messages[0]!.message).toMatch(/^JSON syntax error/);
  });

  it('reports an encoding that is neither UTF-8 nor UTF-16 with BOM', () => {
    const [r] = lintBytes(Buffer.from('installation:\n  name: Tr\xf8ms\xf8\n', 'latin1'), { filePath: 'latin1.yaml' }, options);
    expect(r!.messages.map((m) => m.ruleId)).toEqual(['parse']);
    expect(r!.messages[0]!.message).toContain('not UTF-8');
  });

  it('reports tabs used for indentation with advice', () => {
    const [r] = lintText('schemaVersion: 1\ninstallation:\n\tname: x\n', { filePath: 'tabs.yaml' }, options);
    expect(r!.messages[0]).toMatchObject({ ruleId: 'parse', line: 3 });
  });
});
