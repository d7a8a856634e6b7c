export type SourceFormState = { ok: boolean; message: string; errors?: string[]; id?: string };
