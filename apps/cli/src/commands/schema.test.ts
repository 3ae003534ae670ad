import { describe, expect, it } from 'vitest';
import { tmcheck } from '../test-io.js';

describe('tmcheck schema', () => {
  it('prints the manifest schema (draft 2020-12) with its $id by default', async () => {
    const r = await tmcheck(['schema']);
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toMatch(/manifest\.schema\.json$/);
    expect(schema.properties).toHaveProperty('exchange');
  });

  it('prints the config schema', async () => {
    const schema = JSON.parse((await tmcheck(['schema', 'config'])).stdout);
    expect(schema.$id).toMatch(/config\.schema\.json$/);
    expect(schema.properties).toHaveProperty('minimumBuilds');
  });

  it('refuses another name with exit 2 and says which exist', async () => {
    const r = await tmcheck(['schema', 'manifests']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('choose manifest or config');
  });
});
