import { ruleTester } from '../../test-utils/rule-tester.js';
import { OFFICE, VESSEL, edit, removeBlock } from '../../test-utils/fixtures.js';
import rule from './syntax.js';

const CLIENT = '"2.664.8271.20345"';
const SERVICE = '"2.664.8302.1200"';
const CLIENT_FIELD = 'Client version';
const SERVICE_FIELD = 'Server Service version';

const client = (value: string): string => edit(VESSEL, [CLIENT, value]);
const service = (value: string): string => edit(VESSEL, [SERVICE, value]);

ruleTester(rule, {
  valid: [
    { name: 'a correct vessel', yaml: VESSEL },
    { name: 'a correct office', yaml: OFFICE },
    { name: 'three parts, without the revision', yaml: client('"2.664.8271"') },
    { name: 'unquoted in YAML (a string: it has three dots)', yaml: client('2.664.8271.20345') },
    { name: 'single-quoted', yaml: client("'2.664.8271.20345'") },
    { name: 'spaces around the version', yaml: client('"  2.664.8271.20345 "') },
    { name: 'a tab after the version', yaml: client('"2.664.8271.20345\\t"') },
    { name: 'the largest parts', yaml: client('"2.65534.65534.65534"') },
    { name: 'zeros are numbers too', yaml: client('"2.664.0.0"') },
    { name: 'a lone zero in every part', yaml: client('"0.0.0.0"') },
    { name: 'well-formed but wrong: the other version rules speak', yaml: client('"3.662.8000.1"') },
    { name: 'a Server Service version without TM Exchange', yaml: edit(OFFICE, ['client:', 'serverService:\n  version: "2.665.8400.7"\nclient:']) },
    { name: 'no Server Service version at all (an office)', yaml: OFFICE },
  ],
  invalid: [
    {
      name: 'a leading zero in the build',
      yaml: client('"2.664.08271.1"'),
      errors: [
        {
          pointer: '/client/version',
          at: '"2.664.08271.1"',
          messageId: 'leadingZero',
          data: { field: CLIENT_FIELD, value: '"2.664.08271.1"', column: 7, part: 'build number', number: '"8271"' },
          fix: null,
        },
      ],
    },
    {
      name: 'leading zeros in the DB version',
      yaml: client('"2.0664.8271.1"'),
      errors: [{ pointer: '/client/version', messageId: 'leadingZero', data: { column: 3, part: 'DB version', number: '"664"' }, fix: null }],
    },
    {
      name: 'a comma instead of a dot',
      yaml: client('"2,664.8271.1"'),
      errors: [
        {
          pointer: '/client/version',
          at: '"2,664.8271.1"',
          messageId: 'unexpectedCharacter',
          data: { column: 2, found: '","', expected: 'a "." should come, then the DB version' },
          fix: null,
        },
      ],
    },
    {
      name: 'a letter in front',
      yaml: client('"v2.664.8271.20345"'),
      errors: [
        {
          pointer: '/client/version',
          at: '"v2.664',
          messageId: 'unexpectedCharacter',
          data: { value: '"v2.664.8271.20345"', column: 1, found: '"v"', expected: 'a digit should start the major version' },
          fix: null,
        },
      ],
    },
    {
      name: 'the product name in front',
      yaml: client('"TM Master 2.664.8271.20345"'),
      errors: [{ pointer: '/client/version', messageId: 'unexpectedCharacter', data: { column: 1, found: '"T"' }, fix: null }],
    },
    {
      name: 'the DB version only',
      yaml: client('"2.664"'),
      errors: [
        {
          pointer: '/client/version',
          at: '"2.664"',
          messageId: 'missingPart',
          data: { value: '"2.664"', column: 6, previous: 'DB version', part: 'build number' },
          fix: null,
        },
      ],
    },
    {
      name: 'the major version only, with a space after it',
      yaml: client('"2 "'),
      errors: [{ pointer: '/client/version', messageId: 'missingPart', data: { column: 2, previous: 'major version', part: 'DB version' }, fix: null }],
    },
    {
      name: 'a trailing dot after the build',
      yaml: client('"2.664.8271."'),
      errors: [
        {
          pointer: '/client/version',
          at: '"2.664.8271."',
          messageId: 'trailingDot',
          data: { column: 12, part: 'revision', todo: 'type the revision after it, or remove the "."' },
          fix: null,
        },
      ],
    },
    {
      name: 'a trailing dot after the DB version',
      yaml: client('"2.664. "'),
      errors: [{ pointer: '/client/version', messageId: 'trailingDot', data: { column: 7, part: 'build number', todo: 'type the build number after it' }, fix: null }],
    },
    {
      name: 'five parts',
      yaml: client('"2.664.8271.20345.1"'),
      errors: [{ pointer: '/client/version', at: '"2.664.8271.20345.1"', messageId: 'tooManyParts', data: { column: 17 }, fix: null }],
    },
    {
      name: 'a part above 65534',
      yaml: client('"2.664.82710.1"'),
      errors: [
        {
          pointer: '/client/version',
          at: '"2.664.82710.1"',
          messageId: 'outOfRange',
          data: { column: 7, part: 'build number', number: '82710', max: 65534 },
          fix: null,
        },
      ],
    },
    {
      name: 'a revision of 65535, one above the limit',
      yaml: client('"2.664.8271.65535"'),
      errors: [{ pointer: '/client/version', messageId: 'outOfRange', data: { column: 12, part: 'revision', number: '65535' }, fix: null }],
    },
    {
      name: 'an empty version',
      yaml: client('""'),
      errors: [{ pointer: '/client/version', at: '""', messageId: 'notFilledIn', data: { field: CLIENT_FIELD }, fix: null }],
    },
    {
      name: 'a version of spaces only',
      yaml: service('"   "'),
      errors: [{ pointer: '/serverService/version', at: '"   "', messageId: 'notFilledIn', data: { field: SERVICE_FIELD }, fix: null }],
    },
    {
      name: 'a whole About box pasted in',
      yaml: client(`"${'2.664.8271.20345 '.repeat(16)}"`),
      errors: [{ pointer: '/client/version', messageId: 'tooLong', data: { length: 272, max: 256 }, fix: null }],
    },
    {
      name: 'a suffix after the version',
      yaml: client('"2.664.8271.20345 (x64)"'),
      errors: [
        {
          pointer: '/client/version',
          at: '"2.664.8271.20345 (x64)"',
          messageId: 'unexpectedCharacter',
          data: { column: 18, found: '"("', expected: 'the version should end' },
          fix: null,
        },
      ],
    },
    {
      name: 'columns count the leading spaces',
      yaml: client('"  2.664.x"'),
      errors: [
        {
          pointer: '/client/version',
          at: '"  2.664.x"',
          messageId: 'unexpectedCharacter',
          data: { value: '"  2.664.x"', column: 9, found: '"x"', expected: 'a digit should start the build number' },
          fix: null,
        },
      ],
    },
    {
      name: 'unquoted and malformed: the finding starts at the value',
      yaml: client('2.664.8271-20345'),
      errors: [
        {
          pointer: '/client/version',
          at: '2.664.8271-20345',
          messageId: 'unexpectedCharacter',
          data: { column: 11, found: '"-"', expected: 'a "." and the revision should come, or nothing more' },
          fix: null,
        },
      ],
    },
    {
      name: 'a no-break space inside, shown with its code point',
      yaml: client('"2.664\\u00a0.8271"'),
      errors: [{ pointer: '/client/version', messageId: 'unexpectedCharacter', data: { column: 6, found: '"\u00a0" (U+00A0)' }, fix: null }],
    },
    {
      name: 'a control character is escaped, not printed',
      yaml: client('"2.664.8271\\u0007"'),
      errors: [{ pointer: '/client/version', messageId: 'unexpectedCharacter', data: { column: 11, found: '"\\u0007" (U+0007)' }, fix: null }],
    },
    {
      name: 'the Server Service version',
      yaml: service('"2.664.8302,1200"'),
      errors: [
        {
          pointer: '/serverService/version',
          at: '"2.664.8302,1200"',
          messageId: 'unexpectedCharacter',
          data: { field: SERVICE_FIELD, value: '"2.664.8302,1200"', column: 11, found: '","' },
          fix: null,
        },
      ],
    },
    {
      name: 'the Server Service version, also without TM Exchange',
      yaml: removeBlock(service('"2.664..1200"'), 'exchange:'),
      errors: [
        {
          pointer: '/serverService/version',
          at: '"2.664..1200"',
          messageId: 'unexpectedCharacter',
          data: { field: SERVICE_FIELD, column: 7, found: '"."', expected: 'a digit should start the build number' },
          fix: null,
        },
      ],
    },
    {
      name: 'both versions, each reported',
      yaml: edit(VESSEL, [CLIENT, '"2.664.8271.O"'], [SERVICE, '"2.664.8302.1200."']),
      errors: [
        { pointer: '/client/version', at: '"2.664.8271.O"', messageId: 'unexpectedCharacter', data: { field: CLIENT_FIELD, column: 12, found: '"O"' }, fix: null },
        { pointer: '/serverService/version', at: '"2.664.8302.1200."', messageId: 'tooManyParts', data: { field: SERVICE_FIELD, column: 16 }, fix: null },
      ],
    },
    {
      name: "a version written as a number is the schema's",
      yaml: client('2.664'),
      schemaInvalid: true,
      errors: [],
    },
  ],
});
