import { Hono, type Context } from 'hono';
import { loginBody, passwordChangeBody, totpCodeBody } from '../../src/lib/shared/auth.schemas';
import type { Identity } from '../auth/auth-types';
import type { NewSession } from '../auth/session.service';
import type { AppEnv } from '../http/app-env';
import { clientIp, identityOf, requireRole } from '../http/identity';
import { valid } from '../http/validate';
import type { Services } from '../services';
import { roles } from '../auth/user.model';

const everyStage = ['change_password', 'totp_enroll', 'totp_verify', 'ready'] as const;

/** `/api/auth`: sign-in, sign-out, password change, second factor. */
export function authRoutes(s: Services) {
  const signedIn = requireRole(s.auth, roles, everyStage);

  /** Answers with who is signed in and what they must do next, setting a new session cookie. */
  const answerWithSession = (c: Context<AppEnv>, { cookie, identity }: NewSession) => {
    c.header('Set-Cookie', cookie, { append: true });
    return c.json(describe(identity, s.auth.stage(identity)));
  };

  return new Hono<AppEnv>()
    .get('/me', signedIn, (c) => {
      const identity = identityOf(c);
      return c.json(describe(identity, s.auth.stage(identity)));
    })
    .post('/login', valid('json', loginBody), async (c) => {
      const { username, password } = c.req.valid('json');
      const previous = c.var.identity;
      const session = await s.auth.login(username, password, clientIp(c));
      // Rotation: whatever session this browser had before is ended, never reused, and its sockets closed.
      if (previous) {
        await s.sessions.invalidate(previous.session.id);
        s.realtime.disconnectSession(previous.session.hash);
      }
      return answerWithSession(c, session);
    })
    .post('/logout', signedIn, async (c) => {
      const identity = identityOf(c);
      await s.auth.logout(identity, clientIp(c));
      s.realtime.disconnectSession(identity.session.hash);
      c.header('Set-Cookie', s.sessions.blankCookie());
      return c.body(null, 204);
    })
    .post('/password', signedIn, valid('json', passwordChangeBody), async (c) => {
      const identity = identityOf(c);
      const { currentPassword, newPassword } = c.req.valid('json');
      const session = await s.auth.changePassword(identity, currentPassword, newPassword, clientIp(c));
      s.realtime.disconnectUser(identity.user.id);
      return answerWithSession(c, session);
    })
    .post('/totp/enrol', requireRole(s.auth, roles, ['totp_enroll']), async (c) => {
      const { uri, qrDataUrl, secret } = await s.totp.startEnrolment(identityOf(c));
      return c.json({ uri, qrDataUrl, secret });
    })
    .post('/totp/verify', requireRole(s.auth, roles, ['totp_enroll', 'totp_verify']), valid('json', totpCodeBody), async (c) => {
      const identity = identityOf(c);
      const session = await s.totp.verify(identity, c.req.valid('json').code, clientIp(c));
      return answerWithSession(c, session);
    })
    .post('/totp/skip', requireRole(s.auth, roles, ['totp_enroll', 'totp_verify']), async (c) => {
      const session = await s.totp.skip(identityOf(c), clientIp(c));
      return answerWithSession(c, session);
    });
}

function describe({ user }: Identity, stage: string) {
  return {
    stage,
    user: {
      id: user.id,
      username: user.username,
      role: user.role,
      displayName: user.displayName,
      fullName: user.fullName,
      lang: user.lang,
    },
  };
}
