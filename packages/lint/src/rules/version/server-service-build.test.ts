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
    { name: "the client build is another rule's", yaml: edit(VESSEL, [CLIENT, '"2.664.8000.1"']) },
    { name: "a version that does not parse is version/syntax's", yaml: edit(VESSEL, [SERVICE, '"2.664.8000.1.1"']) },
    { name: 'a build for another DB that meets the minimum', yaml: edit(VESSEL, [SERVICE, '"2.665.8302.1"']) },
    { name: 'an unknown DB has no minimum to compare with', yaml: edit(VESSEL, [DB, 'version: 663'], [SERVICE, '"2.663.8000.1"']) },
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
          messageId: 'belowMinimum',
          data: {
            field: 'Server Service version',
            value: '"2.664.8270.1200"',
            build: 8270,
            built: '2022-08-23',
            minimum: 8271,
            minimumBuilt: '2022-08-24',
            db: 664,
            product: 'TM Master V2 Server Service',
          },
          fix: null,
        },
      ],
    },
    {
      name: 'TM Exchange with POP3 only',
      yaml: edit(removeBlock(VESSEL, '  smtp:'), [SERVICE, '"2.664.8000.1"']),
      errors: [{ pointer: '/serverService/version', at: '"2.664.8000.1"', messageId: 'belowMinimum', data: { build: 8000, built: '2021-11-26', minimum: 8271 }, fix: null }],
    },
    {
      name: 'TM Exchange with SMTP only',
      yaml: edit(removeBlock(VESSEL, '  pop3:'), [SERVICE, '"2.664.7000.1"']),
      errors: [{ pointer: '/serverService/version', messageId: 'belowMinimum', data: { build: 7000 }, fix: null }],
    },
    {
      name: 'DB 665, with spaces around the version',
      yaml: edit(VESSEL, [DB, 'version: 665'], [CLIENT, '"2.665.8271.1"'], [SERVICE, '"2.665.8100.1 "']),
      errors: [{ pointer: '/serverService/version', at: '"2.665.8100.1 "', messageId: 'belowMinimum', data: { value: '"2.665.8100.1"', db: 665 }, fix: null }],
    },
    {
      name: 'a DB added in the config',
      yaml: edit(VESSEL, [DB, 'version: 666'], [CLIENT, '"2.666.8400.1"'], [SERVICE, '"2.666.8399.2"']),
      minimumBuilds: { '666': 8400 },
      errors: [
        {
          pointer: '/serverService/version',
          at: '"2.666.8399.2"',
          messageId: 'belowMinimum',
          data: { build: 8399, built: '2022-12-30', minimum: 8400, minimumBuilt: '2022-12-31', db: 666 },
          fix: null,
        },
      ],
    },
    {
      name: 'an old build for another DB: judged against the database (version/db-mismatch supersedes it when on)',
      yaml: edit(VESSEL, [SERVICE, '"2.665.8000.1"']),
      errors: [{ pointer: '/serverService/version', messageId: 'belowMinimum', data: { build: 8000, db: 664 }, fix: null }],
    },
    {
      name: 'an old build of another major version (version/major supersedes it when on)',
      yaml: edit(VESSEL, [SERVICE, '"1.664.8000.1"']),
      errors: [{ pointer: '/serverService/version', messageId: 'belowMinimum', data: { build: 8000 }, fix: null }],
    },
  ],
});
