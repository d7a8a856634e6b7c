export type OverrideFormState = { ok: boolean; message: string; errors?: string[] };
