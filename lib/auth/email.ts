import { z } from "zod";

/**
 * A sign-in address: something@somewhere, lower-cased. Deliberately looser than z.email(), which
 * refuses hosts without a dot such as the first-start admin@localhost.
 */
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(320)
  .regex(/^[^@\s]+@[^@\s]+$/, "expected an email address such as ana@example.com");
