"use server";

import { formOf } from "@/lib/http/action-form";
import { z } from "zod";
import { UserChangeError } from "@/lib/auth/users";
import { redeemLink } from "@/lib/auth/invitations";
import type { AcceptState } from "@/components/users/action-state";

const schema = z
  .object({
    token: z.string().min(1).max(200),
    name: z.string().trim().max(100, "name: at most 100 characters"),
    password: z.string().min(8, "password: at least 8 characters").max(512, "password: at most 512 characters"),
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { message: "password: the two passwords differ", path: ["confirm"] });

/** Public: the token is the credential. It works once (lib/auth/invitations.ts marks it used in the same transaction). */
export async function acceptLinkAction(_prev: AcceptState, input: unknown): Promise<AcceptState> {
  const form = formOf(input);
  const parsed = schema.safeParse({ token: form.get("token"), name: form.get("name") ?? "", password: form.get("password"), confirm: form.get("confirm") });
  if (!parsed.success) return { ok: false, message: "Nothing was changed.", errors: parsed.error.issues.map((i) => i.message) };
  try {
    const r = await redeemLink(parsed.data.token, { name: parsed.data.name, password: parsed.data.password });
    return {
      ok: true,
      email: r.email,
      message: r.kind === "invite" ? `Your account ${r.email} is ready.` : `The password of ${r.email} is changed; every earlier session has ended.`,
    };
  } catch (err) {
    if (err instanceof UserChangeError) return { ok: false, message: err.message };
    throw err;
  }
}
