/** `link` is a path (/invite/<token>), returned in this one response only; the page adds the host in use. */
export type UserActionState = { ok: boolean; message: string; errors?: string[]; link?: string };

export type AcceptState = { ok: boolean; message: string; errors?: string[]; email?: string };
