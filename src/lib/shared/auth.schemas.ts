import { z } from 'zod';

/** Request bodies of `/api/auth/*`, shared by the sign-in screens and the server. */
export const loginBody = z.strictObject({
  username: z.string().trim().min(1, 'required').max(100),
  password: z.string().min(1, 'required').max(1024),
});

export const passwordChangeBody = z.strictObject({
  currentPassword: z.string().min(1, 'required').max(1024),
  newPassword: z.string().min(1, 'required').max(1024),
});

export const totpCodeBody = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'six_digits'),
});

export const staffAccountBody = z.strictObject({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z][a-z0-9._-]{2,39}$/, 'username_format'),
  fullName: z.string().trim().min(2).max(120),
  displayName: z.string().trim().min(1).max(60),
  role: z.enum(['officer', 'agent', 'admin']),
  email: z.email().max(200).optional(),
});

export type LoginBody = z.infer<typeof loginBody>;
export type StaffAccountBody = z.infer<typeof staffAccountBody>;
