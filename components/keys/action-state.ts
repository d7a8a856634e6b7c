export type CreateKeyState = { ok: boolean; message: string; errors?: string[]; key?: string };

export type LimitsState = { ok: boolean; message: string };
