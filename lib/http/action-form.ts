/**
 * Server actions are public HTTP endpoints: anyone may POST any arguments to one, not only the form
 * its page renders. This reads the form argument as sent and anything else as an empty form, so a
 * hand-made call meets the action's own validation (an error it can show) rather than a TypeError
 * (a 500 and a stack trace in the log).
 */
export function formOf(input: unknown): FormData {
  return input instanceof FormData ? input : new FormData();
}
