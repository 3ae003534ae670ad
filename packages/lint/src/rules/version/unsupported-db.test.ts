import { ruleTester } from '../../test-utils/rule-tester.js';
import { OFFICE, VESSEL, edit } from '../../test-utils/fixtures.js';
import rule from './unsupported-db.js';

const DB = 'version: 664';

ruleTester(rule, {
  valid: [
    { name: 'a correct vessel', yaml: VESSEL },
    { name: 'a correct office', yaml: OFFICE },
    { name: 'the oldest DB in the table', yaml: edit(VESSEL, [DB, 'version: 662']) },
    { name: "a DB between two in the table is version/unknown-db's", yaml: edit(VESSEL, [DB, 'version: 663']) },
    { name: "a DB above the table is version/unknown-db's", yaml: edit(VESSEL, [DB, 'version: 700']) },
    { name: 'an old DB added in the config', yaml: edit(VESSEL, [DB, 'version: 650']), minimumBuilds: { '650': 8300 } },
  ],
  invalid: [
    {
      name: 'DB 661',
      yaml: edit(VESSEL, [DB, 'version: 661']),
      errors: [
        {
          pointer: '/database/version',
          at: '661',
          messageId: 'olderThanTable',
          data: { field: 'DB version', db: 661, table: '662, 664, 665', oldest: 662, minimum: 8271 },
          fix: null,
        },
      ],
    },
    {
      name: 'DB 0, in an office',
      yaml: edit(OFFICE, ['version: 665', 'version: 0']),
      errors: [{ pointer: '/database/version', at: '0', after: 'database:', messageId: 'olderThanTable', data: { db: 0 }, fix: null }],
    },
    {
      name: 'an older DB added in the config moves the floor',
      yaml: edit(VESSEL, [DB, 'version: 640']),
      minimumBuilds: { '650': 8200 },
      errors: [
        {
          pointer: '/database/version',
          at: '640',
          messageId: 'olderThanTable',
          data: { db: 640, table: '650, 662, 664, 665', oldest: 650, minimum: 8200 },
          fix: null,
        },
      ],
    },
    {
      name: "database.version written as text is the schema's",
      yaml: edit(VESSEL, [DB, 'version: "600"']),
      schemaInvalid: true,
      errors: [],
    },
  ],
});
