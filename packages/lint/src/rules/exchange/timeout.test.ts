import { edit, OFFICE, removeBlock, removeLine, VESSEL } from '../../test-utils/fixtures.js';
import { ruleTester } from '../../test-utils/rule-tester.js';
import rule from './timeout.js';

const POINTER = '/exchange/smtp/timeoutSeconds';
const FIX = { pointer: POINTER, value: 100 };
const timeout = (seconds: string): string => edit(VESSEL, ['timeoutSeconds: 100', `timeoutSeconds: ${seconds}`]);

ruleTester(rule, {
  valid: [
    { name: 'the correct vessel of the guide (100 seconds)', yaml: VESSEL },
    { name: 'the office: no TM Exchange', yaml: OFFICE },
    { name: 'the lowest accepted value, 30 seconds', yaml: timeout('30') },
    { name: 'the highest accepted value, 600 seconds', yaml: timeout('600') },
    { name: 'a slow satellite link: 300 seconds', yaml: timeout('300') },
    { name: 'TM Exchange without SMTP settings', yaml: removeBlock(VESSEL, '  smtp:') },
  ],
  invalid: [
    {
      name: 'Timeout left out',
      yaml: removeLine(VESSEL, 'timeoutSeconds:'),
      errors: [
        {
          pointer: POINTER,
          at: 'smtp:',
          after: 'exchange:',
          message: 'TM Exchange SMTP > Timeout is not set: type 100 (seconds), the value the guide calls reasonable',
          fix: FIX,
        },
      ],
    },
    {
      name: 'Timeout under 30 seconds',
      yaml: timeout('10'),
      errors: [{ pointer: POINTER, at: '10', after: 'timeoutSeconds:', message: 'TM Exchange SMTP > Timeout is 10 seconds, under 30', fix: FIX }],
    },
    {
      name: 'Timeout of 29 seconds',
      yaml: timeout('29'),
      errors: [{ pointer: POINTER, at: '29', after: 'timeoutSeconds:', message: 'under 30', fix: FIX }],
    },
    {
      name: 'Timeout over 600 seconds (an hour)',
      yaml: timeout('3600'),
      errors: [{ pointer: POINTER, at: '3600', message: 'TM Exchange SMTP > Timeout is 3600 seconds, over 600', fix: FIX }],
    },
    {
      name: 'Timeout in milliseconds by mistake',
      yaml: timeout('100000'),
      errors: [{ pointer: POINTER, at: '100000', message: 'over 600', fix: FIX }],
    },
    {
      name: 'Timeout checked even for a basic-auth relay site',
      yaml: removeLine(edit(VESSEL, ['server: https://graph.microsoft.com/v1.0/users/replication.nordicstar@example.com/sendMail', 'server: smtp.example.com']), 'timeoutSeconds:'),
      errors: [{ pointer: POINTER, at: 'smtp:', after: 'exchange:', message: 'is not set', fix: FIX }],
    },
    {
      name: 'a Timeout of the wrong type is the schema\'s to report',
      schemaInvalid: true,
      yaml: timeout('"100s"'),
      errors: [],
    },
  ],
});
