export type FormState = { ok: boolean; message: string; errors?: string[]; secret?: string };
