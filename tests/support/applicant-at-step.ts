import { expect } from 'vitest';
import { io } from 'socket.io-client';
import type { Browser, BrowserContext } from 'playwright-core';
import type { ApplicantEventInput } from '../../src/lib/shared/landing/events';
import { answersBeforePhoto } from '../resilience/support/landing-script';
import { applicantByInvitation } from './applicant-invitation';
import { ConversationClient } from './conversation-client';
import { HttpSession } from './http-session';
import type { TestSocket } from './portal';

export const NEW_PASSWORD = 'maple syrup on a snowy morning';

/** The answers from the welcome to the photo step, as the applicant's own socket sends them. */
export const toPhotoStep: ApplicantEventInput[] = answersBeforePhoto;

/**
 * An invited applicant (Zoë Lévesque-Tremblay) who signed in and chose a new password over HTTP,
 * then answered `events` through a real socket; the browser context gets the same session.
 */
export async function applicantAt(baseUrl: string, demoPassword: string, context: BrowserContext, events: ApplicantEventInput[]) {
  const invited = await applicantByInvitation(baseUrl, demoPassword);
  const http = new HttpSession(baseUrl);
  expect((await http.post('/api/auth/login', { username: invited.username, password: invited.password })).status).toBe(200);
  expect((await http.post('/api/auth/password', { currentPassword: invited.password, newPassword: NEW_PASSWORD })).status).toBe(200);
  const socket = io(baseUrl, { transports: ['websocket'], extraHeaders: { cookie: http.cookieHeader } }) as TestSocket;
  const client = new ConversationClient(socket);
  await client.sync();
  for (const event of events) await client.must(event);
  const { hostname } = new URL(baseUrl);
  await context.addCookies([...http.cookies].map(([name, value]) => ({ name, value, domain: hostname, path: '/' })));
  return { ...invited, http, client, close: () => socket.close() };
}

/** A phone: 390 × 844, touch, mobile viewport. */
export const phoneContext = (browser: Browser, locale = 'en-CA') =>
  browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 1, locale });
