import { ruleTester } from '../../test-utils/rule-tester.js';
import { OFFICE, VESSEL, edit, removeBlock } from '../../test-utils/fixtures.js';
import rule from './major.js';

const CLIENT = '"2.664.8271.20345"';
const SERVICE = '"2.664.8302.1200"';
const DB = 'version: 664';

ruleTester(rule, {
  valid: [
    { name: 'a correct vessel', yaml: VESSEL },
    { name: 'a correct office', yaml: OFFICE },
    { name: 'spaces around the version', yaml: edit(VESSEL, [CLIENT, '" 2.664.8271.20345 "']) },
    { name: "a version that does not parse is version/syntax's", yaml: edit(VESSEL, [CLIENT, '"3.664.08271.1"']) },
    { name: "a version 2 build below the minimum is another rule's", yaml: edit(VESSEL, [CLIENT, '"2.664.8000.1"']) },
    { name: "a version 2 build for another DB is another rule's", yaml: edit(VESSEL, [SERVICE, '"2.662.8302.1200"']) },
    { name: 'a version 2 build on a DB not in the table', yaml: edit(VESSEL, [DB, 'version: 663'], [CLIENT, '"2.663.8271.1"'], [SERVICE, '"2.663.8302.1"']) },
  ],
  invalid: [
    {
      name: 'a client version 3',
      yaml: edit(VESSEL, [CLIENT, '"3.664.8271.1"']),
      errors: [
        {
          pointer: '/client/version',
          at: '"3.664.8271.1"',
          messageId: 'notV2',
          data: { field: 'Client version', value: '"3.664.8271.1"', major: 3, db: 664, minimum: 8271, product: 'TM Master V2 client' },
          fix: null,
        },
      ],
    },
    {
      name: 'a TM Master V1 Server Service',
      yaml: edit(VESSEL, [SERVICE, '"1.664.8000.1"']),
      errors: [
        {
          pointer: '/serverService/version',
          at: '"1.664.8000.1"',
          messageId: 'notV2',
          data: { field: 'Server Service version', value: '"1.664.8000.1"', major: 1, product: 'TM Master V2 Server Service' },
          fix: null,
        },
      ],
    },
    {
      name: 'the Server Service is judged without TM Exchange too',
      yaml: edit(removeBlock(VESSEL, 'exchange:'), [SERVICE, '"0.664.8302.1"']),
      errors: [{ pointer: '/serverService/version', at: '"0.664.8302.1"', messageId: 'notV2', data: { major: 0 }, fix: null }],
    },
    {
      name: 'the build to install follows database.version, not the DB part',
      yaml: edit(OFFICE, ['"2.665.8400.100"', '"20.664.8400.100"']),
      errors: [{ pointer: '/client/version', at: '"20.664.8400.100"', messageId: 'notV2', data: { major: 20, db: 665, minimum: 8271 }, fix: null }],
    },
    {
      name: 'the value is quoted without the spaces around it',
      yaml: edit(VESSEL, [CLIENT, '"  1.664.8271.1 "']),
      errors: [{ pointer: '/client/version', messageId: 'notV2', data: { value: '"1.664.8271.1"' }, fix: null }],
    },
    {
      name: 'a DB without a known minimum: no build number is suggested',
      yaml: edit(VESSEL, [DB, 'version: 663'], [CLIENT, '"3.663.8271.1"'], [SERVICE, '"2.663.8302.1200"']),
      errors: [{ pointer: '/client/version', at: '"3.663.8271.1"', messageId: 'notV2NoMinimum', data: { major: 3, db: 663, product: 'TM Master V2 client' }, fix: null }],
    },
    {
      name: 'a database.version no version can hold: the DB part names the build',
      yaml: edit(VESSEL, [DB, 'version: 70000'], [CLIENT, '"1.664.8271.1"']),
      errors: [{ pointer: '/client/version', messageId: 'notV2', data: { db: 664, minimum: 8271 }, fix: null }],
    },
    {
      name: 'a minimum added in the config is suggested',
      yaml: edit(VESSEL, [DB, 'version: 666'], [CLIENT, '"3.666.8400.1"'], [SERVICE, '"2.666.8400.1200"']),
      minimumBuilds: { '666': 8400 },
      errors: [{ pointer: '/client/version', at: '"3.666.8400.1"', messageId: 'notV2', data: { db: 666, minimum: 8400 }, fix: null }],
    },
    {
      name: 'both, at their own lines',
      yaml: edit(VESSEL, [CLIENT, '"3.664.8271.1"'], [SERVICE, '"3.664.8302.1200"']),
      errors: [
        { pointer: '/client/version', at: '"3.664.8271.1"', messageId: 'notV2', data: { field: 'Client version', value: '"3.664.8271.1"' }, fix: null },
        { pointer: '/serverService/version', at: '"3.664.8302.1200"', messageId: 'notV2', data: { field: 'Server Service version', value: '"3.664.8302.1200"' }, fix: null },
      ],
    },
  ],
});
