"use server";

import { revalidatePath } from "next/cache";
import { assertPermission } from "@/lib/auth/guard";
import { formOf } from "@/lib/http/action-form";
import { MAPPED_DIMENSIONS, mappingInputSchema } from "@/lib/otlp/attribute-mapping";
import { setMapping } from "@/lib/otlp/mapping-store";

export type MappingState = { ok: boolean; message: string; errors?: string[] };

/** One field per dimension: attribute keys separated by commas; blank means the dimension is never filled from OTLP. */
export async function saveMappingAction(_prev: MappingState, input: unknown): Promise<MappingState> {
  const form = formOf(input);
  const user = await assertPermission("apikeys.manage");
  const raw = Object.fromEntries(
    MAPPED_DIMENSIONS.map((d) => {
      const v = form.get(d);
      return [d, typeof v === "string" ? v.split(",").map((s) => s.trim()).filter(Boolean) : undefined];
    }),
  );
  const parsed = mappingInputSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, message: "The mapping was not saved.", errors: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`) };
  await setMapping(user.orgId, `user:${user.email}`, parsed.data);
  revalidatePath("/settings/otlp");
  return { ok: true, message: "Saved. New spans use it within 5 seconds." };
}
