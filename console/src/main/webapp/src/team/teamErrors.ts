import type { ErrorContract } from "../errors/errorContract";

interface Exists {
  exists(key: string): boolean;
  t(key: string, options?: Record<string, unknown>): string;
}

/**
 * The team page's own words for the self-service API's error codes (team.errors.<error>), in the user's language,
 * where the error carries no message key the console knows; everything else as the shared display shows it
 * (message key, else the server's text). Domain-restriction refusals keep the server's sentence: it names the rule.
 */
export function localize(error: ErrorContract, messages: Exists): ErrorContract {
  if (error.messageKey && messages.exists(`errors.${error.messageKey}`)) {
    return error;
  }
  const key = `team.errors.${error.error}`;
  if (messages.exists(key)) {
    return { ...error, messageKey: undefined, errorMessage: messages.t(key) };
  }
  return error;
}
