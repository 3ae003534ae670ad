import { ruleTester } from '../../test-utils/rule-tester.js';
import { OFFICE, VESSEL, edit } from '../../test-utils/fixtures.js';
import rule from './unknown-db.js';

const DB = 'version: 664';

ruleTester(rule, {
  valid: [
    { name: 'a correct vessel', yaml: VESSEL },
    { name: 'a correct office', yaml: OFFICE },
    { name: 'DB 662', yaml: edit(VESSEL, [DB, 'version: 662']) },
    { name: "a DB below the table is version/unsupported-db's", yaml: edit(VESSEL, [DB, 'version: 661']) },
    { name: 'a DB added in the config', yaml: edit(VESSEL, [DB, 'version: 666']), minimumBuilds: { '666': 8400 } },
    { name: 'a DB between two in the table, added in the config', yaml: edit(VESSEL, [DB, 'version: 663']), minimumBuilds: { '663': 8271 } },
  ],
  invalid: [
    {
      name: 'DB 663, between two in the table',
      yaml: edit(VESSEL, [DB, 'version: 663']),
      errors: [
        {
          pointer: '/database/version',
          at: '663',
          messageId: 'notInTable',
          data: { field: 'DB version', db: 663, table: '662, 664, 665' },
          fix: null,
        },
      ],
    },
    {
      name: 'DB 666, newer than the table',
      yaml: edit(OFFICE, ['version: 665', 'version: 666']),
      errors: [{ pointer: '/database/version', at: '666', messageId: 'notInTable', data: { db: 666 }, fix: null }],
    },
    {
      name: 'the table listed includes what the config added',
      yaml: edit(VESSEL, [DB, 'version: 667']),
      minimumBuilds: { '666': 8400 },
      errors: [{ pointer: '/database/version', at: '667', messageId: 'notInTable', data: { table: '662, 664, 665, 666' }, fix: null }],
    },
    {
      name: 'the largest DB a version can hold is still a DB version',
      yaml: edit(VESSEL, [DB, 'version: 65534']),
      errors: [{ pointer: '/database/version', at: '65534', messageId: 'notInTable', data: { db: 65534 }, fix: null }],
    },
    {
      name: 'a DB version no TM Master version can hold',
      yaml: edit(VESSEL, [DB, 'version: 70000']),
      errors: [
        {
          pointer: '/database/version',
          at: '70000',
          messageId: 'aboveVersionMax',
          data: { field: 'DB version', db: 70000, max: 65534, clientField: 'Client version' },
          fix: null,
        },
      ],
    },
    {
      name: 'one above the largest',
      yaml: edit(VESSEL, [DB, 'version: 65535']),
      errors: [{ pointer: '/database/version', at: '65535', messageId: 'aboveVersionMax', data: { db: 65535 }, fix: null }],
    },
  ],
});
