import type { ErrorContract } from "../errors/errorContract";

interface Messages {
  exists(key: string): boolean;
  t(key: string, options?: Record<string, unknown>): string;
}

/**
 * A refusal of the SAML set-up in the user's language (team.saml.errors.<error>) followed by the server's reason
 * (the unreachable URL's status, the parser's complaint...), which says what exactly was wrong.
 */
export function localizeSaml(error: ErrorContract, messages: Messages): ErrorContract {
  const key = `team.saml.errors.${error.error}`;
  if (!messages.exists(key)) {
    return error;
  }
  const localized = messages.t(key);
  const reason = error.errorMessage?.trim();
  return {
    ...error,
    messageKey: undefined,
    errorMessage: reason && reason !== localized ? `${localized} (${reason})` : localized,
  };
}
