import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('applies defaults for a bare development environment', () => {
    const config = loadConfig({}, '/srv/portal');
    expect(config.PORT).toBe(3000);
    expect(config.NODE_ENV).toBe('development');
    expect(config.dataPath).toBe('/srv/portal/data');
    expect(config.MONGODB_URI).toBeUndefined();
    expect(config.demo).toBe(true);
  });

  it('names the bad variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ MONGODB_URI: 'postgres://x' })).toThrow(/MONGODB_URI: must start with mongodb/);
    expect(() => loadConfig({ CLOUDINARY_URL: 'https://nope' })).toThrow(/CLOUDINARY_URL/);
  });

  it('refuses production without real secrets, naming each one', () => {
    let message = '';
    try {
      loadConfig({ NODE_ENV: 'production', RESEND_API_KEY: 'changeme' });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/ORIGIN: is required in production/);
    expect(message).toMatch(/MONGODB_URI: is required in production/);
    expect(message).toMatch(/RESEND_API_KEY: is required in production/);
  });

  it('accepts a complete production environment and turns demo mode off', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      ORIGIN: 'https://landing.example.ca',
      MONGODB_URI: 'mongodb+srv://user:pw@cluster.example.net/landing',
      RESEND_API_KEY: 're_live_123456',
    });
    expect(config.demo).toBe(false);
  });
});
