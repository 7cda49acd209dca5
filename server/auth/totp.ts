import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';

const ISSUER = 'Landing Portal';
const PERIOD = 30;

function totp(secret: string, label: string) {
  return new TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: 6, period: PERIOD, secret: Secret.fromBase32(secret) });
}

/** A fresh base32 TOTP secret (160 bits, RFC 6238 / RFC 4226). */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI and a QR code (data URL) for authenticator apps. */
export async function totpEnrolment(secret: string, username: string) {
  const uri = totp(secret, username).toString();
  const qrDataUrl = await QRCode.toDataURL(uri, { margin: 1, width: 220, errorCorrectionLevel: 'M' });
  return { uri, qrDataUrl, secret };
}

/**
 * Checks a 6-digit code, allowing one step of clock drift. Returns the accepted time step so the
 * caller can refuse a replay (a step at or below the last one used), or null.
 */
export function verifyTotp(secret: string, code: string, at: Date, lastStep: number): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totp(secret, 'x').validate({ token: code, timestamp: at.getTime(), window: 1 });
  if (delta === null) return null;
  const step = Math.floor(at.getTime() / 1000 / PERIOD) + delta;
  return step > lastStep ? step : null;
}

/** The current code, for tests and demo tooling. */
export function currentTotp(secret: string, at: Date): string {
  return totp(secret, 'x').generate({ timestamp: at.getTime() });
}
