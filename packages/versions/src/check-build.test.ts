import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkBuild, type BuildVerdict } from './check-build.js';
import { minimumBuildTable } from './minimum-builds.js';
import { part, utf16, versionish } from './test-utils/arbitraries.js';
import type { Version } from './version.js';

type Row = readonly [
  name: string,
  input: Parameters<typeof checkBuild>[0],
  expected: Partial<BuildVerdict> & Pick<BuildVerdict, 'status' | 'ok' | 'reason'>,
];

const TABLE = '(662, 664, 665)';

describe('checkBuild: one row per status', () => {
  const rows: readonly Row[] = [
    [
      'ok at the minimum',
      { version: '2.664.8271.20345' },
      {
        status: 'ok',
        ok: true,
        db: 664,
        minimumBuild: 8271,
        buildDate: '2022-08-24',
        version: { major: 2, db: 664, build: 8271, revision: 20345 },
        reason: 'build 8271 meets 8271, the minimum for DB 664',
      },
    ],
    [
      'ok above the minimum, db given',
      { version: '2.662.9000', db: 662 },
      { status: 'ok', ok: true, db: 662, minimumBuild: 8271, buildDate: '2024-08-22', reason: 'build 9000 meets 8271, the minimum for DB 662' },
    ],
    [
      'below-minimum',
      { version: '2.664.8270' },
      {
        status: 'below-minimum',
        ok: false,
        db: 664,
        minimumBuild: 8271,
        buildDate: '2022-08-23',
        reason: 'build 8270 is below 8271, the minimum for DB 664',
      },
    ],
    [
      'below-minimum, DB 665, revision at the end of the day',
      { version: '2.665.8270.43199', db: 665 },
      { status: 'below-minimum', ok: false, db: 665, minimumBuild: 8271, reason: 'build 8270 is below 8271, the minimum for DB 665' },
    ],
    [
      'unknown-db: in the range of the table but not in it',
      { version: '2.663.9000' },
      {
        status: 'unknown-db',
        ok: true,
        db: 663,
        minimumBuild: null,
        reason: `DB 663 is not in the table of minimum builds ${TABLE}: the minimum is unknown; add it to the table in config`,
      },
    ],
    [
      'unknown-db: newer than the table',
      { version: '2.666.1' },
      {
        status: 'unknown-db',
        ok: true,
        db: 666,
        minimumBuild: null,
        buildDate: '2000-01-02',
        reason: `DB 666 is not in the table of minimum builds ${TABLE}: the minimum is unknown; add it to the table in config`,
      },
    ],
    [
      'unsupported-db',
      { version: '2.661.9000' },
      {
        status: 'unsupported-db',
        ok: false,
        db: 661,
        minimumBuild: null,
        reason: `DB 661 is older than every DB version in the table ${TABLE}: OAuth2 mail needs a database upgrade`,
      },
    ],
    [
      'db-mismatch',
      { version: '2.662.8271', db: 664 },
      { status: 'db-mismatch', ok: false, db: 664, minimumBuild: null, reason: 'the DB part 662 differs from the database version 664' },
    ],
    [
      'db-mismatch comes before unsupported-db',
      { version: '2.664.8271', db: 600 },
      { status: 'db-mismatch', ok: false, db: 600, reason: 'the DB part 664 differs from the database version 600' },
    ],
    [
      'wrong-major',
      { version: '3.664.8271' },
      {
        status: 'wrong-major',
        ok: false,
        db: 664,
        minimumBuild: null,
        buildDate: '2022-08-24',
        reason: 'major version 3 is not 2: the OAuth2 guide is for TM Master V2 (2.DB.BUILD)',
      },
    ],
    [
      'wrong-major comes before db-mismatch',
      { version: '1.662.1', db: 664 },
      { status: 'wrong-major', ok: false, db: 664, reason: 'major version 1 is not 2: the OAuth2 guide is for TM Master V2 (2.DB.BUILD)' },
    ],
    [
      'invalid text, no db',
      { version: 'v2.664.8271' },
      { status: 'invalid', ok: false, db: undefined, minimumBuild: null, reason: '"v2.664.8271" is not a version: column 1: "v" cannot start a version; expected a digit starting the major version, such as 2.664.8271.20345' },
    ],
    [
      'invalid comes before everything, db given',
      { version: '3.661.08271', db: 664 },
      { status: 'invalid', ok: false, db: 664, minimumBuild: null, reason: '"3.661.08271" is not a version: column 7: "0" starts a number with a leading zero; expected a number without leading zeros, such as 2.664.8271.20345' },
    ],
  ];

  it.each(rows)('%s', (_name, input, expected) => {
    expect(checkBuild(input)).toMatchObject(expected);
  });

  it('covers every status', () => {
    const statuses = new Set(rows.map(([, input]) => checkBuild(input).status));
    expect([...statuses].sort()).toEqual(
      ['below-minimum', 'db-mismatch', 'invalid', 'ok', 'unknown-db', 'unsupported-db', 'wrong-major'].sort(),
    );
  });
});

describe('checkBuild: details', () => {
  it('attaches the syntax error of invalid text and no version or build date', () => {
    const verdict = checkBuild({ version: '2.664.08271.1' });
    expect(verdict.error).toMatchObject({ code: 'leading-zero', column: 7 });
    expect(verdict.version).toBeUndefined();
    expect(verdict.buildDate).toBeUndefined();
  });

  it('shortens long invalid text in the reason', () => {
    const verdict = checkBuild({ version: '2'.repeat(300) });
    expect(verdict.status).toBe('invalid');
    expect(verdict.reason.startsWith('the text of 300 characters is not a version: column 257: ')).toBe(true);
  });

  it('accepts a Version object', () => {
    const version: Version = { major: 2, db: 665, build: 8300 };
    expect(checkBuild({ version })).toMatchObject({ status: 'ok', version, db: 665, minimumBuild: 8271 });
  });

  it.each([
    { major: 2, db: 664 },
    { major: 2, db: 664, build: -1 },
    { major: '2', db: 664, build: 8271 },
    { major: 2, db: 664, build: 8271, revision: 70000 },
    null,
    2.664,
  ])('is invalid, without an error, for the non-version %j', (version) => {
    const verdict = checkBuild({ version: version as unknown as Version });
    expect(verdict).toMatchObject({ status: 'invalid', ok: false, minimumBuild: null });
    expect(verdict.version).toBeUndefined();
  });

  it.each([664.5, -1, 70000, Number.NaN])('is invalid when db is %d', (db) => {
    expect(checkBuild({ version: '2.664.8271', db })).toMatchObject({ status: 'invalid', ok: false });
  });

  it('uses the table it is given', () => {
    const table = minimumBuildTable({ 666: 9000 });
    expect(checkBuild({ version: '2.666.8999', table })).toMatchObject({
      status: 'below-minimum',
      minimumBuild: 9000,
      reason: 'build 8999 is below 9000, the minimum for DB 666',
    });
    expect(checkBuild({ version: '2.666.9000', table })).toMatchObject({ status: 'ok', ok: true, minimumBuild: 9000 });
    const only700 = new Map([[700, 1]]);
    expect(checkBuild({ version: '2.664.8271', table: only700 })).toMatchObject({
      status: 'unsupported-db',
      reason: 'DB 664 is older than every DB version in the table (700): OAuth2 mail needs a database upgrade',
    });
  });

  it('treats every DB as unknown with an empty table', () => {
    expect(checkBuild({ version: '2.1.1', table: new Map() })).toMatchObject({
      status: 'unknown-db',
      ok: true,
      minimumBuild: null,
      reason: 'DB 1 is not in the table of minimum builds (which is empty): the minimum is unknown; add it to the table in config',
    });
  });
});

describe('checkBuild: properties', () => {
  it('for major 2 and a DB in the table, ok exactly when the build meets the minimum', () => {
    const table = minimumBuildTable();
    fc.assert(
      fc.property(fc.constantFrom(662, 664, 665), fc.integer({ min: 0, max: 65534 }), fc.option(part, { nil: undefined }), (db, build, revision) => {
        const version: Version = revision === undefined ? { major: 2, db, build } : { major: 2, db, build, revision };
        const verdict = checkBuild({ version, table });
        expect(verdict.ok).toBe(build >= 8271);
        expect(verdict.status).toBe(build >= 8271 ? 'ok' : 'below-minimum');
        expect(verdict.minimumBuild).toBe(8271);
      }),
    );
  });

  it('never throws; ok is true exactly for ok and unknown-db', () => {
    const text = fc.oneof(
      versionish,
      utf16,
      fc.tuple(part, part, part).map(([a, b, c]) => `${a % 4}.${660 + (b % 8)}.${8268 + (c % 6)}`),
    );
    fc.assert(
      fc.property(text, fc.option(fc.integer({ min: 655, max: 670 }), { nil: undefined }), (version, db) => {
        const verdict = checkBuild(db === undefined ? { version } : { version, db });
        expect(verdict.ok).toBe(verdict.status === 'ok' || verdict.status === 'unknown-db');
        expect(verdict.minimumBuild !== null).toBe(verdict.status === 'ok' || verdict.status === 'below-minimum');
        expect(verdict.reason.length).toBeGreaterThan(0);
      }),
      { numRuns: 1000 },
    );
  });
});
