export type MonitorFormValues = { name: string; dimension: string; kinds: string[]; minSpendUsd: string; sensitivity: string };
/** `values`: what was submitted, shown again after a refusal (React resets a form after its action). */
export type MonitorFormState = { ok: boolean; message: string; errors?: string[]; values?: MonitorFormValues };
