import { describe, expect, it } from 'vitest';
import { destination, safeNext, signInPath } from './destinations';

describe('safeNext', () => {
  it('keeps paths on this site', () => {
    expect(safeNext('/admin/staff')).toBe('/admin/staff');
    expect(safeNext('/staff?filter=stuck#top')).toBe('/staff?filter=stuck#top');
  });

  it('refuses anything that could leave the site or loop', () => {
    for (const value of [
      'https://evil.example',
      '//evil.example',
      '/\\evil.example',
      '\\\\evil.example',
      'javascript:alert(1)',
      '/\tevil',
      'admin',
      '',
      null,
      undefined,
      '/signin?next=/x',
      '/api/auth/logout',
    ]) {
      expect(safeNext(value), String(value)).toBeNull();
    }
  });

  it('checks the normalised path, the one the browser is sent to', () => {
    const tricks = [
      '/.//evil.example/x',
      '/..//evil.example/x',
      '/%2e//evil.example/x',
      '/%2E%2E//evil.example',
      '/./%2e/.//evil.example',
      '/a/..//evil.example',
      '/\\evil.example',
      '/%5cevil.example',
      '/%2F%2Fevil.example',
      '/%2fevil.example',
      '/x\nLocation: //evil.example',
      '/\r\n//evil.example',
      '/%0a//evil.example',
      '/ /\t/evil.example',
      '/..%2f..%2fapi/auth/logout',
      '/./api/auth/me',
      '/x/../signin',
    ];
    for (const value of tricks) {
      const safe = safeNext(value);
      expect(
        safe === null || (safe.startsWith('/') && !safe.startsWith('//') && !/^\/[\\/]/.test(safe)),
        `${JSON.stringify(value)} -> ${safe}`,
      ).toBe(true);
      expect(safe, JSON.stringify(value)).toBeNull();
    }
  });

  it('keeps what it returns unchanged when checked again', () => {
    for (const value of ['/staff/cases/case-1', '/a/./b/../c?x=%2F#h', '/conversation?lang=fr']) {
      const safe = safeNext(value)!;
      expect(safe).not.toBeNull();
      expect(safeNext(safe)).toBe(safe);
    }
  });
});

describe('destination', () => {
  it('sends unfinished sign-ins to their step, carrying next along', () => {
    expect(destination('change_password', 'officer', '/staff')).toBe('/account/password?next=%2Fstaff');
    expect(destination('totp_enroll', 'admin', null)).toBe('/account/two-step');
    expect(destination('totp_verify', 'agent', 'https://evil.example')).toBe('/account/two-step');
  });

  it('sends finished sign-ins to a safe next, else the role’s home', () => {
    expect(destination('ready', 'applicant', null)).toBe('/conversation');
    expect(destination('ready', 'officer', '//evil.example')).toBe('/staff');
    expect(destination('ready', 'agent', undefined)).toBe('/agent');
    expect(destination('ready', 'admin', '/admin/staff?x=1')).toBe('/admin/staff?x=1');
  });

  it('builds the sign-in link with an encoded next', () => {
    expect(signInPath('/admin/staff')).toBe('/signin?next=%2Fadmin%2Fstaff');
    expect(signInPath('https://evil.example')).toBe('/signin');
  });
});
