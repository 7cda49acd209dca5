import { z } from 'zod/mini';
import { postalCodeErrors, postalCodeMatchesProvince, postalCodeSchema, provinceSchema } from './postal-code';

/** Collapses runs of whitespace, so `"12  Main\tSt "` is stored as `"12 Main St"`. */
const tidy = (value: string) => value.replace(/\s+/g, ' ').trim();

/* @__NO_SIDE_EFFECTS__ */
const line = (required: string, tooLong: string, max: number) =>
  z.pipe(
    z.pipe(z.string({ error: required }), z.transform(tidy)),
    /* @__PURE__ */ z.string().check(z.minLength(1, required), z.maxLength(max, tooLong)),
  );

/**
 * A Canadian address (the PR card is mailed here). `unit` is `null` when absent, so the stored
 * value is plain JSON. Issue messages are stable codes (`street_required`,
 * `postal_code_province_mismatch`, ...); a province mismatch is reported on `postalCode`.
 */
export const addressSchema = /* @__PURE__ */ z
  .strictObject({
    street: line('street_required', 'street_too_long', 100),
    unit: z.pipe(
      z.pipe(
        z.pipe(
          z.nullish(z.string()),
          z.transform((value: string | null | undefined) => (value ? tidy(value) : '')),
        ),
        /* @__PURE__ */ z.string().check(z.maxLength(20, 'unit_too_long')),
      ),
      z.transform((value: string) => value || null),
    ),
    city: line('city_required', 'city_too_long', 60),
    province: provinceSchema,
    postalCode: postalCodeSchema,
  })
  .check(
    z.superRefine((address, ctx) => {
      if (!postalCodeMatchesProvince(address.postalCode, address.province)) {
        ctx.addIssue({ code: 'custom', path: ['postalCode'], message: 'postal_code_province_mismatch' });
      }
    }),
  );

export type Address = z.output<typeof addressSchema>;
export type AddressInput = z.input<typeof addressSchema>;

export const addressErrors = [
  'street_required',
  'street_too_long',
  'unit_too_long',
  'city_required',
  'city_too_long',
  'province_invalid',
  ...postalCodeErrors,
  'address_invalid',
] as const;
export type AddressError = (typeof addressErrors)[number];

const isAddressError = (message: string | undefined): message is AddressError =>
  (addressErrors as readonly string[]).includes(message ?? '');

/** The first problem with an address as `{ code, field }`, or null when it is valid. */
export function addressProblem(input: unknown): { code: AddressError; field: string | null } | null {
  const result = addressSchema.safeParse(input);
  if (result.success) return null;
  const issue = result.error.issues[0];
  const field = typeof issue?.path[0] === 'string' ? issue.path[0] : null;
  return { code: isAddressError(issue?.message) ? issue.message : 'address_invalid', field };
}
