export type AlertActionState = { ok: boolean; message: string; errors?: string[] };
