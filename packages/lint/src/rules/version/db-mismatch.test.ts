import { ruleTester } from '../../test-utils/rule-tester.js';
import { OFFICE, VESSEL, edit, removeBlock } from '../../test-utils/fixtures.js';
import rule from './db-mismatch.js';

const CLIENT = '"2.664.8271.20345"';
const SERVICE = '"2.664.8302.1200"';
const DB = 'version: 664';

ruleTester(rule, {
  valid: [
    { name: 'a correct vessel', yaml: VESSEL },
    { name: 'a correct office', yaml: OFFICE },
    { name: 'DB 662 throughout', yaml: edit(VESSEL, [DB, 'version: 662'], [CLIENT, '"2.662.8271.20345"'], [SERVICE, '"2.662.8302.1200"']) },
    { name: 'a DB not in the table, throughout', yaml: edit(VESSEL, [DB, 'version: 666'], [CLIENT, '"2.666.8271.20345"'], [SERVICE, '"2.666.8302.1200"']) },
    { name: 'spaces around the version', yaml: edit(VESSEL, [CLIENT, '"  2.664.8271.20345"']) },
    { name: "a version that does not parse is version/syntax's", yaml: edit(VESSEL, [CLIENT, '"2.662.8271.x"']) },
    { name: 'a major other than 2 with the right DB part', yaml: edit(VESSEL, [CLIENT, '"3.664.8271.1"']) },
    { name: "a database.version no version can hold is version/unknown-db's", yaml: edit(VESSEL, [DB, 'version: 70000']) },
  ],
  invalid: [
    {
      name: 'a client for DB 662 on DB 664',
      yaml: edit(VESSEL, [CLIENT, '"2.662.8271.1"']),
      errors: [
        {
          pointer: '/client/version',
          at: '"2.662.8271.1"',
          messageId: 'otherDb',
          data: {
            field: 'Client version',
            value: '"2.662.8271.1"',
            built: '2022-08-24',
            part: 662,
            db: 664,
            dbField: 'DB version',
            product: 'TM Master V2 client',
            minimum: 8271,
          },
          fix: null,
        },
      ],
    },
    {
      name: 'a Server Service for DB 665 on DB 664, the spaces not quoted',
      yaml: edit(VESSEL, [SERVICE, '" 2.665.8302.1200 "']),
      errors: [
        {
          pointer: '/serverService/version',
          at: '" 2.665.8302.1200 "',
          messageId: 'otherDb',
          data: { field: 'Server Service version', value: '"2.665.8302.1200"', built: '2022-09-24', part: 665, db: 664, product: 'TM Master V2 Server Service' },
          fix: null,
        },
      ],
    },
    {
      name: 'the Server Service is judged without TM Exchange too',
      yaml: edit(removeBlock(VESSEL, 'exchange:'), [SERVICE, '"2.662.8302.1200"']),
      errors: [{ pointer: '/serverService/version', at: '"2.662.8302.1200"', messageId: 'otherDb', data: { part: 662, db: 664 }, fix: null }],
    },
    {
      name: 'a build below the minimum too: this rule speaks (and supersedes the build rule)',
      yaml: edit(OFFICE, ['"2.665.8400.100"', '"2.664.8000.100"']),
      errors: [{ pointer: '/client/version', at: '"2.664.8000.100"', messageId: 'otherDb', data: { part: 664, db: 665, minimum: 8271 }, fix: null }],
    },
    {
      name: 'a major other than 2 for another DB: judged here too (version/major supersedes it when on)',
      yaml: edit(VESSEL, [CLIENT, '"1.600.5000.1"']),
      errors: [{ pointer: '/client/version', messageId: 'otherDb', data: { part: 600, db: 664 }, fix: null }],
    },
    {
      name: 'database.version without a known minimum: no build number is suggested',
      yaml: edit(VESSEL, [DB, 'version: 663']),
      errors: [
        { pointer: '/client/version', at: CLIENT, messageId: 'otherDbNoMinimum', data: { db: 663, product: 'TM Master V2 client' }, fix: null },
        { pointer: '/serverService/version', at: SERVICE, messageId: 'otherDbNoMinimum', data: { db: 663, product: 'TM Master V2 Server Service' }, fix: null },
      ],
    },
    {
      name: 'a database below the table: the versions are still for DB 664',
      yaml: edit(VESSEL, [DB, 'version: 600']),
      errors: [
        { pointer: '/client/version', messageId: 'otherDbNoMinimum', data: { part: 664, db: 600 }, fix: null },
        { pointer: '/serverService/version', messageId: 'otherDbNoMinimum', data: { part: 664, db: 600 }, fix: null },
      ],
    },
    {
      name: 'a minimum added in the config is suggested',
      yaml: edit(VESSEL, [DB, 'version: 666'], [SERVICE, '"2.666.8400.1"']),
      minimumBuilds: { '666': 8400 },
      errors: [{ pointer: '/client/version', at: CLIENT, messageId: 'otherDb', data: { db: 666, minimum: 8400 }, fix: null }],
    },
    {
      name: "database.version written as text is the schema's",
      yaml: edit(VESSEL, [DB, 'version: "662"']),
      schemaInvalid: true,
      errors: [],
    },
  ],
});
