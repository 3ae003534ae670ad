import { ruleTester } from '../../test-utils/rule-tester.js';
import { OFFICE, VESSEL, edit, removeBlock } from '../../test-utils/fixtures.js';
import rule from './syntax.js';

const CLIENT = '"2.664.8271.20345"';
const SERVICE = '"2.664.8302.1200"';
const FORM = 'is not of the form 2.DB.BUILD.REVISION (e.g. "2.664.8271.20345")';

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
    { name: 'well-formed but wrong: the other version rules speak', yaml: client('"3.662.8000.1"') },
    { name: 'a Server Service version without TM Exchange', yaml: edit(OFFICE, ['client:', 'serverService:\n  version: "2.665.8400.7"\nclient:']) },
  ],
  invalid: [
    {
      name: 'a leading zero in the build',
      yaml: client('"2.664.08271.1"'),
      errors: [
        {
          pointer: '/client/version',
          at: '"2.664.08271.1"',
          message: `Client version "2.664.08271.1" ${FORM}: at column 7 of the version, "0" starts a number with a leading zero; expected a number without leading zeros`,
          fix: null,
        },
      ],
    },
    {
      name: 'a comma instead of a dot',
      yaml: client('"2,664.8271.1"'),
      errors: [{ pointer: '/client/version', at: '"2,664.8271.1"', message: /column 2 of the version, "," .*expected a "\."/, fix: null }],
    },
    {
      name: 'a letter in front',
      yaml: client('"v2.664.8271.20345"'),
      errors: [{ pointer: '/client/version', at: '"v2.664', message: /column 1 of the version, "v" cannot start a version; expected a digit/, fix: null }],
    },
    {
      name: 'the DB version only',
      yaml: client('"2.664"'),
      errors: [{ pointer: '/client/version', at: '"2.664"', message: /column 6 of the version, .*build number is missing/, fix: null }],
    },
    {
      name: 'a trailing dot',
      yaml: client('"2.664.8271."'),
      errors: [{ pointer: '/client/version', at: '"2.664.8271."', message: /column 12 of the version, the version ends with a "\."/, fix: null }],
    },
    {
      name: 'five parts',
      yaml: client('"2.664.8271.20345.1"'),
      errors: [{ pointer: '/client/version', at: '"2.664.8271.20345.1"', message: /column 17 of the version, .*at most four/, fix: null }],
    },
    {
      name: 'a part above 65534',
      yaml: client('"2.664.82710.1"'),
      errors: [{ pointer: '/client/version', at: '"2.664.82710.1"', message: /column 7 of the version, the build number 82710 is out of range; expected a number from 0 to 65534/, fix: null }],
    },
    {
      name: 'an empty version',
      yaml: client('""'),
      errors: [{ pointer: '/client/version', at: '""', message: /Client version "" .*column 1 of the version, the text is empty/, fix: null }],
    },
    {
      name: 'a suffix after the version',
      yaml: client('"2.664.8271.20345 (x64)"'),
      errors: [{ pointer: '/client/version', at: '"2.664.8271.20345 (x64)"', message: /column 18 of the version, "\(" .*expected the end/, fix: null }],
    },
    {
      name: 'columns count the leading spaces',
      yaml: client('"  2.664.x"'),
      errors: [{ pointer: '/client/version', at: '"  2.664.x"', message: /column 9 of the version, "x"/, fix: null }],
    },
    {
      name: 'unquoted and malformed: the finding starts at the value',
      yaml: client('2.664.8271-20345'),
      errors: [{ pointer: '/client/version', at: '2.664.8271-20345', message: /column 11 of the version, "-"/, fix: null }],
    },
    {
      name: 'the Server Service version',
      yaml: service('"2.664.8302,1200"'),
      errors: [
        {
          pointer: '/serverService/version',
          at: '"2.664.8302,1200"',
          message: `Server Service version "2.664.8302,1200" ${FORM}: at column 11 of the version,`,
          fix: null,
        },
      ],
    },
    {
      name: 'the Server Service version, also without TM Exchange',
      yaml: removeBlock(service('"2.664..1200"'), 'exchange:'),
      errors: [{ pointer: '/serverService/version', at: '"2.664..1200"', message: /Server Service version .*column 7 of the version, the build number is missing between two dots/, fix: null }],
    },
    {
      name: 'both versions, each reported',
      yaml: edit(VESSEL, [CLIENT, '"2.664.8271.O"'], [SERVICE, '"2.664.8302.1200."']),
      errors: [
        { pointer: '/client/version', at: '"2.664.8271.O"', message: /Client version "2\.664\.8271\.O" .*column 12 of the version, "O"/, fix: null },
        { pointer: '/serverService/version', at: '"2.664.8302.1200."', message: /Server Service version .*column 16 of the version/, fix: null },
      ],
    },
    {
      name: 'a version written as a number is the schema\'s',
      yaml: client('2.664'),
      schemaInvalid: true,
      errors: [],
    },
  ],
});
