import { ruleTester } from '../../test-utils/rule-tester.js';
import { OFFICE, VESSEL, edit, removeBlock } from '../../test-utils/fixtures.js';
import rule from './server-service-build.js';

const CLIENT = '"2.664.8271.20345"';
const SERVICE = '"2.664.8302.1200"';
const DB = 'version: 664';

ruleTester(rule, {
  valid: [
    { name: 'a correct vessel', yaml: VESSEL },
    { name: 'a correct office (no Server Service, no TM Exchange)', yaml: OFFICE },
    { name: 'exactly the minimum', yaml: edit(VESSEL, [SERVICE, '"2.664.8271.0"']) },
    { name: 'an old Server Service without TM Exchange sends no mail', yaml: edit(removeBlock(VESSEL, 'exchange:'), [SERVICE, '"2.664.8000.1"']) },
    { name: 'the client build is another rule\'s', yaml: edit(VESSEL, [CLIENT, '"2.664.8000.1"']) },
    { name: 'a version that does not parse is version/syntax\'s', yaml: edit(VESSEL, [SERVICE, '"2.664.8000.1.1"']) },
    { name: 'a major other than 2 is version/major\'s', yaml: edit(VESSEL, [SERVICE, '"1.664.8000.1"']) },
    { name: 'a DB part other than database.version is version/db-mismatch\'s', yaml: edit(VESSEL, [SERVICE, '"2.665.8000.1"']) },
    { name: 'an unknown DB is version/unknown-db\'s', yaml: edit(VESSEL, [DB, 'version: 663'], [SERVICE, '"2.663.8000.1"']) },
    {
      name: 'a DB added in the config, above its minimum',
      yaml: edit(VESSEL, [DB, 'version: 666'], [CLIENT, '"2.666.8400.1"'], [SERVICE, '"2.666.8401.2"']),
      minimumBuilds: { '666': 8400 },
    },
  ],
  invalid: [
    {
      name: 'one day before the minimum',
      yaml: edit(VESSEL, [SERVICE, '"2.664.8270.1200"']),
      errors: [
        {
          pointer: '/serverService/version',
          at: '"2.664.8270.1200"',
          message:
            'Server Service build 8270 (built 2022-08-23) is below 8271 (2022-08-24), the minimum for DB 664: upgrade the TM Master V2 Server Service to 2.664.8271 or later',
          fix: null,
        },
      ],
    },
    {
      name: 'TM Exchange with POP3 only',
      yaml: edit(removeBlock(VESSEL, '  smtp:'), [SERVICE, '"2.664.8000.1"']),
      errors: [{ pointer: '/serverService/version', at: '"2.664.8000.1"', message: 'Server Service build 8000 (built 2021-11-26) is below 8271', fix: null }],
    },
    {
      name: 'DB 665, with spaces around the version',
      yaml: edit(VESSEL, [DB, 'version: 665'], [CLIENT, '"2.665.8271.1"'], [SERVICE, '"2.665.8100.1 "']),
      errors: [{ pointer: '/serverService/version', at: '"2.665.8100.1 "', message: 'the minimum for DB 665: upgrade the TM Master V2 Server Service to 2.665.8271 or later', fix: null }],
    },
    {
      name: 'a DB added in the config',
      yaml: edit(VESSEL, [DB, 'version: 666'], [CLIENT, '"2.666.8400.1"'], [SERVICE, '"2.666.8399.2"']),
      minimumBuilds: { '666': 8400 },
      errors: [
        {
          pointer: '/serverService/version',
          at: '"2.666.8399.2"',
          message: 'Server Service build 8399 (built 2022-12-30) is below 8400 (2022-12-31), the minimum for DB 666',
          fix: null,
        },
      ],
    },
  ],
});
