import { ruleTester } from '../../test-utils/rule-tester.js';
import { OFFICE, VESSEL, edit, removeLine } from '../../test-utils/fixtures.js';
import rule from './client-build.js';

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
    { name: 'the Server Service build is another rule\'s', yaml: edit(VESSEL, [SERVICE, '"2.664.8000.1"']) },
    { name: 'a version that does not parse is version/syntax\'s', yaml: edit(VESSEL, [CLIENT, '"2.664.08000.1"']) },
    { name: 'a major other than 2 is version/major\'s', yaml: edit(VESSEL, [CLIENT, '"1.664.8000.1"']) },
    { name: 'a DB part other than database.version is version/db-mismatch\'s', yaml: edit(VESSEL, [CLIENT, '"2.662.8000.1"']) },
    { name: 'an unknown DB is version/unknown-db\'s', yaml: edit(VESSEL, [DB, 'version: 666'], [CLIENT, '"2.666.8000.1"']) },
    { name: 'an unsupported DB is version/unsupported-db\'s', yaml: edit(VESSEL, [DB, 'version: 600'], [CLIENT, '"2.600.7000.1"']) },
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
          message:
            'Client build 8270 (built 2022-08-23) is below 8271 (2022-08-24), the minimum for DB 664: upgrade the TM Master V2 client to 2.664.8271 or later',
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
          message: 'Client build 8000 (built 2021-11-26) is below 8271 (2022-08-24), the minimum for DB 665: upgrade the TM Master V2 client to 2.665.8271 or later',
          fix: null,
        },
      ],
    },
    {
      name: 'DB 662, unquoted',
      yaml: edit(VESSEL, [DB, 'version: 662'], [CLIENT, '2.662.8200.1'], [SERVICE, '"2.662.8302.1200"']),
      errors: [{ pointer: '/client/version', at: '2.662.8200.1', message: 'Client build 8200 (built 2022-06-14) is below 8271 (2022-08-24), the minimum for DB 662', fix: null }],
    },
    {
      name: 'a DB added in the config',
      yaml: edit(VESSEL, [DB, 'version: 666'], [CLIENT, '"2.666.8399.1"'], [SERVICE, '"2.666.8400.2"']),
      minimumBuilds: { '666': 8400 },
      errors: [
        {
          pointer: '/client/version',
          at: '"2.666.8399.1"',
          message: 'Client build 8399 (built 2022-12-30) is below 8400 (2022-12-31), the minimum for DB 666: upgrade the TM Master V2 client to 2.666.8400 or later',
          fix: null,
        },
      ],
    },
    {
      name: 'a built-in minimum raised in the config',
      yaml: VESSEL,
      minimumBuilds: { '664': 8300 },
      errors: [{ pointer: '/client/version', at: CLIENT, message: 'Client build 8271 (built 2022-08-24) is below 8300 (2022-09-22), the minimum for DB 664', fix: null }],
    },
    {
      name: 'database.version missing (the schema\'s): the version\'s DB part stands in',
      yaml: edit(removeLine(VESSEL, DB), ['database:\n', ''], [CLIENT, '"2.664.8000.1"']),
      schemaInvalid: true,
      errors: [{ pointer: '/client/version', at: '"2.664.8000.1"', message: 'the minimum for DB 664', fix: null }],
    },
  ],
});
