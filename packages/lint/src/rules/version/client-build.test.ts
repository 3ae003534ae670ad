import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../engine/config.js';
import { lintText } from '../../engine/lint-document.js';
import { ruleTester } from '../../test-utils/rule-tester.js';
import { OFFICE, VESSEL, edit, removeLine } from '../../test-utils/fixtures.js';
import rule from './client-build.js';
import dbMismatch from './db-mismatch.js';
import major from './major.js';

const CLIENT = '"2.664.8271.20345"';
const SERVICE = '"2.664.8302.1200"';
const DB = 'version: 664';

ruleTester(rule, {
  valid: [
    { name: 'a correct vessel', yaml: VESSEL },
    { name: 'a correct office', yaml: OFFICE },
    { name: 'exactly the minimum, three parts', yaml: edit(VESSEL, [CLIENT, '"2.664.8271"']) },
    { name: 'DB 662 at the minimum', yaml: edit(VESSEL, [DB, 'version: 662'], [CLIENT, '"2.662.8271.0"'], [SERVICE, '"2.662.8271.1"']) },
    { name: 'unquoted, with spaces around it', yaml: edit(VESSEL, [CLIENT, '  2.664.9000.1  ']) },
    { name: "the Server Service build is another rule's", yaml: edit(VESSEL, [SERVICE, '"2.664.8000.1"']) },
    { name: "a version that does not parse is version/syntax's", yaml: edit(VESSEL, [CLIENT, '"2.664.08000.1"']) },
    { name: 'a build for another DB that meets the minimum', yaml: edit(VESSEL, [CLIENT, '"2.662.8300.1"']) },
    { name: 'an unknown DB has no minimum to compare with', yaml: edit(VESSEL, [DB, 'version: 666'], [CLIENT, '"2.666.8000.1"']) },
    { name: 'an unsupported DB has no minimum to compare with', yaml: edit(VESSEL, [DB, 'version: 600'], [CLIENT, '"2.600.7000.1"']) },
    { name: 'a database.version no version can hold has no minimum', yaml: edit(VESSEL, [DB, 'version: 70000'], [CLIENT, '"2.664.8000.1"']) },
    {
      name: 'a DB added in the config, at its minimum',
      yaml: edit(VESSEL, [DB, 'version: 666'], [CLIENT, '"2.666.8400.1"'], [SERVICE, '"2.666.8400.2"']),
      minimumBuilds: { '666': 8400 },
    },
  ],
  invalid: [
    {
      name: 'one day before the minimum',
      yaml: edit(VESSEL, [CLIENT, '"2.664.8270.20345"']),
      errors: [
        {
          pointer: '/client/version',
          at: '"2.664.8270.20345"',
          messageId: 'belowMinimum',
          data: {
            field: 'Client version',
            value: '"2.664.8270.20345"',
            build: 8270,
            built: '2022-08-23',
            minimum: 8271,
            minimumBuilt: '2022-08-24',
            db: 664,
            product: 'TM Master V2 client',
          },
          fix: null,
        },
      ],
    },
    {
      name: 'an older build on DB 665, without TM Exchange',
      yaml: edit(OFFICE, ['"2.665.8400.100"', '"2.665.8000.100"']),
      errors: [
        {
          pointer: '/client/version',
          at: '"2.665.8000.100"',
          messageId: 'belowMinimum',
          data: { build: 8000, built: '2021-11-26', minimum: 8271, db: 665 },
          fix: null,
        },
      ],
    },
    {
      name: 'DB 662, unquoted',
      yaml: edit(VESSEL, [DB, 'version: 662'], [CLIENT, '2.662.8200.1'], [SERVICE, '"2.662.8302.1200"']),
      errors: [{ pointer: '/client/version', at: '2.662.8200.1', messageId: 'belowMinimum', data: { build: 8200, built: '2022-06-14', db: 662 }, fix: null }],
    },
    {
      name: 'a DB added in the config',
      yaml: edit(VESSEL, [DB, 'version: 666'], [CLIENT, '"2.666.8399.1"'], [SERVICE, '"2.666.8400.2"']),
      minimumBuilds: { '666': 8400 },
      errors: [
        {
          pointer: '/client/version',
          at: '"2.666.8399.1"',
          messageId: 'belowMinimum',
          data: { build: 8399, built: '2022-12-30', minimum: 8400, minimumBuilt: '2022-12-31', db: 666 },
          fix: null,
        },
      ],
    },
    {
      name: 'a built-in minimum raised in the config',
      yaml: VESSEL,
      minimumBuilds: { '664': 8300 },
      errors: [{ pointer: '/client/version', at: CLIENT, messageId: 'belowMinimum', data: { build: 8271, minimum: 8300, minimumBuilt: '2022-09-22' }, fix: null }],
    },
    {
      name: "database.version missing (the schema's): the version's DB part stands in",
      yaml: edit(removeLine(VESSEL, DB), ['database:\n', ''], [CLIENT, '"2.664.8000.1"']),
      schemaInvalid: true,
      errors: [{ pointer: '/client/version', at: '"2.664.8000.1"', messageId: 'belowMinimum', data: { db: 664 }, fix: null }],
    },
    {
      name: 'an old build for another DB: judged against the database (version/db-mismatch supersedes it when on)',
      yaml: edit(VESSEL, [CLIENT, '"2.662.8000.1"']),
      errors: [{ pointer: '/client/version', messageId: 'belowMinimum', data: { build: 8000, db: 664, minimum: 8271 }, fix: null }],
    },
    {
      name: 'an old build of another major version (version/major supersedes it when on)',
      yaml: edit(VESSEL, [CLIENT, '"1.664.8000.1"']),
      errors: [{ pointer: '/client/version', messageId: 'belowMinimum', data: { build: 8000, db: 664 }, fix: null }],
    },
  ],
});

describe('version/client-build with the rules that supersede it', () => {
  const rules = [major, dbMismatch, rule];
  /** Rule and message of each finding at the client version, with these rules on (the others off). */
  function found(yaml: string, off: readonly string[] = []): string[] {
    const config = resolveConfig(rules, { config: { rules: Object.fromEntries(off.map((id) => [id, 'off'])) } });
    return lintText(yaml, { filePath: 'case.yaml' }, { config, today: '2026-11-29', rules })
      .flatMap((r) => r.messages)
      .filter((m) => m.pointer === '/client/version')
      .map((m) => `${m.ruleId}:${m.messageId}`);
  }

  it('a version for another DB: db-mismatch alone; switched off, the old build still shows', () => {
    const yaml = edit(VESSEL, [CLIENT, '"2.662.8000.1"']);
    expect(found(yaml)).toEqual(['version/db-mismatch:otherDb']);
    expect(found(yaml, ['version/db-mismatch'])).toEqual(['version/client-build:belowMinimum']);
  });

  it('a version 1 client: major alone; switched off, the others speak', () => {
    const yaml = edit(VESSEL, [CLIENT, '"1.662.8000.1"']);
    expect(found(yaml)).toEqual(['version/major:notV2']);
    expect(found(yaml, ['version/major'])).toEqual(['version/db-mismatch:otherDb']);
    expect(found(yaml, ['version/major', 'version/db-mismatch'])).toEqual(['version/client-build:belowMinimum']);
  });
});
